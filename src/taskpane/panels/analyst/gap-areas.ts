/**
 * The Gap analysis's content areas, carried over to the scorecard's "group by content area".
 * Plain data, no engine code (only types come from the gap analysis).
 */
import type { PlacedIndicator } from "../../../core/gap";
import type { IngestResult } from "../../../core/model";

const norm = (text: string | null): string => (text ?? "").replace(/\s+/g, " ").trim().toLowerCase();

/** An indicator's keys, most specific first: by ID (or name where it has none), with its agency and then without. */
function keysOf(id: string | null, name: string, agency: string | null): string[] {
  const own = id !== null ? `id:${norm(id)}` : `name:${norm(name)}`;
  return [`${own}|${norm(agency)}`, own];
}

/**
 * The figures with each indicator's content area set from where the Gap analysis placed it (the
 * analyst's own placements included). An indicator the analysis did not place, or did not see
 * (it was run on another set), keeps its own area, from the set's "Content area" column.
 */
export function withGapAreas(data: IngestResult, placements: readonly PlacedIndicator[]): IngestResult {
  const areas = new Map<string, string>();
  for (const p of placements) {
    if (p.area === null) continue;
    // The first placement of a key wins, as the analysis lists the set in its order.
    for (const key of keysOf(p.indicatorId, p.indicator, p.agency)) if (!areas.has(key)) areas.set(key, p.area);
  }
  if (areas.size === 0) return data;
  const indicators = data.indicators.map((ind) => {
    const area = keysOf(ind.id, ind.name, ind.agency)
      .map((k) => areas.get(k))
      .find((a) => a !== undefined);
    return area === undefined || area === ind.contentArea ? ind : { ...ind, contentArea: area };
  });
  return { ...data, indicators };
}
