/**
 * A 2,000-indicator return is checked correctly: every row read, the planted slips found in
 * the right cells and nothing else. (Correctness only: the lead's benchmark measures time.)
 */
import type { Indicator } from "../../../src/core/model/model";
import { renderPlanToXlsx } from "../../../src/files/render";
import { returnLayout, returnTemplatePlan } from "../../../src/core/returns/template";
import { check, colOf, openDesk, save, templateInput } from "./kit";

const UNITS: Indicator["unit"][] = ["count", "percent", "rate", "days"];

test("a 2,000-row return validates, finding exactly the planted slips", async () => {
  const indicators: Indicator[] = Array.from({ length: 2000 }, (_, i) => ({
    id: `X${String(i + 1).padStart(4, "0")}`,
    name: `Indicator number ${i + 1}`,
    agency: "Health",
    unit: UNITS[i % UNITS.length]!,
    polarity: "higher",
    target: null,
    contentArea: null,
    type: null,
    source: null,
    frequency: null,
  }));
  const input = templateInput({ indicators, agency: "Health", previous: {} });
  const d = await openDesk(await renderPlanToXlsx(returnTemplatePlan(input)), input);
  const first = returnLayout(input).firstDataRow;
  indicators.forEach((ind, i) => {
    d.at(ind.id!, "value").value = ind.unit === "percent" ? 50 : i + 1;
  });
  d.at("X1000", "value").value = "not yet"; // count
  d.at("X1999", "value").value = -2; // rate
  d.at("X0002", "value").value = 150; // percent
  const r = await check(await save(d));
  expect(r.readable).toBe(true);
  expect(r.observations).toHaveLength(2000);
  expect(r.issues.map((i) => [i.code, i.cell])).toEqual([
    ["RET027", `${colOf("value")}${first + 1}`],
    ["RET023", `${colOf("value")}${first + 999}`],
    ["RET025", `${colOf("value")}${first + 1998}`],
  ]);
  expect(r.observations[1999]).toMatchObject({ indicatorId: "X2000", value: 2000, status: "ok" });
  expect(r.observations.filter((o) => o.status === "ok")).toHaveLength(1997);
});
