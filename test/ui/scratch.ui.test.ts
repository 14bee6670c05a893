import { usePane } from "./harness/pane";
import { seedFromFile } from "./harness/workbooks";
import { waitForStatus } from "./harness/status";
import { panel } from "./harness/tabs";

describe("scratch", () => {
  const pane = usePane();
  test("probe", async () => {
    const seed = await seedFromFile("assets/samples/partnership-scorecard-q2-2025-26.xlsx");
    console.log(seed.sheets.map((s) => [s.name, Object.keys(s.cells ?? {}).length]));
    const { page, host, screenshot } = await pane.open({ host: seed });
    const p = panel(page, "Analyst");
    const imp = p.getByRole("region", { name: "Import a workbook" });
    await imp.getByRole("button", { name: "Read this workbook" }).click();
    console.log(await waitForStatus(imp, "Read"));
    console.log(JSON.stringify(await host.requests()));
    console.log(await imp.locator("h3").allTextContents());
    await screenshot("read");
    await imp.getByRole("button", { name: "Write indicator sheets" }).click();
    console.log(await waitForStatus(imp, "Written"));
    console.log(JSON.stringify(await host.requests()), await host.sheetNames());
    await screenshot("written");
    const sc = p.getByRole("region", { name: "Scorecard" });
    await sc.getByRole("button", { name: /Apply and write/ }).click();
    console.log(await sc.locator(".fui-MessageBar").allTextContents());
    await page.waitForTimeout(1000);
    console.log(await sc.locator(".fui-MessageBar").allTextContents());
    console.log(JSON.stringify(await host.requests()), await host.sheetNames());
    await screenshot("scorecard");
  });
});
