/**
 * Official statistics in the Department for Education's open-data layout, generated: tidy CSV
 * rows (time_period, time_identifier, geographic_level, country/region/authority codes and
 * names, a breakdown column, then indicator columns with statistics marks) for England, its
 * regions and a set of authorities over some years, and the statistical-neighbour list for
 * them in the layout of the Department's LAIT workbook.
 *
 * Deterministic: the same options give the same bytes, so samples can be committed and a
 * benchmark measures the same file every time. The authorities are fictional (names, codes and
 * figures), in the real regions: generated figures must never pass for a real council's.
 */

export interface Region {
  code: string;
  name: string;
}

export interface GeneratedAuthority {
  /** Three digits, as the neighbour list names it. */
  oldCode: string;
  /** Nine characters, as current files give it. */
  code: string;
  name: string;
  region: Region;
  /** Inner or Outer London, which a London borough's rows give as their region. */
  part?: Region;
  /** 0..1: how deprived; neighbours are the authorities nearest in this. */
  profile: number;
  /** Children under 18. */
  children: number;
}

export interface IndicatorSpec {
  heading: string;
  kind: "count" | "rate" | "percent";
  /**
   * Where England's figure sits, so that a sample reads like the real thing beside a
   * partnership's own figures: for a count or a rate, how many per 10,000 children; for a
   * percentage, the percentage. Without it, figures are only shaped, not scaled to life.
   */
  typical?: number;
}

export interface OpenDataOptions {
  authorities: GeneratedAuthority[];
  /** Reporting years, e.g. [2023, 2024, 2025]; the latest is written first, as the Department does. */
  years: number[];
  indicators: IndicatorSpec[];
  /** The breakdown column and its values (one row per value). */
  breakdown: { heading: string; values: string[] };
  seed: number;
  /** Put statistics marks in (c, u, x, z, low): default true. */
  marks?: boolean;
}

export const ENGLAND: Region = { code: "E92000001", name: "England" };
export const REGIONS: Region[] = [
  { code: "E12000001", name: "North East" },
  { code: "E12000002", name: "North West" },
  { code: "E12000003", name: "Yorkshire and The Humber" },
  { code: "E12000004", name: "East Midlands" },
  { code: "E12000005", name: "West Midlands" },
  { code: "E12000006", name: "East of England" },
  { code: "E12000007", name: "London" },
  { code: "E12000008", name: "South East" },
  { code: "E12000009", name: "South West" },
];
export const INNER_LONDON: Region = { code: "E13000001", name: "Inner London" };
export const OUTER_LONDON: Region = { code: "E13000002", name: "Outer London" };

/** mulberry32: a small seeded generator, so figures are the same on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The demo's dozen fictional authorities in three real regions (London split inner and outer). */
export function sampleAuthorities(): GeneratedAuthority[] {
  const ne = REGIONS[0]!;
  const yh = REGIONS[2]!;
  const ldn = REGIONS[6]!;
  const list: [string, string, string, Region, Region | undefined, number, number][] = [
    ["951", "E06990001", "Northshire", ne, undefined, 0.62, 68_400],
    ["952", "E06990002", "Wearmouth", ne, undefined, 0.71, 52_100],
    ["953", "E08990003", "Tynedale Vale", ne, undefined, 0.48, 44_900],
    ["954", "E06990004", "Teesford, City of", ne, undefined, 0.77, 39_300],
    ["955", "E08990005", "Calder Moor", yh, undefined, 0.55, 71_800],
    ["956", "E08990006", "Airedale", yh, undefined, 0.66, 96_200],
    ["957", "E06990007", "Ouse Valley", yh, undefined, 0.31, 58_700],
    ["958", "E08990008", "Dearne & Dove", yh, undefined, 0.69, 49_500],
    ["959", "E09990009", "Thames Reach", ldn, INNER_LONDON, 0.58, 61_300],
    ["960", "E09990010", "St. Mary's Vale", ldn, INNER_LONDON, 0.64, 55_600],
    ["961", "E09990011", "Northgate", ldn, OUTER_LONDON, 0.41, 83_900],
    ["962", "E09990012", "Elm Green", ldn, OUTER_LONDON, 0.36, 76_200],
  ];
  return list.map(([oldCode, code, name, region, part, profile, children]) => ({ oldCode, code, name, region, ...(part ? { part } : {}), profile, children }));
}

/** `n` fictional authorities spread over the nine regions (for the benchmark's large file). */
export function manyAuthorities(n: number, seed = 7): GeneratedAuthority[] {
  const rand = random(seed);
  return Array.from({ length: n }, (_, i) => {
    const region = REGIONS[i % REGIONS.length]!;
    const london = region.name === "London";
    return {
      oldCode: String(300 + i),
      code: `E0${london ? 9 : 6}99${String(i).padStart(4, "0")}`,
      name: `Authority ${String(i + 1).padStart(3, "0")}`,
      region,
      ...(london ? { part: i % 2 ? INNER_LONDON : OUTER_LONDON } : {}),
      profile: Math.round(rand() * 1000) / 1000,
      children: 20_000 + Math.round(rand() * 200_000),
    };
  });
}

/**
 * The children-in-need sample's indicators: counts, rates per 10,000 and percentages, at about
 * the levels England's published figures have (children in need about 330 per 10,000,
 * referrals about 550, re-referrals within a year about 22%, assessments within 45 working days
 * about 82%, child protection plans about 41 per 10,000), so that the demo's scorecard, whose
 * own figures are at those levels, compares sensibly with them.
 */
export const CHILDREN_IN_NEED_INDICATORS: IndicatorSpec[] = [
  { heading: "cin_count", kind: "count", typical: 330 },
  { heading: "cin_rate_per_10000", kind: "rate", typical: 330 },
  { heading: "referrals_count", kind: "count", typical: 550 },
  { heading: "rereferrals_percent", kind: "percent", typical: 22 },
  { heading: "assessments_within_45_days_percent", kind: "percent", typical: 82 },
  { heading: "cpp_rate_per_10000", kind: "rate", typical: 41 },
];

const HEADINGS = ["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name", "old_la_code", "new_la_code", "la_name"];

interface Figures {
  /** Per indicator: the numerator behind it (for counts, the count), and the base it is out of. */
  parts: { amount: number; base: number }[];
}

/** An authority's figures for one year and breakdown value: its profile drives the level. */
function authorityFigures(a: GeneratedAuthority, yearIndex: number, valueIndex: number, specs: IndicatorSpec[], rand: () => number): Figures {
  const share = 1 / (1 + valueIndex);
  return {
    parts: specs.map((s, i) => {
      const noise = rand();
      if (s.typical !== undefined) return typicalFigure(s.kind, s.typical, a, yearIndex, noise, share);
      const level = 0.5 + a.profile + 0.05 * yearIndex + 0.1 * ((i * 7) % 5) + 0.2 * noise;
      if (s.kind === "count") return { amount: Math.round(a.children * 0.03 * level * share), base: 1 };
      if (s.kind === "rate") return { amount: Math.round(a.children * 0.03 * level * share), base: a.children };
      const base = Math.max(10, Math.round(a.children * 0.01 * share));
      return { amount: Math.round(base * Math.min(0.95, 0.1 + 0.5 * level * 0.5)), base };
    }),
  };
}

/**
 * A figure near `typical`: more deprived authorities (a higher profile) a little higher, later
 * years a little higher, and some noise; a percentage moves half as much and stays below 100.
 */
function typicalFigure(kind: IndicatorSpec["kind"], typical: number, a: GeneratedAuthority, yearIndex: number, noise: number, share: number): { amount: number; base: number } {
  const factor = 0.75 + 0.4 * a.profile + 0.03 * yearIndex + 0.1 * noise;
  if (kind === "percent") {
    const base = Math.max(10, Math.round(a.children * 0.01 * share));
    return { amount: Math.round(base * Math.min(0.99, (typical / 100) * (1 + (factor - 1) / 2))), base };
  }
  const amount = Math.round((a.children / 10_000) * typical * factor * share);
  return kind === "count" ? { amount, base: 1 } : { amount, base: a.children };
}

function written(spec: IndicatorSpec, amount: number, base: number): string {
  if (spec.kind === "count") return String(amount);
  if (spec.kind === "rate") return (Math.round((amount / base) * 10_000 * 10) / 10).toFixed(1);
  return base === 0 ? "z" : (Math.round((amount / base) * 1000) / 10).toFixed(1);
}

/** The rows of the file, heading first, each cell as the CSV writes it. */
export function openDataRows(options: OpenDataOptions): string[][] {
  const rand = random(options.seed);
  const marks = options.marks ?? true;
  const { authorities, indicators, breakdown } = options;
  const rows: string[][] = [[...HEADINGS, breakdown.heading, ...indicators.map((i) => i.heading)]];
  const years = [...options.years].sort((a, b) => b - a);
  const regions = REGIONS.filter((r) => authorities.some((a) => a.region.code === r.code));
  const parts = [INNER_LONDON, OUTER_LONDON].filter((p) => authorities.some((a) => a.part?.code === p.code));
  years.forEach((year) => {
    const yearIndex = options.years.indexOf(year);
    breakdown.values.forEach((value, valueIndex) => {
      const figures = authorities.map((a) => authorityFigures(a, yearIndex, valueIndex, indicators, rand));
      const total = (members: number[]): string[] =>
        indicators.map((spec, i) => {
          const amount = members.reduce((n, m) => n + figures[m]!.parts[i]!.amount, 0);
          const base = members.reduce((n, m) => n + figures[m]!.parts[i]!.base, 0);
          // National and regional counts are rounded to the nearest 10, as the Department does.
          return spec.kind === "count" ? String(Math.round(amount / 10) * 10) : written(spec, amount, base);
        });
      const lead = [String(year), "Reporting year"];
      const all = authorities.map((_, i) => i);
      rows.push([...lead, "National", ENGLAND.code, ENGLAND.name, "", "", "", "", "", value, ...total(all)]);
      for (const r of [...regions, ...parts]) {
        const members = all.filter((i) => authorities[i]!.region.code === r.code || authorities[i]!.part?.code === r.code);
        rows.push([...lead, "Regional", ENGLAND.code, ENGLAND.name, r.code, r.name, "", "", "", value, ...total(members)]);
      }
      authorities.forEach((a, i) => {
        const region = a.part ?? a.region;
        const cells = indicators.map((spec, k) => written(spec, figures[i]!.parts[k]!.amount, figures[i]!.parts[k]!.base));
        if (marks) markCells(cells, indicators, rand);
        rows.push([...lead, "Local authority", ENGLAND.code, ENGLAND.name, region.code, region.name, a.oldCode, a.code, a.name, value, ...cells]);
      });
    });
  });
  return rows;
}

/**
 * About one figure in thirty becomes a statistics mark, as in published files: c (suppressed),
 * u (low reliability), x (not available), and z (not applicable) for a percentage.
 */
function markCells(cells: string[], specs: IndicatorSpec[], rand: () => number): void {
  cells.forEach((_, k) => {
    const roll = rand();
    if (roll < 0.015) cells[k] = "c";
    else if (roll < 0.022) cells[k] = "u";
    else if (roll < 0.028) cells[k] = "x";
    else if (roll < 0.032 && specs[k]!.kind === "percent") cells[k] = "z";
  });
}

/** CSV text: fields with a comma, quote or line break are quoted. */
export function csvText(rows: string[][]): string {
  const field = (f: string): string => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return rows.map((r) => r.map(field).join(",")).join("\n") + "\n";
}

/** Each authority's `k` nearest by profile (then by number), closest first. */
export function neighboursOf(authorities: GeneratedAuthority[], k = 10): Map<string, GeneratedAuthority[]> {
  const out = new Map<string, GeneratedAuthority[]>();
  for (const a of authorities) {
    const others = authorities
      .filter((b) => b !== a)
      .sort((x, y) => Math.abs(x.profile - a.profile) - Math.abs(y.profile - a.profile) || x.oldCode.localeCompare(y.oldCode));
    out.set(a.oldCode, others.slice(0, k));
  }
  return out;
}

/** LAIT's region column: "London (Inner)" for a borough, the region's name elsewhere. */
function laitRegion(a: GeneratedAuthority): string {
  if (a.part) return `London (${a.part.name.split(" ")[0]})`;
  return a.region.name.replace("The Humber", "the Humber");
}

/**
 * The neighbour list in the layout of the Department's LAIT workbook (sn_may_2025.xlsx): a row
 * of column letters, a row of column numbers, the heading row, then one row per authority. The
 * list names authorities as LAIT does, which need not be as the data files do ("Teesford" for
 * "Teesford, City of").
 */
export function neighbourListRows(authorities: GeneratedAuthority[], k = 10): (string | number)[][] {
  const near = neighboursOf(authorities, k);
  const heading = ["LA num", "LA Name", "LA number", "GOInd", "GOReg"];
  for (let i = 1; i <= k; i++) heading.push(`SN${i}`, "SNP");
  const letters = heading.map((_, i) => (i < 5 ? String.fromCharCode(65 + i) : i - 2));
  const numbers = heading.map((_, i) => i + 1);
  const rows: (string | number)[][] = [letters, numbers, heading];
  const sorted = [...authorities].sort((a, b) => a.name.localeCompare(b.name));
  for (const a of sorted) {
    const row: (string | number)[] = [Number(a.oldCode), a.name.replace(/, City of$/, ""), Number(a.oldCode), REGIONS.indexOf(a.region) + 1, laitRegion(a)];
    for (const n of near.get(a.oldCode)!) {
      const d = Math.abs(n.profile - a.profile);
      row.push(Number(n.oldCode), d < 0.05 ? "Very close" : d < 0.15 ? "Close" : "Somewhat close");
    }
    rows.push(row);
  }
  return rows;
}
