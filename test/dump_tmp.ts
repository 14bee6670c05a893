import { readWorkbookFile } from "../src/files/node";
import { detectLayouts } from "../src/core/ingest";
(async () => {
  const wb = await readWorkbookFile(process.argv[2]!);
  for (const g of wb.sheets) {
    console.log("=== " + g.sheet, g.origin, JSON.stringify(g.merges));
    g.rows.forEach((r, i) => console.log(i + g.origin.row, r.map((c) => c.value === null ? "" : JSON.stringify(c.value) + (c.numberFormat !== "General" ? "{" + c.numberFormat + "}" : "")).join(" | ")));
    if (process.argv[3]) { try { console.log(JSON.stringify(detectLayouts(g), null, 0)); } catch (e) { console.log(String(e)); } }
  }
})();
