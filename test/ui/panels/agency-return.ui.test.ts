/**
 * The Agency return panel, for agency leads. Its "Check my return" job is not built yet: the flow
 * today is finding the panel and reading what it will do. When the panel lands, its flow (check
 * the return in the open workbook, read each error, query and warning, go to the cell) goes
 * here; see test/ui/README.md.
 */
import { usePane } from "../harness/pane";
import { chooseTabWithKeyboard, chooseTabWithMouse } from "../harness/tabs";

const TAB = "Agency return";

describe("Agency return panel", () => {
  const pane = usePane();

  test("choose the tab and read what the panel offers", async () => {
    const { page, screenshot } = await pane.open();
    const shown = await chooseTabWithMouse(page, TAB);
    await expect(shown.getByRole("heading", { name: "Check my return" }).isVisible()).resolves.toBe(true);
    await expect(shown.getByText(/^Not available yet\./).isVisible()).resolves.toBe(true);
    await screenshot();
  });

  test.each(["Enter", "Space"] as const)("keyboard only: Tab to the tabs, arrows, and choose it with %s", async (key) => {
    const { page } = await pane.open();
    const shown = await chooseTabWithKeyboard(page, TAB, key);
    await expect(shown.getByRole("heading", { name: "Check my return" }).isVisible()).resolves.toBe(true);
  });
});
