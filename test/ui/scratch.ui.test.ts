import { usePane } from "./harness/pane";

describe("scratch", () => {
  const pane = usePane();
  test("opens", async () => {
    const { page } = await pane.open();
    console.log(await page.evaluate(() => [...document.querySelectorAll("[aria-hidden=true]")].map((e) => e.outerHTML)));
    await page.keyboard.press("Tab");
    console.log(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200)));
    await page.keyboard.press("Tab");
    console.log(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200)));
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("ArrowRight");
    console.log(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200)));
    await page.keyboard.press("Enter");
    console.log(await page.evaluate(() => [...document.querySelectorAll("[role=tab]")].map((e) => e.getAttribute("aria-selected"))));
    await page.keyboard.press("ArrowRight");
    console.log(await page.evaluate(() => [...document.querySelectorAll("[role=tab]")].map((e) => e.getAttribute("aria-selected"))));
    await page.keyboard.press("Space");
    console.log(await page.evaluate(() => [...document.querySelectorAll("[role=tab]")].map((e) => e.getAttribute("aria-selected"))));
  });
});
