import { defaultFramework as f } from "../src/core/framework/default-framework";
import { inferType, inferSource } from "../src/core/gap/wording";
import { buildKeywordIndex } from "../src/core/gap/keywords";
let t = 0, s = 0, a = 0;
const kw = buildKeywordIndex(f);
const bad: string[] = [];
for (const m of f.catalogue) {
  if (inferType(m.name) === m.type) t++; else bad.push(`T ${m.type}->${inferType(m.name)}: ${m.name}`);
  if (inferSource(m.name) === m.source) s++;
  if (kw.vote(m.name)[0]?.area === m.area) a++;
}
console.log("type", t / f.catalogue.length, "source", s / f.catalogue.length, "area by keywords", a / f.catalogue.length);
for (const m of f.catalogue) if (/within|timescale|on time|timeliness/i.test(m.name)) console.log(m.type, inferType(m.name), m.name);
console.log(bad.slice(0, 40).join("\n"));
