/**
 * The Collation panel, for sub-committee secretaries. "Collate returns" is not built yet: the flow
 * today is finding the panel and reading what it will do. When it lands, its flow (pick the
 * returns with the file chooser, see harness/files.ts; read who is missing, late or needs fixing)
 * goes here; see test/ui/README.md.
 */
import { usePane } from "../harness/pane";
import { chooseTabWithKeyboard, chooseTabWithMouse } from "../harness/tabs";

const TAB = "Collation";

describe("Collation panel", () => {
  const pane = usePane();

  test("choose the tab and read what the panel offers", async () => {
    const { page, screenshot } = await pane.open();
    const shown = await chooseTabWithMouse(page, TAB);
    await expect(shown.getByRole("heading", { name: "Collate returns" }).isVisible()).resolves.toBe(true);
    await expect(shown.getByText(/^Not available yet\./).isVisible()).resolves.toBe(true);
    await screenshot();
  });

  test.each(["Enter", "Space"] as const)("keyboard only: Tab to the tabs, arrows, and choose it with %s", async (key) => {
    const { page } = await pane.open();
    const shown = await chooseTabWithKeyboard(page, TAB, key);
    await expect(shown.getByRole("heading", { name: "Collate returns" }).isVisible()).resolves.toBe(true);
  });
});
