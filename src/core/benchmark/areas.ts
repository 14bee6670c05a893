/**
 * Areas as the published files force us to match them.
 *
 * - One authority, many spellings. The neighbour list names authorities by three-digit old
 *   code; the data files carry the old code and the current nine-character code; the current
 *   code changes between years (North Yorkshire was E10000023 and is E06000065); names differ
 *   slightly between publications ("Bedford Borough" / "Bedford", "Durham" / "County Durham",
 *   "Bristol, City of" / "Bristol").
 * - So an authority is known by its old code where the files give one, else by its normalised
 *   name, else by its code: the three things least likely to change, in that order.
 * - Matching a name or code someone typed, or an entry of the neighbour list, tries the old
 *   code first, then any current code the authority has had, then the name as written, then the
 *   normalised name; the caller says in a warning which was used when it was not exact.
 */
import type { Area } from "../model/model";
import { editDistance, normaliseAreaName } from "../opendata/area-names";
import type { Place } from "../opendata/read";
import type { BenchmarkSource } from "./compare";

export type MatchedBy = "old code" | "code" | "name" | "normalised name";

/** One area as every file and year spell it. */
export interface AreaRecord {
  key: string;
  level: "national" | "regional" | "local authority" | "other";
  oldCode: string | null;
  codes: Set<string>;
  names: Set<string>;
  /** The region its rows give ("Outer London" for a London borough). */
  region: Area | null;
  /** The area as its latest figures spell it (name and code), and the end of that period. */
  latest: Area | null;
  latestEnd: string;
}

export function levelOf(area: Area): AreaRecord["level"] {
  const l = area.level.toLowerCase();
  if (l === "national" || l === "country") return "national";
  if (l === "regional" || l === "region") return "regional";
  if (l === "local authority" || l === "la") return "local authority";
  return "other";
}

/** The key one area has in every file and year (see the top of this file). */
export function areaKey(area: Area): string {
  const level = levelOf(area);
  if (level === "national") return "national";
  if (area.oldCode) return `${level}\u0001old\u0001${area.oldCode}`;
  const name = normaliseAreaName(area.name);
  if (name !== "") return `${level}\u0001name\u0001${name}`;
  return `${level}\u0001code\u0001${area.code ?? ""}`;
}

/** Every area of every file, once, with all its codes and names. */
export class AreaDirectory {
  readonly records = new Map<string, AreaRecord>();
  private readonly keys = new Map<Area, string>();

  addPlaces(places: readonly Place[]): void {
    for (const p of places) {
      const key = this.keyOf(p.area);
      let record = this.records.get(key);
      if (!record) {
        record = { key, level: levelOf(p.area), oldCode: p.area.oldCode ?? null, codes: new Set(), names: new Set(), region: null, latest: null, latestEnd: "" };
        this.records.set(key, record);
      }
      if (p.area.code) record.codes.add(p.area.code);
      if (p.area.name) record.names.add(p.area.name);
      if (p.region) record.region = p.region;
    }
  }

  /** Notes that `area` has a figure for a period ending `end`: the latest spelling wins. */
  seen(area: Area, end: string): AreaRecord | undefined {
    const record = this.records.get(this.keyOf(area));
    if (record && end > record.latestEnd) {
      record.latest = area;
      record.latestEnd = end;
    }
    return record;
  }

  /** The key of an area object (the reader shares one object per area, so this is cached). */
  keyOf(area: Area): string {
    let key = this.keys.get(area);
    if (key === undefined) {
      key = areaKey(area);
      this.keys.set(area, key);
    }
    return key;
  }

  ofLevel(level: AreaRecord["level"]): AreaRecord[] {
    return [...this.records.values()].filter((r) => r.level === level);
  }
}

/** An area found for what someone wrote (a name, a code or an old code), and how. */
export interface AreaMatch {
  record: AreaRecord;
  by: MatchedBy;
}

/**
 * The record `query` names among `records`: old code, then code, then name, then normalised
 * name. A normalised name that fits more than one record is no match (it would be a guess).
 */
export function matchArea(query: { oldCode?: string | null; code?: string | null; name?: string | null }, records: readonly AreaRecord[]): AreaMatch | null {
  const oldCode = query.oldCode?.trim();
  if (oldCode) {
    const r = records.find((x) => x.oldCode === oldCode);
    if (r) return { record: r, by: "old code" };
  }
  const code = query.code?.trim().toUpperCase();
  if (code) {
    const r = records.find((x) => [...x.codes].some((c) => c.toUpperCase() === code));
    if (r) return { record: r, by: "code" };
  }
  const name = query.name?.trim();
  if (!name) return null;
  const lower = name.toLowerCase();
  const exact = records.filter((x) => [...x.names].some((n) => n.toLowerCase() === lower));
  if (exact.length === 1) return { record: exact[0]!, by: "name" };
  const normal = normaliseAreaName(name);
  const close = records.filter((x) => [...x.names].some((n) => normaliseAreaName(n) === normal));
  if (close.length === 1) return { record: close[0]!, by: "normalised name" };
  return null;
}

/** What someone typed as --area: three digits are an old code, "E..." a code, else a name. */
export function matchTyped(typed: string, records: readonly AreaRecord[]): AreaMatch | null {
  const t = typed.trim();
  if (/^\d{3}$/.test(t)) return matchArea({ oldCode: t }, records);
  return matchArea({ code: /^[A-Z]\d{8}$/i.test(t) ? t : null, name: t }, records);
}

/** Up to `n` names close to what was typed, for "did you mean". */
export function suggestAreas(typed: string, records: readonly AreaRecord[], n = 3): AreaRecord[] {
  const want = normaliseAreaName(typed);
  if (want === "") return [];
  const scored = records.map((r) => {
    let best = Infinity;
    for (const name of r.names) {
      const have = normaliseAreaName(name);
      // A word that starts with what was typed ("hull" for "Hul") beats a word that merely contains it.
      const d = have.split(" ").some((w) => w.startsWith(want))
        ? 0.5
        : have.includes(want) || want.includes(have)
          ? Math.abs(have.length - want.length) / 4
          : editDistance(want, have);
      if (d < best) best = d;
    }
    return { r, d: best };
  });
  const limit = Math.max(2, Math.floor(want.length / 4));
  return scored
    .filter((s) => s.d <= limit)
    .sort((a, b) => a.d - b.d || displayName(a.r).localeCompare(displayName(b.r)))
    .slice(0, n)
    .map((s) => s.r);
}

/** The name people know an area by: the one its latest rows give. */
export function displayName(record: AreaRecord): string {
  return record.latest?.name ?? [...record.names][0] ?? record.oldCode ?? [...record.codes][0] ?? "";
}

/** The current nine-character code: the one its latest figures carry. */
export function currentCode(record: AreaRecord): string | null {
  return record.latest?.code ?? [...record.codes][0] ?? null;
}

/** "Barnsley (370)" or "Barnsley (E08000016)": a name with the code that pins it down. */
export function describeArea(record: AreaRecord): string {
  const code = record.oldCode ?? currentCode(record);
  return code ? `${displayName(record)} (${code})` : displayName(record);
}

/** A local authority as a person chooses it: its name, its codes and its region. */
export interface AreaSummary {
  name: string;
  /** The three-digit number (370), where the files give it. */
  oldCode: string | null;
  /** The current nine-character code (E08000016). */
  code: string | null;
  region: string | null;
}

/** Every local authority the files have figures for, once (across codes and spellings), by name. */
export function localAuthorities(sources: readonly BenchmarkSource[]): AreaSummary[] {
  const directory = new AreaDirectory();
  for (const s of sources) directory.addPlaces(s.places);
  return directory
    .ofLevel("local authority")
    .map((r) => ({ name: displayName(r), oldCode: r.oldCode, code: currentCode(r), region: r.region?.name ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
