/**
 * Reading what the pane says: its status lines are Fluent MessageBars (components/Status.tsx), a
 * title of a word or two ("Done", "Could not finish") and then the message.
 */
import type { Locator } from "playwright-core";

/** The status line titled `title` within `scope` (a panel, a section). */
export function status(scope: Locator, title: string): Locator {
  return scope.locator(".fui-MessageBar").filter({ has: scope.page().locator(".fui-MessageBarTitle", { hasText: title }) });
}

/** A status line's message, without its title. */
function messageOf(bar: Locator): Promise<string> {
  return bar.locator(".fui-MessageBarBody").evaluate((body) => {
    const copy = body.cloneNode(true) as HTMLElement;
    copy.querySelector(".fui-MessageBarTitle")?.remove();
    return (copy.textContent ?? "").trim();
  });
}

/**
 * Waits for the status line titled `title` and returns its message. When it does not come, the
 * failure says what the pane said instead (a "Could not …" line, usually), not just "timeout".
 */
export async function waitForStatus(scope: Locator, title: string, timeoutMs = 15_000): Promise<string> {
  const bar = status(scope, title);
  try {
    await bar.waitFor({ timeout: timeoutMs });
  } catch {
    const seen = await scope.locator(".fui-MessageBarBody").allTextContents();
    throw new Error(`No “${title}” status within ${timeoutMs} ms; the pane said: ${seen.length > 0 ? seen.map((s) => `“${s}”`).join(", ") : "nothing"}`);
  }
  return messageOf(bar);
}
