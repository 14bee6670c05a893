import { defaultFramework as f } from "../src/core/framework/default-framework";
import { createPlacer } from "../src/core/gap/placement";
import { REWORDINGS } from "../test/core/gap/rewordings";
import * as fs from "fs";
const p = createPlacer(f);
const ind = (name: string) => ({ id: null, name, agency: null, unit: null, polarity: null, target: null, contentArea: null, type: null, source: null, frequency: null });
let ok = 0;
for (const r of REWORDINGS) {
  const m = f.catalogue.find((c) => c.name === r.original)!;
  const pl = p.place(ind(r.reworded));
  const good = pl.area === m.area && pl.type === m.type;
  if (good) ok++; else console.log("XX", r.reworded, JSON.stringify(pl), m.area, m.type);
}
console.log(ok, REWORDINGS.length);
const rows = fs.readFileSync("assets/samples/indicator-set.csv", "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
const extra = ["Children with an EHCP","Early help assessments completed","Number of contacts to the MASH","Children in need per 10,000","Care leavers in education, employment or training (%)","Initial health assessments completed within 20 working days (%)","Children missing from home or care - return interviews completed within 72 hours (%)","Number of children subject to a CP plan due to neglect","Youth offending first time entrants","Number of LADO referrals","Strategy discussions held within 24 hours (%)","Schools completing Section 11 audit","Staff completing level 3 safeguarding training","Private fostering notifications","Number of CSE referrals","FGM cases identified by health","Homeless 16-17 year olds placed in B&B", "Library books issued", "Potholes repaired within 24 hours (%)", "Customer satisfaction with council tax service"];
for (const t of [...rows.map((r) => r[1]!), ...extra]) { const pl = p.place(ind(t)); console.log(pl.confidence.padEnd(9), String(pl.score).padEnd(5), (pl.area ?? "-").slice(0, 22).padEnd(22), (pl.type ?? "").padEnd(8), (pl.source ?? "").slice(0,12).padEnd(12), t, "|", pl.subArea, "|", pl.matchedMeasure?.slice(0, 50)); }
