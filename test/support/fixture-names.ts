/**
 * The ingest fixtures' format has no breakdown: a measure broken down by age or gender is written
 * there as "measure (group)", as a careful analyst without a breakdown column would name it. The
 * scorers compare an observation under that name, and with white space collapsed (a label
 * wrapped with line breaks inside its cell is the same indicator).
 */
import type { Observation } from "../../src/core/model/model";

export function fixtureName(o: Pick<Observation, "indicator" | "breakdown">): string {
  const name = o.breakdown && Object.keys(o.breakdown).length ? `${o.indicator} (${Object.values(o.breakdown).join(", ")})` : o.indicator;
  return name.replace(/\s+/g, " ").trim();
}
