import { generateScorecard, scorecardWorkbook, specForObservations } from "./test/generators/scorecard";
import { ingestWorkbook } from "./src/core/ingest";
for (const n of [100, 5000, 50000]) {
  const g = generateScorecard(specForObservations(n));
  const t = Date.now();
  const r = ingestWorkbook(scorecardWorkbook(g.rows));
  console.log(n, g.figures.length, r.observations.length, Date.now() - t, r.warnings.slice(0,3), r.observations[0]);
}
