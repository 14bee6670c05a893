import { usePane } from "./harness/pane";
import { describeFocus } from "./harness/keyboard";

describe("scratch", () => {
  const pane = usePane();
  test("probe", async () => {
    const { page, host } = await pane.open();
    const trail: string[] = [];
    for (let i = 0; i < 8; i++) { await page.keyboard.press("Tab"); trail.push(await describeFocus(page)); }
    console.log(trail.join("\n"));
    await page.getByRole("button", { name: "Write the sample sheet" }).click();
    await page.getByText("Done").waitFor();
    console.log(JSON.stringify(await host.requests()), await host.sheetNames(), await page.getByText("Done").locator("..").textContent());
  });
});
