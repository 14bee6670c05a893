/**
 * The Agency return panel, for agency leads: finding it, with the mouse and with the keyboard
 * alone. The panel's own job (check the return in the open workbook, read each error, query and
 * warning, go to the cell, write the validation report) is landing now; its flow test belongs
 * here, written as test/ui/README.md shows.
 */
import { usePane } from "../harness/pane";
import { chooseTabWithKeyboard, chooseTabWithMouse } from "../harness/tabs";

const TAB = "Agency return";
const HEADING = { name: "Check my return" };

describe("Agency return panel", () => {
  const pane = usePane();

  test("choose the tab and find Check my return", async () => {
    const { page, screenshot } = await pane.open();
    const shown = await chooseTabWithMouse(page, TAB);
    await expect(shown.getByRole("heading", HEADING).isVisible()).resolves.toBe(true);
    await screenshot();
  });

  test.each(["Enter", "Space"] as const)("keyboard only: Tab to the tabs, arrows, and choose it with %s", async (key) => {
    const { page } = await pane.open();
    const shown = await chooseTabWithKeyboard(page, TAB, key);
    await expect(shown.getByRole("heading", HEADING).isVisible()).resolves.toBe(true);
  });
});
