/**
 * The pane is narrow (about 350 CSS pixels in Excel): anything wider makes the whole pane scroll
 * sideways, which hides half of every line.
 */
import type { Page } from "playwright-core";

/** Elements that stick out past the right edge of the pane, described for a failure message; empty when everything fits. */
export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>("*")) {
      // Tabster's focus sentinels are 1px, fixed and invisible; they are not content.
      if (el.hasAttribute("data-tabster-dummy")) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1) continue;
      // Only the innermost offenders: a parent sticks out because its child does.
      if ([...el.children].some((c) => c.getBoundingClientRect().right > width + 1)) continue;
      const label = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      out.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? `.${el.className.split(/\s+/)[0]}` : ""} “${label}” reaches ${Math.round(box.right)} px of ${width}`);
    }
    return out;
  });
}
