/**
 * Keyboard-only driving: the keys a person without a mouse uses (Tab, Shift+Tab, arrow keys,
 * Enter, Space), and nothing that moves focus behind the page's back (no click, no focus()).
 */
import type { Locator, Page } from "playwright-core";

/** A short description of the focused element, for failure messages: "button “Write the sample sheet”". */
export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "the page itself";
    const role = el.getAttribute("role") ?? (el.tagName === "INPUT" ? `${(el as HTMLInputElement).type} input` : el.tagName.toLowerCase());
    const labels = el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement ? [...(el.labels ?? [])] : [];
    const labelled = (el.getAttribute("aria-labelledby") ?? "").split(/\s+/).map((id) => document.getElementById(id)).filter((l): l is HTMLElement => l !== null);
    const text = el.getAttribute("aria-label") ?? ([...labels, ...labelled].map((l) => l.textContent).join(" ") || el.textContent || "");
    const name = text.trim().replace(/\s+/g, " ").slice(0, 60);
    return `${role} “${name}”`;
  });
}

export function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user moves through the
 * pane; fails, listing where focus went, if it takes more than `max` presses. Returns the number
 * of presses, which a test can pin so that a panel's tab order does not silently grow.
 */
export async function tabTo(page: Page, target: Locator, options: { max?: number; backwards?: boolean } = {}): Promise<number> {
  const max = options.max ?? 30;
  const key = options.backwards ? "Shift+Tab" : "Tab";
  const trail: string[] = [];
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(key);
    if (await hasFocus(target)) return presses;
    trail.push(await describeFocus(page));
  }
  throw new Error(`${key} never reached the target in ${max} presses; focus went: ${trail.join(" → ")}`);
}

/** Presses an arrow key until `target` has focus (within a tab list, a menu, a radio group). */
export async function arrowTo(page: Page, target: Locator, key: "ArrowRight" | "ArrowLeft" | "ArrowDown" | "ArrowUp", max = 10): Promise<number> {
  const trail: string[] = [];
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(key);
    if (await hasFocus(target)) return presses;
    trail.push(await describeFocus(page));
  }
  throw new Error(`${key} never reached the target in ${max} presses; focus went: ${trail.join(" → ")}`);
}

/** Types text into whatever has focus, key by key, as a person would. */
export async function typeText(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
}

/**
 * With a Fluent dropdown focused: opens it with ArrowDown, moves down its options until the
 * active one reads `text`, and chooses it with Enter, as a keyboard user picks from a list.
 */
export async function chooseOptionWithKeyboard(page: Page, dropdown: Locator, text: string, max = 30): Promise<void> {
  if (!(await hasFocus(dropdown))) throw new Error(`the dropdown is not focused; focus is on ${await describeFocus(page)}`);
  const active = (): Promise<string> =>
    dropdown.evaluate((el) => {
      const id = el.getAttribute("aria-activedescendant");
      return (id ? document.getElementById(id)?.textContent : "")?.trim() ?? "";
    });
  await page.keyboard.press("ArrowDown");
  const seen: string[] = [];
  for (let presses = 0; presses <= max; presses++) {
    const now = await active();
    if (now === text) {
      await page.keyboard.press("Enter");
      return;
    }
    seen.push(now);
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`no option “${text}” in ${max} presses of ArrowDown; saw: ${seen.join(", ")}`);
}
