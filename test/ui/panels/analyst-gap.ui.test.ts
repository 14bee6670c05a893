/**
 * The Analyst panel's gap analysis: the indicators read under Import measured against the
 * framework, and a partnership's own framework loaded from a JSON file through the browser's file
 * chooser, with the mouse and with the keyboard alone.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Locator, Page } from "playwright-core";
import { defaultFramework, frameworkToJson } from "../../../src/core/framework";
import { pickFileWithKeyboard, pickFileWithMouse } from "../harness/files";
import { tabTo } from "../harness/keyboard";
import { usePane } from "../harness/pane";
import { waitForStatus } from "../harness/status";
import { panel } from "../harness/tabs";
import { seedFromFile } from "../harness/workbooks";
import { chooseStep, chooseStepWithKeyboard, stepSection } from "../harness/steps";

function gapSection(page: Page): Locator {
  return stepSection(page, "Gaps");
}

function loadButton(page: Page): Locator {
  return gapSection(page).getByRole("button", { name: "Load a framework from a JSON file" });
}

describe("Analyst panel: gap analysis", () => {
  const pane = usePane();
  let folder: string;
  let frameworkFile: string;
  let brokenFile: string;

  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "sgp-ui-gap-"));
    frameworkFile = path.join(folder, "our-framework.json");
    fs.writeFileSync(frameworkFile, frameworkToJson({ ...defaultFramework, name: "Our partnership's framework" }));
    brokenFile = path.join(folder, "broken.json");
    fs.writeFileSync(brokenFile, '{ "areas": [');
  });

  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  test("analyse the indicators read under Import, then against a framework loaded from a file", async () => {
    const { page, screenshot } = await pane.open({ host: await seedFromFile("assets/samples/partnership-scorecard-q2-2025-26.xlsx") });
    const importSection = panel(page, "Analyst").getByRole("region", { name: "Import a workbook" });
    await importSection.getByRole("button", { name: "Read this workbook" }).click();
    await waitForStatus(importSection, "Read");

    await chooseStep(page, "Gaps");
    await gapSection(page).getByRole("button", { name: "Analyse the indicators from Import" }).click();
    expect(await waitForStatus(gapSection(page), "Analysed")).toMatch(/^\d+ indicators from .* against “.+”: \d+ placed/);

    await pickFileWithMouse(page, loadButton(page), frameworkFile);
    await gapSection(page).getByText("Using the framework from our-framework.json.").waitFor();
    await gapSection(page).getByText(/against “Our partnership.s framework”/).waitFor();
    await screenshot();
  });

  test("a file that is not a framework is refused in words", async () => {
    const { page } = await pane.open();
    await chooseStep(page, "Gaps");
    await pickFileWithMouse(page, loadButton(page), brokenFile);
    expect(await waitForStatus(gapSection(page), "Could not load the framework")).toContain("broken.json");
  });

  test("keyboard only: Tab to the Gaps step, Enter, Tab to Load a framework, Enter, pick the file", async () => {
    const { page } = await pane.open();
    await chooseStepWithKeyboard(page, "Gaps");
    await tabTo(page, loadButton(page), { max: 20 });
    await pickFileWithKeyboard(page, frameworkFile, "Enter");
    await gapSection(page).getByText("Using the framework from our-framework.json.").waitFor();
  });
});
