/**
 * The Analyst tab's steps (Import, Scorecard, Benchmarks, Gaps, Report), found as a person finds
 * them: the row of numbered buttons in the "Analyst steps" navigation, each step's view a section
 * with its heading. A step's view is hidden until its step is chosen, so a locator for one finds
 * only what the person sees.
 */
import type { Locator, Page } from "playwright-core";
import { hasFocus, tabTo } from "./keyboard";
import { panel } from "./tabs";

export type StepName = "Import" | "Scorecard" | "Benchmarks" | "Gaps" | "Report";

/** Each step's section, by its heading. */
export const STEP_SECTION: Record<StepName, string> = {
  Import: "Import a workbook",
  Scorecard: "Scorecard",
  Benchmarks: "Benchmarks",
  Gaps: "Gap analysis",
  Report: "Report book",
};

export function stepButton(page: Page, step: StepName): Locator {
  return panel(page, "Analyst").getByRole("navigation", { name: "Analyst steps" }).getByRole("button", { name: new RegExp(`^\\d ${step}$`) });
}

/** The step's section, as shown once the step is chosen (its code loads the first time). */
export function stepSection(page: Page, step: StepName): Locator {
  return panel(page, "Analyst").getByRole("region", { name: STEP_SECTION[step], exact: true });
}

async function shown(page: Page, step: StepName): Promise<Locator> {
  const section = stepSection(page, step);
  await section.getByRole("heading", { level: 2 }).first().waitFor();
  if ((await stepButton(page, step).getAttribute("aria-current")) !== "step") throw new Error(`the ${step} step is shown but not marked as the current step`);
  return section;
}

export async function chooseStep(page: Page, step: StepName): Promise<Locator> {
  await stepButton(page, step).click();
  return shown(page, step);
}

/**
 * Keyboard only: Tab (or Shift+Tab) to the step's button in the row of steps, then Enter. Returns
 * the step's section.
 */
export async function chooseStepWithKeyboard(page: Page, step: StepName, options: { max?: number; backwards?: boolean } = {}): Promise<Locator> {
  const target = stepButton(page, step);
  if (!(await hasFocus(target))) await tabTo(page, target, { max: options.max ?? 40, ...(options.backwards ? { backwards: true } : {}) });
  await page.keyboard.press("Enter");
  return shown(page, step);
}

/**
 * How tall the whole pane is, in CSS pixels (what a person scrolls through at this width), once
 * it has settled: a panel that has just opened grows through its animation, so the height is
 * taken only when no animation is running.
 */
export async function paneHeight(page: Page): Promise<number> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), undefined, { timeout: 5_000 });
  return page.evaluate(() => document.documentElement.scrollHeight);
}
