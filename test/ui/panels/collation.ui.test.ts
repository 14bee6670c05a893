/**
 * The Collation panel, for sub-committee secretaries: making a return template from the indicator
 * set open in Excel (the bundled sample set). Read the set, choose the agency and period, write the
 * template sheets, and find the Return sheet and its very hidden specification in the workbook.
 * Then collating return files picked through the file chooser (made by the returns engine and the
 * file adapter, one of them with an error), and writing the collated sheets.
 * With the mouse and with the keyboard alone.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Locator, Page } from "playwright-core";
import { agencyReturn } from "../../core/collate/kit";
import { pickFileWithKeyboard, pickFileWithMouse } from "../harness/files";
import { chooseOptionWithKeyboard, tabTo, typeText } from "../harness/keyboard";
import { usePane, type HostClient } from "../harness/pane";
import { waitForStatus } from "../harness/status";
import { chooseTabWithKeyboard, chooseTabWithMouse } from "../harness/tabs";
import { seedFromFile } from "../harness/workbooks";

const TAB = "Collation";
const SET = "assets/samples/indicator-set.csv";

function templateSection(scope: Locator): Locator {
  return scope.getByRole("region", { name: "Make a return template" });
}

/** The sheets a template adds, with their states, and whether the Return sheet names the agency and period. */
async function templateInHost(host: HostClient, agency: string, period: string): Promise<{ sheets: [string, string][]; named: boolean }> {
  const snapshot = await host.snapshot(["Return", "Checks", "_spec"]);
  const returnSheet = snapshot.sheets.find((s) => s.name === "Return");
  const texts = Object.values(returnSheet?.cells ?? {}).map((c) => String(c.value ?? ""));
  return {
    sheets: snapshot.sheets.map((s) => [s.name, s.state]),
    named: texts.some((t) => t.includes(agency)) && texts.some((t) => t.includes(period)),
  };
}

function collateSection(scope: Locator): Locator {
  return scope.getByRole("region", { name: "Collate returns" });
}

/**
 * Two returns for Q1 2025/26 as agency leads save them: Police's filled correctly, and Health's
 * with a percentage over 100, which is an error, so Health's return is rejected.
 */
async function returnFiles(): Promise<{ dir: string; files: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "collate-ui-"));
  const police = path.join(dir, "police-q1.xlsx");
  const health = path.join(dir, "health-q1.xlsx");
  fs.writeFileSync(police, await agencyReturn("Police"));
  fs.writeFileSync(
    health,
    await agencyReturn("Health", (d) => {
      d.at("CP02", "value").value = 104;
    }),
  );
  return { dir, files: [police, health] };
}

/** What the section says about each file, once collated. */
async function collatedFiles(section: Locator): Promise<string[]> {
  return section.getByRole("list", { name: "Files" }).getByRole("listitem").allTextContents();
}

const WRITTEN = {
  sheets: [
    ["Return", "visible"],
    ["Checks", "visible"],
    ["_spec", "veryHidden"],
  ],
  named: true,
};

async function openCollation(page: Page, how: "mouse" | "keyboard"): Promise<Locator> {
  const shown = how === "mouse" ? await chooseTabWithMouse(page, TAB) : await chooseTabWithKeyboard(page, TAB);
  await shown.getByRole("heading", { level: 2 }).first().waitFor();
  return shown;
}

describe("Collation panel", () => {
  const pane = usePane();
  let seed: Awaited<ReturnType<typeof seedFromFile>>;

  beforeAll(async () => {
    seed = await seedFromFile(SET);
  });

  test("choose the tab and read what the panel offers", async () => {
    const { page, screenshot } = await pane.open();
    const shown = await chooseTabWithMouse(page, TAB);
    await expect(shown.getByRole("heading", { level: 2 }).first().isVisible()).resolves.toBe(true);
    await screenshot();
  });

  test.each(["Enter", "Space"] as const)("keyboard only: Tab to the tabs, arrows, and choose it with %s", async (key) => {
    const { page } = await pane.open();
    const shown = await chooseTabWithKeyboard(page, TAB, key);
    await expect(shown.getByRole("heading", { level: 2 }).first().isVisible()).resolves.toBe(true);
  });

  test("make a template: read the indicator set, choose agency and period, write the template sheets", async () => {
    const { page, host, screenshot } = await pane.open({ host: seed });
    const section = templateSection(await openCollation(page, "mouse"));
    const write = section.getByRole("button", { name: "Write the template sheets" });
    const setSheets = seed.sheets.map((s) => s.name);
    const before = await host.snapshot(setSheets);

    await section.getByRole("button", { name: "Read the indicator set" }).click();
    await section.getByText(/^21 indicators on the sheet “.+”, for 5 agencies\.$/).waitFor();
    // Reading writes nothing.
    expect((await host.requests()).every((r) => !r.changedWorkbook)).toBe(true);
    // No period yet: the write waits, and says why.
    await expect(write.getAttribute("aria-disabled")).resolves.toBe("true");

    // With the mouse through a dropdown: its list once covered the pane (see App.tsx); the clicks
    // after it show that it no longer does.
    await section.getByRole("combobox", { name: "Agency" }).click();
    await page.getByRole("option", { name: "Police" }).click();
    await section.getByRole("textbox", { name: "Period" }).fill("Q2 2025/26");
    await section.getByRole("textbox", { name: "Due date (optional)" }).fill("2025-10-31");
    await screenshot("chosen");
    await write.click();
    expect(await waitForStatus(section, "Template written")).toMatch(/Police/);
    expect(await templateInHost(host, "Police", "Q2 2025/26")).toEqual(WRITTEN);
    // The indicator set itself is untouched.
    expect((await host.snapshot(setSheets)).sheets).toEqual(before.sheets);
    await screenshot("written");
  });

  test("a due date that is not YYYY-MM-DD is refused in words before anything is written", async () => {
    const { page, host } = await pane.open({ host: seed });
    const section = templateSection(await openCollation(page, "mouse"));
    await section.getByRole("button", { name: "Read the indicator set" }).click();
    await section.getByRole("textbox", { name: "Period" }).fill("Q2 2025/26");
    await section.getByRole("textbox", { name: "Due date (optional)" }).fill("31/10/2025");
    // Said twice: under the field, and beside the button as the reason it waits.
    await section.getByRole("alert").filter({ hasText: "Write the date as YYYY-MM-DD, such as 2025-07-31, or leave it empty." }).waitFor();
    await expect(section.getByRole("button", { name: "Write the template sheets" }).getAttribute("aria-disabled")).resolves.toBe("true");
    expect(await host.sheetNames()).not.toContain("Return");
  });

  test("keyboard only: read the set, choose the agency, type the period, write the template", async () => {
    const { page, host, screenshot } = await pane.open({ host: seed });
    const section = templateSection(await openCollation(page, "keyboard"));
    await tabTo(page, section.getByRole("button", { name: "Read the indicator set" }));
    await page.keyboard.press("Enter");
    const agency = section.getByRole("combobox", { name: "Agency" });
    await agency.waitFor();
    await tabTo(page, agency, { max: 5 });
    await chooseOptionWithKeyboard(page, agency, "Education");
    await tabTo(page, section.getByRole("textbox", { name: "Period" }), { max: 5 });
    await typeText(page, "Q3 2025/26");
    await tabTo(page, section.getByRole("button", { name: "Write the template sheets" }), { max: 5 });
    await page.keyboard.press("Enter");
    expect(await waitForStatus(section, "Template written")).toMatch(/Education/);
    expect(await templateInHost(host, "Education", "Q3 2025/26")).toEqual(WRITTEN);
    await screenshot();
  });

  describe("collate returns", () => {
    let returns: Awaited<ReturnType<typeof returnFiles>>;

    beforeAll(async () => {
      returns = await returnFiles();
    });

    afterAll(() => {
      fs.rmSync(returns.dir, { recursive: true, force: true });
    });

    test("pick two return files, read the outcome, write the collated sheets", async () => {
      const { page, host, screenshot } = await pane.open();
      const section = collateSection(await openCollation(page, "mouse"));
      await expect(section.textContent()).resolves.toContain("npm run -s cli -- collate FILE...");
      await pickFileWithMouse(page, section.getByRole("button", { name: "Choose return files to collate" }), returns.files);
      expect(await waitForStatus(section, "Collated", 30_000)).toBe("2 returns: 1 accepted, 1 rejected; missing returns not checked (no indicator set given); no conflicts.");
      const files = await collatedFiles(section);
      expect(files).toHaveLength(2);
      expect(files[0]).toBe("police-q1.xlsx: accepted (Police, Q1 2025/26).");
      expect(files[1]).toMatch(/^health-q1\.xlsx: rejected \(Health, Q1 2025\/26\), 1 error/);
      await section.getByText(/^\d+ figures kept from the accepted returns\.$/).waitFor();
      // Collating reads files, not the workbook: nothing is written yet.
      expect((await host.requests()).every((r) => !r.changedWorkbook)).toBe(true);
      await screenshot("collated");

      await section.getByRole("button", { name: "Write the collated sheets" }).click();
      expect(await waitForStatus(section, "Collated sheets written")).toMatch(/Submissions/);
      expect(await host.sheetNames()).toContain("Submissions");
      await screenshot("written");
    });

    test("keyboard only: pick the files, write the collated sheets", async () => {
      const { page, host } = await pane.open();
      const section = collateSection(await openCollation(page, "keyboard"));
      await tabTo(page, section.getByRole("button", { name: "Choose return files to collate" }));
      await pickFileWithKeyboard(page, returns.files);
      expect(await waitForStatus(section, "Collated", 30_000)).toMatch(/^2 returns: 1 accepted, 1 rejected;/);
      await tabTo(page, section.getByRole("button", { name: "Write the collated sheets" }), { max: 5 });
      await page.keyboard.press("Enter");
      expect(await waitForStatus(section, "Collated sheets written")).toMatch(/Submissions/);
      expect(await host.sheetNames()).toContain("Submissions");
    });
  });
});
