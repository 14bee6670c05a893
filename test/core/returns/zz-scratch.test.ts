import * as fs from "node:fs";
import { check, filled, resaveWithLibreOffice, colOf } from "./kit";
test("scratch", async () => {
  const buf = await filled((d) => {
    d.at("CP01", "value").value = { formula: `${colOf("numerator")}${d.rowOf("CP01")}/${colOf("denominator")}${d.rowOf("CP01")}*100`, result: 92.5 } as never;
    d.at("CP02", "value").value = "18%";
    d.at("CP03", "value").value = { formula: "100+20" } as never;
    d.at("CP05", "commentary").value = { formula: 'HYPERLINK("http://x.example","see")', result: "see" } as never;
  });
  fs.writeFileSync("/tmp/ret-scratch/filled.xlsx", buf);
  const lo = await resaveWithLibreOffice(buf);
  fs.writeFileSync("/tmp/ret-scratch/lo.xlsx", lo);
  const r = await check(lo);
  console.log(JSON.stringify(r.issues, null, 1), r.spec?.indicators.length);
  const r2 = await check(buf);
  console.log(JSON.stringify(r2.issues, null, 1));
});
