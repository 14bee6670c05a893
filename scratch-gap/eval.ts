import { defaultFramework as f } from "../src/core/framework/default-framework";
import { buildCatalogueIndex } from "../src/core/gap/catalogue-index";
import { REWORDINGS } from "../test/core/gap/rewordings";
import { tokens } from "../src/core/gap/text";
const idx = buildCatalogueIndex(f.catalogue);
let ok = 0;
for (const r of REWORDINGS) {
  const ranked = idx.rank(r.reworded);
  const top = ranked[0]!, second = ranked[1]!;
  const hit = top.measure.name === r.original;
  if (hit) ok++;
  const pos = ranked.findIndex((m) => m.measure.name === r.original);
  console.log(`${hit ? "OK " : "XX "} ${top.score.toFixed(2)} (2nd ${second.score.toFixed(2)}) pos=${pos} ${r.reworded}${hit ? "" : "\n      -> " + top.measure.name + "\n      q=" + tokens(r.reworded).join(",") + "\n      o=" + tokens(r.original).join(",")}`);
}
console.log(ok, REWORDINGS.length);
