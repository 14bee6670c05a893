/**
 * Reading what the pane says: its status lines are Fluent MessageBars (components/Status.tsx), a
 * title of a word or two ("Done", "Could not finish") and then the message.
 */
import type { Locator } from "playwright-core";

/** The status line titled `title` within `scope` (a panel, a section). */
export function status(scope: Locator, title: string): Locator {
  return scope.locator(".fui-MessageBar").filter({ has: scope.page().locator(".fui-MessageBarTitle", { hasText: title }) });
}

/** Waits for the status line titled `title` and returns its message, without the title. */
export async function waitForStatus(scope: Locator, title: string): Promise<string> {
  const bar = status(scope, title);
  await bar.waitFor();
  return bar.locator(".fui-MessageBarBody").evaluate((body) => {
    const copy = body.cloneNode(true) as HTMLElement;
    copy.querySelector(".fui-MessageBarTitle")?.remove();
    return (copy.textContent ?? "").trim();
  });
}
