/**
 * The pane's tabs, one per kind of user, found the way a person finds them: by role and label.
 * Panels are tabpanel elements named by their tab, and hidden ones are not found, so
 * `panel(page, "Analyst")` is whatever the person sees under that tab.
 */
import type { Locator, Page } from "playwright-core";
import { arrowTo, hasFocus, tabTo } from "./keyboard";

export function tab(page: Page, label: string): Locator {
  return page.getByRole("tab", { name: label, exact: true });
}

export function panel(page: Page, label: string): Locator {
  return page.getByRole("tabpanel", { name: label, exact: true });
}

/**
 * The panel once its content is there: the Agency return and Collation panels load the first
 * time their tab is chosen (a "Loading" spinner until then), and every panel starts with a heading.
 */
async function loaded(page: Page, label: string): Promise<Locator> {
  const shown = panel(page, label);
  await shown.getByRole("heading").first().waitFor();
  return shown;
}

export async function chooseTabWithMouse(page: Page, label: string): Promise<Locator> {
  await tab(page, label).click();
  return loaded(page, label);
}

/**
 * Keyboard only: Tab into the tab list (focus lands on the selected tab), arrow keys along it,
 * Enter or Space to choose. Assumes focus is before the tab list (a freshly loaded page).
 */
export async function chooseTabWithKeyboard(page: Page, label: string, key: "Enter" | "Space" = "Enter"): Promise<Locator> {
  const selected = page.getByRole("tab", { selected: true });
  await tabTo(page, selected);
  const target = tab(page, label);
  if (!(await hasFocus(target))) await arrowTo(page, target, "ArrowRight");
  await page.keyboard.press(key);
  return loaded(page, label);
}
