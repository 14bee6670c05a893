/**
 * The pane's shell around the panels: what it says where it is not in Excel, when Excel does not
 * answer, and that every tab opens its panel.
 */
import { overflowing } from "./harness/layout";
import { PANE_VIEWPORT, usePane } from "./harness/pane";
import { waitForStatus } from "./harness/status";
import { chooseTabWithMouse, panel, tab } from "./harness/tabs";
import { seedFromFile } from "./harness/workbooks";
import { chooseStep } from "./harness/steps";

const SAMPLE_BUTTON = { name: "Write the sample sheet" };

describe("the pane's shell", () => {
  const pane = usePane();

  test("outside Office (office.js never loaded) it says to open it in Excel, and nothing can run", async () => {
    const { page, screenshot } = await pane.open({ office: "no-office" });
    const notice = page.getByText("Open this in Excel");
    await notice.waitFor();
    await expect(page.getByText(/This add-in runs inside Excel: to try it, run npm start/).isVisible()).resolves.toBe(true);
    // The tabs are still there to look around; the action is disabled, and says why.
    await expect(tab(page, "Analyst").isVisible()).resolves.toBe(true);
    const button = page.getByRole("button", SAMPLE_BUTTON);
    await expect(button.getAttribute("aria-disabled")).resolves.toBe("true");
    const description = await button.evaluate((el) => {
      const ids = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
      return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
    });
    expect(description).toBe("This needs Excel: open the add-in inside Excel to use it.");
    await button.click({ force: true });
    await expect(page.getByText("Done").count()).resolves.toBe(0);
    await screenshot();
  });

  test("when Office.onReady never resolves, it says after 10 seconds that Excel did not respond", async () => {
    // Playwright's clock stands in for the 10 real seconds: the pane's own timeout runs unchanged.
    // Paused, so that only the test moves it: the time the page takes to load is not counted.
    const { page, screenshot } = await pane.open({ host: { ready: "never" }, fakeClock: "paused", waitUntilReady: false });
    await page.getByText("Connecting to Excel…").waitFor();
    await page.clock.fastForward(9_500);
    await expect(page.getByText("Connecting to Excel…").isVisible()).resolves.toBe(true);
    await expect(page.getByText("Excel did not respond").count()).resolves.toBe(0);
    await page.clock.fastForward(600);
    await page.getByText("Excel did not respond").waitFor();
    await expect(page.getByText(/did not finish starting the add-in within 10 seconds; close this pane and open it again/).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("button", SAMPLE_BUTTON).getAttribute("aria-disabled")).resolves.toBe("true");
    await screenshot();
  });

  test("when Excel answers after the timeout, the pane recovers and works", async () => {
    const { page, host } = await pane.open({ host: { ready: "manual" }, fakeClock: true, waitUntilReady: false });
    await page.clock.fastForward(10_100);
    await page.getByText("Excel did not respond").waitFor();
    await host.makeReady();
    await page.getByText("Excel did not respond").waitFor({ state: "detached" });
    const button = page.getByRole("button", SAMPLE_BUTTON);
    await expect(button.getAttribute("aria-disabled")).resolves.not.toBe("true");
  });

  test("in another Office application it says the add-in is for Excel", async () => {
    const { page } = await pane.open({ host: { hostName: "Word" }, waitUntilReady: false });
    await page.getByText(/This add-in runs inside Excel, not Word/).waitFor();
  });

  test.each(["Analyst", "Agency return", "Collation"])("the %s tab opens its panel", async (label) => {
    const { page, screenshot } = await pane.open();
    const shown = await chooseTabWithMouse(page, label);
    await expect(tab(page, label).getAttribute("aria-selected")).resolves.toBe("true");
    await expect(shown.isVisible()).resolves.toBe(true);
    // Only the chosen panel is shown.
    await expect(page.getByRole("tabpanel").count()).resolves.toBe(1);
    await expect(panel(page, label).getByRole("heading").count()).resolves.toBeGreaterThan(0);
    await screenshot();
  });

  test.each(["Agency return", "Collation"])(`the %s tab fits the pane's width (${PANE_VIEWPORT.width} px) without scrolling sideways`, async (label) => {
    const { page } = await pane.open();
    await chooseTabWithMouse(page, label);
    expect(await overflowing(page)).toEqual([]);
  });

  // The Scorecard step's threshold fields wrap and its table of indicators fits (or scrolls in its
  // own box), so every step of the Analyst tab fits too: empty, and with a workbook read and its
  // details open.
  test(`the Analyst tab fits the pane's width (${PANE_VIEWPORT.width} px) without scrolling sideways`, async () => {
    const { page } = await pane.open();
    expect(await overflowing(page)).toEqual([]);
  });

  test(`with a workbook read, every step of the Analyst tab still fits the pane's width (${PANE_VIEWPORT.width} px)`, async () => {
    const { page, screenshot } = await pane.open({ host: await seedFromFile("assets/samples/partnership-scorecard-q2-2025-26.xlsx") });
    const analyst = panel(page, "Analyst");
    const importSection = analyst.getByRole("region", { name: "Import a workbook" });
    await importSection.getByRole("button", { name: "Read this workbook" }).click();
    await waitForStatus(importSection, "Read");
    await importSection.getByRole("button", { name: /^Scorecard: \d+ figures/ }).click();
    await importSection.getByRole("group", { name: "Sheet Scorecard" }).waitFor();
    expect(await overflowing(page)).toEqual([]);
    await screenshot("import");
    const scorecard = await chooseStep(page, "Scorecard");
    // The Scorecard step's table of indicators without a polarity or target is there to fit.
    await scorecard.getByRole("table", { name: "Indicators without a polarity or target" }).waitFor();
    expect(await overflowing(page)).toEqual([]);
    await screenshot("scorecard");
    for (const step of ["Benchmarks", "Gaps", "Report"] as const) {
      await chooseStep(page, step);
      expect(await overflowing(page)).toEqual([]);
    }
  });
});
