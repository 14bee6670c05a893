import { defaultFramework as f } from "../src/core/framework/default-framework";
import { buildCatalogueIndex } from "../src/core/gap/catalogue-index";
import * as fs from "fs";
const idx = buildCatalogueIndex(f.catalogue);
const rows = fs.readFileSync("assets/samples/indicator-set.csv", "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[1]!);
const extra = ["Children with an EHCP","Early help assessments completed","Number of contacts to the MASH","Children in need per 10,000","Care leavers in education, employment or training (%)","Initial health assessments completed within 20 working days (%)","Children missing from home or care - return interviews completed within 72 hours (%)","Number of children subject to a CP plan due to neglect","Youth offending first time entrants","Number of LADO referrals","Strategy discussions held within 24 hours (%)","Schools completing Section 11 audit","Staff completing level 3 safeguarding training","Private fostering notifications","Number of CSE referrals","FGM cases identified by health","Homeless 16-17 year olds placed in B&B"];
for (const t of [...rows, ...extra]) { const r = idx.rank(t); console.log(r[0]!.score.toFixed(2), r[0]!.measure.type.padEnd(8), r[0]!.measure.area.slice(0,18).padEnd(18), t, " => ", r[0]!.measure.name.slice(0,70)); }
