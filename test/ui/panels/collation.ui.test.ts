/**
 * The Collation panel, for sub-committee secretaries: finding it, with the mouse and with the
 * keyboard alone. The panel's own jobs (make a return template, collate the returns and list who
 * to chase) are landing now; their flow tests belong here, written as test/ui/README.md shows
 * (harness/files.ts picks files where the panel takes them).
 */
import { usePane } from "../harness/pane";
import { chooseTabWithKeyboard, chooseTabWithMouse } from "../harness/tabs";

const TAB = "Collation";

describe("Collation panel", () => {
  const pane = usePane();

  test("choose the tab and read what the panel offers", async () => {
    const { page, screenshot } = await pane.open();
    const shown = await chooseTabWithMouse(page, TAB);
    await expect(shown.getByRole("heading", { level: 2 }).first().isVisible()).resolves.toBe(true);
    await screenshot();
  });

  test.each(["Enter", "Space"] as const)("keyboard only: Tab to the tabs, arrows, and choose it with %s", async (key) => {
    const { page } = await pane.open();
    const shown = await chooseTabWithKeyboard(page, TAB, key);
    await expect(shown.getByRole("heading", { level: 2 }).first().isVisible()).resolves.toBe(true);
  });
});
