/**
 * axe-core finds nothing wrong with the pane in its light, dark and high-contrast looks, in every
 * state a person meets: each tab, a workbook read and a sheet's details open, benchmarks compared
 * and linked, results and
 * failures shown, a question before replacing a sheet edited by hand, a return checked with its
 * issues, a template's choices and the template written, outside Office, and when Excel does not
 * answer.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { agencyReturn } from "../core/collate/kit";
import { ROOT } from "./harness/build";
import { pickFileWithMouse } from "./harness/files";
import { axeViolations, describeViolations } from "./harness/axe";
import { usePane } from "./harness/pane";
import { waitForStatus } from "./harness/status";
import { chooseTabWithMouse, panel } from "./harness/tabs";
import { seedFromBuffer, seedFromFile } from "./harness/workbooks";
import { chooseStep, type StepName } from "./harness/steps";
import { filled } from "../core/returns/kit";

const THEMES = ["light", "dark", "contrast"] as const;
const TABS = ["Analyst", "Agency return", "Collation"];

/**
 * Fluent's focus management (tabster) puts invisible <i tabindex="0" aria-hidden="true"
 * data-tabster-dummy> sentinels at the edges of focus groups to catch Tab and pass focus on to the
 * right element at once. axe reports them as focusable elements hidden from screen readers
 * (aria-hidden-focus), but focus never rests on them, so nobody meets them: those nodes, and only
 * those, are left out.
 */
const EXCLUDE = ["[data-tabster-dummy]"];

async function expectNoViolations(page: Page, where: string): Promise<void> {
  // Fluent eases a button's colours from disabled back to enabled; contrast measured halfway
  // through that is neither state, so let running transitions finish first.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), undefined, { timeout: 5_000 });
  const violations = await axeViolations(page, { exclude: EXCLUDE });
  if (violations.length > 0) throw new Error(`axe found problems ${where}:\n${describeViolations(violations)}`);
}

describe.each(THEMES)("accessibility, %s theme", (theme) => {
  const pane = usePane();

  test("each tab, in Excel", async () => {
    const { page } = await pane.open({ theme });
    await expect(page.locator(`[data-theme="${theme}"]`).count()).resolves.toBe(1);
    for (const label of TABS) {
      await chooseTabWithMouse(page, label);
      await expectNoViolations(page, `on the ${label} tab`);
    }
    await chooseTabWithMouse(page, "Analyst");
    for (const step of ["Scorecard", "Benchmarks", "Gaps", "Report"] as const satisfies readonly StepName[]) {
      await chooseStep(page, step);
      await expectNoViolations(page, `on the Analyst tab's ${step} step, nothing read yet`);
    }
  });

  test("a workbook read, a sheet's details open, the indicator sheets written", async () => {
    const { page, screenshot } = await pane.open({ theme, host: await seedFromFile("assets/samples/partnership-scorecard-q2-2025-26.xlsx") });
    const analyst = panel(page, "Analyst");
    const importSection = analyst.getByRole("region", { name: "Import a workbook" });
    await importSection.getByRole("button", { name: "Read this workbook" }).click();
    await waitForStatus(importSection, "Read");
    await importSection.getByRole("button", { name: /^Scorecard: \d+ figures/ }).click();
    await importSection.getByRole("group", { name: "Sheet Scorecard" }).waitFor();
    await expectNoViolations(page, "with a workbook read and a sheet's details open");
    await importSection.getByRole("button", { name: "Write indicator sheets" }).click();
    await waitForStatus(importSection, "Written");
    await expectNoViolations(page, "with the indicator sheets written");
    await screenshot();
    // Each later step with the workbook read: the Scorecard's table to fill in and its filter box,
    // the Gaps step analysed with its placements table and an editor open, the Report step.
    // The mouse resting on a row of each table: a row that does nothing keeps its colours (in
    // the high-contrast theme Fluent's hover shade would leave the quieter text beside it unreadable).
    const scorecard = await chooseStep(page, "Scorecard");
    await scorecard.getByRole("table", { name: "Indicators without a polarity or target" }).getByRole("row").nth(1).getByRole("cell").first().hover();
    await expectNoViolations(page, "on the Scorecard step with a workbook read, the mouse on a row");
    await chooseStep(page, "Benchmarks");
    await expectNoViolations(page, "on the Benchmarks step with a workbook read");
    const gaps = await chooseStep(page, "Gaps");
    await gaps.getByRole("button", { name: "Analyse the indicators from Import" }).click();
    await waitForStatus(gaps, "Analysed");
    await gaps.getByRole("button", { name: /^Change placement of / }).first().click();
    await gaps.getByRole("group", { name: /^Placement of / }).waitFor();
    await gaps.getByRole("table", { name: "Where each indicator is placed" }).getByRole("row").nth(1).getByRole("cell").first().hover();
    await expectNoViolations(page, "on the Gaps step, analysed, a placement being changed");
    await chooseStep(page, "Report");
    await expectNoViolations(page, "on the Report step");
  });

  test("benchmarks: the files read, an area compared, links suggested, and the Scorecard written with them", async () => {
    const { page } = await pane.open({ theme, host: await seedFromFile("assets/samples/partnership-scorecard-q2-2025-26.xlsx") });
    const analyst = panel(page, "Analyst");
    const importSection = analyst.getByRole("region", { name: "Import a workbook" });
    await importSection.getByRole("button", { name: "Read this workbook" }).click();
    await waitForStatus(importSection, "Read");
    const benchmarks = await chooseStep(page, "Benchmarks");
    await pickFileWithMouse(page, benchmarks.getByRole("button", { name: "Choose open-data files" }), path.join(ROOT, "assets/samples/open-data/children-in-need.csv"));
    await waitForStatus(benchmarks, "Files read");
    const area = benchmarks.getByRole("combobox", { name: "Area" });
    await area.click();
    await area.fill("North");
    await expectNoViolations(page, "with the area box open");
    await page.getByRole("option", { name: /^Northshire/ }).click();
    await benchmarks.getByRole("button", { name: "Compare" }).click();
    await benchmarks.getByRole("list", { name: "How Northshire compares" }).waitFor();
    await benchmarks.getByRole("button", { name: "Suggest links from the names" }).click();
    await waitForStatus(benchmarks, "Suggested");
    await benchmarks.getByRole("table", { name: "Each indicator's published figure" }).getByRole("row").nth(1).getByRole("cell").first().hover();
    await expectNoViolations(page, "with an area compared and links suggested, the mouse on a row");
    const scorecard = await chooseStep(page, "Scorecard");
    await scorecard.getByRole("button", { name: "Apply and write the Scorecard" }).click();
    await waitForStatus(scorecard, "Scorecard written");
    await expectNoViolations(page, "with the Scorecard written with benchmarks");
  });

  test("a result and a failure shown", async () => {
    const { page, host } = await pane.open({ theme });
    const sample = panel(page, "Analyst").getByRole("region", { name: "Sample sheet" });
    await sample.getByRole("button", { name: "Write the sample sheet" }).click();
    await waitForStatus(sample, "Done");
    await expectNoViolations(page, "with the sample written");
    // Edited by hand in Excel: writing again asks first, and keeping it says so.
    await host.edit("Scorecard", "A1", "Our own title");
    await sample.getByRole("button", { name: "Write the sample sheet" }).click();
    await waitForStatus(sample, "Replace this sheet?");
    await expectNoViolations(page, "with a question asked before replacing a sheet");
    await sample.getByRole("button", { name: "Keep it" }).click();
    await waitForStatus(sample, "Kept");
    await expectNoViolations(page, "with the sheet kept");
    await host.failNextRun("AccessDenied", "The workbook is read-only.");
    await sample.getByRole("button", { name: "Write the sample sheet" }).click();
    await waitForStatus(sample, "Could not finish");
    await expectNoViolations(page, "with a failure shown");
  });

  test("a return checked: the verdict, the counts and the issues, and the report written", async () => {
    const bytes = await filled((d) => {
      d.at("CP02", "value").value = 104;
      d.at("CP03", "value").value = 300;
    });
    const { page, screenshot } = await pane.open({ theme, host: await seedFromBuffer(bytes, "return.xlsx") });
    const returns = await chooseTabWithMouse(page, "Agency return");
    const check = returns.getByRole("region", { name: "Check my return" });
    await check.getByRole("button", { name: "Check my return" }).click();
    await waitForStatus(check, "Not ready to send");
    await expectNoViolations(page, "with a return checked");
    const report = returns.getByRole("region", { name: "Validation report" });
    await report.getByRole("button", { name: "Write the validation report" }).click();
    await waitForStatus(report, "Report written");
    await expectNoViolations(page, "with the validation report written");
    await screenshot();
  });

  test("a workbook that holds no return, checked", async () => {
    const { page } = await pane.open({ theme });
    const check = (await chooseTabWithMouse(page, "Agency return")).getByRole("region", { name: "Check my return" });
    await check.getByRole("button", { name: "Check my return" }).click();
    await waitForStatus(check, "Not a return the add-in can check");
    await expectNoViolations(page, "with a workbook that holds no return");
  });

  test("a template's choices read, a due date refused, and the template written", async () => {
    const { page, screenshot } = await pane.open({ theme, host: await seedFromFile("assets/samples/indicator-set.csv") });
    const template = (await chooseTabWithMouse(page, "Collation")).getByRole("region", { name: "Make a return template" });
    await template.getByRole("button", { name: "Read the indicator set" }).click();
    await template.getByRole("combobox", { name: "Agency" }).waitFor();
    await template.getByRole("textbox", { name: "Due date (optional)" }).fill("31/10/2025");
    await expectNoViolations(page, "with the template's choices and a due date refused");
    // Not checked with the list open: Fluent renders it in a portal at the end of the body, outside
    // every landmark, which axe's best-practice "region" rule reports for as long as it is open.
    await template.getByRole("combobox", { name: "Agency" }).click();
    await page.getByRole("option", { name: "Police" }).click();
    await template.getByRole("textbox", { name: "Period" }).fill("Q2 2025/26");
    await template.getByRole("textbox", { name: "Due date (optional)" }).fill("2025-10-31");
    await template.getByRole("button", { name: "Write the template sheets" }).click();
    await waitForStatus(template, "Template written");
    await expectNoViolations(page, "with the template written");
    await screenshot();
  });

  test("returns collated (one accepted, one rejected) and the collated sheets written", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "axe-collate-"));
    const police = path.join(dir, "police-q1.xlsx");
    const health = path.join(dir, "health-q1.xlsx");
    fs.writeFileSync(police, await agencyReturn("Police"));
    fs.writeFileSync(health, await agencyReturn("Health", (d) => void (d.at("CP02", "value").value = 104)));
    try {
      const { page, screenshot } = await pane.open({ theme });
      const collate = (await chooseTabWithMouse(page, "Collation")).getByRole("region", { name: "Collate returns" });
      await pickFileWithMouse(page, collate.getByRole("button", { name: "Choose return files to collate" }), [police, health]);
      await collate.getByRole("list", { name: "Files" }).waitFor();
      await expectNoViolations(page, "with the returns collated");
      await collate.getByRole("button", { name: "Write the collated sheets" }).click();
      await waitForStatus(collate, "Collated sheets written");
      await expectNoViolations(page, "with the collated sheets written");
      await screenshot();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("outside Office", async () => {
    const { page, screenshot } = await pane.open({ theme, office: "no-office" });
    await page.getByText("Open this in Excel").waitFor();
    await expectNoViolations(page, "outside Office");
    await screenshot();
  });

  test("when Excel does not answer", async () => {
    const { page } = await pane.open({ theme, host: { ready: "never" }, fakeClock: true, waitUntilReady: false });
    await page.getByText("Connecting to Excel…").waitFor();
    await expectNoViolations(page, "while connecting");
    await page.clock.fastForward(10_100);
    await page.getByText("Excel did not respond").waitFor();
    await expectNoViolations(page, "once Excel did not respond");
  });
});
