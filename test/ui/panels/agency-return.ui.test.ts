/**
 * The Agency return panel, for agency leads: a return made by the returns engine, filled in with
 * mistakes, open in Excel; Check my return lists what is wrong by kind, with counts, and each
 * "Go to" button selects the cell in the workbook. With the mouse and with the keyboard alone.
 */
import type { Locator, Page } from "playwright-core";
import { filled } from "../../core/returns/kit";
import { tabTo } from "../harness/keyboard";
import { usePane, type HostClient } from "../harness/pane";
import { waitForStatus } from "../harness/status";
import { chooseTabWithKeyboard, chooseTabWithMouse } from "../harness/tabs";
import { seedFromBuffer } from "../harness/workbooks";

const TAB = "Agency return";
const HEADING = { name: "Check my return" };

/**
 * The kit's return for Children's Social Care, Q1 2025/26, filled correctly and then with three
 * slips: a percentage over 100 (G22), a figure missing (G24), and a big rise left unexplained (G23).
 */
async function returnWithMistakes(): Promise<Awaited<ReturnType<typeof seedFromBuffer>>> {
  const bytes = await filled((d) => {
    d.at("CP02", "value").value = 104;
    d.at("CP03", "value").value = 300;
    d.at("CP04", "value").value = null;
  });
  return seedFromBuffer(bytes, "csc-return-q1.xlsx");
}

function checkSection(scope: Locator): Locator {
  return scope.getByRole("region", { name: "Check my return" });
}

/** The headings of the issue groups and the badges' counts, as a person reads them. */
async function readGroups(section: Locator): Promise<{ headings: string[]; counts: string[] }> {
  return {
    headings: await section.getByRole("heading", { level: 3 }).allTextContents(),
    counts: await section.getByRole("list", { name: "Issues found" }).getByRole("listitem").allTextContents(),
  };
}

const EXPECTED_GROUPS = {
  headings: ["Errors: must be fixed (2)", "Queries: explain each in the commentary (1)"],
  counts: ["Errors 2", "Queries 1", "Warnings 0"],
};

/** The host's selection once it is `cell` (selecting is an Excel.run the click starts), or as it stands after 5 s. */
async function selectionBecomes(host: HostClient, cell: string): Promise<string | null> {
  const until = Date.now() + 5_000;
  let now = await host.selection();
  while (now !== cell && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    now = await host.selection();
  }
  return now;
}

async function openReturn(page: Page, how: "mouse" | "keyboard"): Promise<Locator> {
  const shown = how === "mouse" ? await chooseTabWithMouse(page, TAB) : await chooseTabWithKeyboard(page, TAB);
  await shown.getByRole("heading", HEADING).waitFor();
  return shown;
}

describe("Agency return panel", () => {
  const pane = usePane();
  let seed: Awaited<ReturnType<typeof returnWithMistakes>>;

  beforeAll(async () => {
    seed = await returnWithMistakes();
  });

  test("choose the tab and find Check my return", async () => {
    const { page, screenshot } = await pane.open();
    const shown = await chooseTabWithMouse(page, TAB);
    await expect(shown.getByRole("heading", HEADING).isVisible()).resolves.toBe(true);
    await screenshot();
  });

  test.each(["Enter", "Space"] as const)("keyboard only: Tab to the tabs, arrows, and choose it with %s", async (key) => {
    const { page } = await pane.open();
    const shown = await chooseTabWithKeyboard(page, TAB, key);
    await expect(shown.getByRole("heading", HEADING).isVisible()).resolves.toBe(true);
  });

  test("check my return: the issues grouped and counted, Go to selects the cell, the report written", async () => {
    const { page, host, screenshot } = await pane.open({ host: seed });
    const section = checkSection(await openReturn(page, "mouse"));
    const before = await host.snapshot();

    await section.getByRole("button", { name: "Check my return" }).click();
    expect(await waitForStatus(section, "Not ready to send")).toBe("The return (Children's Social Care, Q1 2025/26) has 2 errors to fix before it is sent.");
    expect(await readGroups(section)).toEqual(EXPECTED_GROUPS);
    const errors = section.getByRole("region", { name: "Errors: must be fixed (2)" });
    expect(await errors.getByRole("listitem").allTextContents()).toEqual([
      expect.stringMatching(/^Return!G22: the value for CP02 .* is 104; a percentage must be between 0 and 100\.Go to G22$/),
      expect.stringMatching(/^Return!G24: there is no value for CP04 .*Go to G24$/),
    ]);
    // Checking reads the workbook and changes nothing in it.
    expect((await host.requests()).every((r) => !r.changedWorkbook)).toBe(true);
    expect(await host.snapshot()).toEqual(before);
    await screenshot("checked");

    await errors.getByRole("button", { name: "Go to G24" }).click();
    expect(await selectionBecomes(host, "Return!G24")).toBe("Return!G24");
    expect(await host.activeSheet()).toBe("Return");
    await section.getByRole("region", { name: /^Queries/ }).getByRole("button", { name: "Go to G23" }).click();
    expect(await selectionBecomes(host, "Return!G23")).toBe("Return!G23");

    const report = page.getByRole("region", { name: "Validation report" });
    await report.getByRole("button", { name: "Write the validation report" }).click();
    await waitForStatus(report, "Report written");
    expect(await host.sheetNames()).toContain("Validation report");
    // The return's own sheets are as they were.
    expect((await host.snapshot(["Return", "Checks"])).sheets).toEqual(before.sheets.filter((s) => s.name === "Return" || s.name === "Checks"));
    await screenshot("report");
  });

  test("keyboard only: check my return, read the issues, go to a cell", async () => {
    const { page, host, screenshot } = await pane.open({ host: seed });
    const section = checkSection(await openReturn(page, "keyboard"));
    await tabTo(page, section.getByRole("button", { name: "Check my return" }));
    await page.keyboard.press("Enter");
    await waitForStatus(section, "Not ready to send");
    expect(await readGroups(section)).toEqual(EXPECTED_GROUPS);
    // From the check button, through the switch, to the issues' buttons in reading order.
    await tabTo(page, section.getByRole("button", { name: "Go to G23" }), { max: 10 });
    await page.keyboard.press("Enter");
    expect(await selectionBecomes(host, "Return!G23")).toBe("Return!G23");
    await tabTo(page, section.getByRole("button", { name: "Go to G22" }), { backwards: true, max: 10 });
    await page.keyboard.press("Space");
    expect(await selectionBecomes(host, "Return!G22")).toBe("Return!G22");
    await screenshot();
  });
});
