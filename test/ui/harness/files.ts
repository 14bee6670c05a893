/**
 * Picking a file, for panels that take one (Import, Collation): the way a person does it,
 * through the button that opens the file chooser, with Playwright answering the chooser.
 */
import type { Locator, Page } from "playwright-core";

/** Clicks `button`, which must open the file chooser, and picks `files`. */
export async function pickFileWithMouse(page: Page, button: Locator, files: string | string[]): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), button.click()]);
  await chooser.setFiles(files);
}

/**
 * With the chooser's button already focused (see keyboard.ts tabTo), presses `key` to open the
 * chooser and picks `files`.
 */
export async function pickFileWithKeyboard(page: Page, files: string | string[], key: "Enter" | "Space" = "Enter"): Promise<void> {
  // A button can be reached by Tab while it is still disabled (Fluent's disabledFocusable keeps it
  // in the tab order until the pane's operations are ready); a person would wait for it to be
  // usable before pressing, and so does the test, or the key press does nothing on a busy machine.
  await page.waitForFunction(() => document.activeElement !== null && document.activeElement.getAttribute("aria-disabled") !== "true", undefined, { timeout: 15_000 });
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press(key)]);
  await chooser.setFiles(files);
}

/** For an <input type="file"> a test can reach directly (a drop zone's hidden input). */
export async function setInputFiles(input: Locator, files: string | string[]): Promise<void> {
  await input.setInputFiles(files);
}
