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
  // usable before pressing, and so does the test.
  await page.waitForFunction(() => document.activeElement !== null && document.activeElement.getAttribute("aria-disabled") !== "true", undefined, { timeout: 15_000 });
  // Headless Chromium on a loaded machine now and then drops a key press's file chooser (seen in
  // about one CI run in three; never with the mouse). A person would press again, and so does the
  // test, up to three times in all.
  // The button the person tabbed to. A re-render (an analysis finishing as the pane opens) can put
  // the focus back on the page's body between the Tab and the key; a keyboard user would see that
  // and Tab back, and the test puts the focus back on the same button before pressing again.
  const button = await page.evaluateHandle(() => document.activeElement);
  for (let attempt = 1; attempt <= 3; attempt++) {
    const focused = await button.evaluate((el) => el !== null && el.isConnected && document.activeElement === el);
    if (!focused) await button.evaluate((el) => (el as HTMLElement | null)?.focus());
    const chooser = page.waitForEvent("filechooser", { timeout: attempt === 1 ? 5_000 : 10_000 }).catch(() => null);
    await page.keyboard.press(key);
    const opened = await chooser;
    if (opened) {
      await opened.setFiles(files);
      return;
    }
  }
  const where = await page.evaluate(() => `${document.activeElement?.tagName ?? "nothing"} "${(document.activeElement?.textContent ?? "").slice(0, 40)}"`);
  throw new Error(`pressing ${key} on the focused button never opened the file chooser (the focus is on ${where})`);
}

/** For an <input type="file"> a test can reach directly (a drop zone's hidden input). */
export async function setInputFiles(input: Locator, files: string | string[]): Promise<void> {
  await input.setInputFiles(files);
}
