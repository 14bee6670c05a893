/**
 * The values of an indicator set's columns as people write them. Each parser returns the
 * contract's value, or `undefined` for text it does not recognise (the reader then warns), and
 * null for a blank. Words are compared in one compact form: lower case, "&" as "and", anything
 * that is not a letter or digit dropped ("Children, parents & carers" = "childrenparentsandcarers").
 */
import type { Band, InformationSource, InformationType, Polarity, Unit } from "../model";

export function compact(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9%]/g, "");
}

function lookup<T>(table: Readonly<Record<string, T>>, text: string): T | null | undefined {
  const key = compact(text);
  if (key === "") return null;
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

function table<T>(entries: ReadonlyArray<readonly [T, readonly string[]]>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [value, words] of entries) for (const w of words) out[compact(w)] = value;
  return out;
}

const POLARITY = table<Polarity | null>([
  ["higher", ["higher", "high", "high is good", "good is high", "higher is better", "higher is good", "high is better", "bigger is better", "up", "increase", "maximise", "more is better"]],
  ["lower", ["lower", "low", "low is good", "good is low", "lower is better", "lower is good", "low is better", "smaller is better", "down", "decrease", "reduce", "minimise", "less is better"]],
  ["band", ["band", "range", "within range", "in range", "within band", "target range", "between", "neither"]],
  [null, ["n/a", "na", "none", "neutral", "context", "contextual", "no polarity", "not applicable", "tbc"]],
]);

/** "higher", "lower", "band" or null (blank, or a word saying there is none). */
export function parsePolarity(text: string): Polarity | null | undefined {
  return lookup(POLARITY, text);
}

const TYPE = table<InformationType>([
  ["quantity", ["quantity", "quantitative", "how much", "how many", "how much did we do", "qn", "count", "activity"]],
  ["quality", ["quality", "qualitative", "how well", "how well did we do it", "ql"]],
  ["outcome", ["outcome", "outcomes", "impact", "is anyone better off", "better off", "difference"]],
]);

export function parseType(text: string): InformationType | null | undefined {
  const exact = lookup(TYPE, text);
  if (exact !== undefined) return exact;
  // "Quantitative (activity)", "Quality - audit", "Outcome measure": the type word leads.
  const key = compact(text);
  if (key.startsWith("quant")) return "quantity";
  if (key.startsWith("qual")) return "quality";
  if (key.startsWith("outcome") || key.startsWith("impact")) return "outcome";
  return undefined;
}

const SOURCE = table<InformationSource>([
  [
    "children_parents",
    [
      "children_parents", "children and parents", "children, parents and carers", "children parents carers", "parents and children",
      "children and families", "children, young people and families", "children and young people", "young people", "children",
      "parents", "carers", "families", "voice of the child", "child's voice", "voice of children", "child voice",
      "experience of children, parents and carers", "experience of children, parents, carers", "service users", "service user feedback",
      "user feedback", "family feedback", "children's survey", "parent survey",
    ],
  ],
  [
    "frontline_staff",
    [
      "frontline_staff", "frontline staff", "front line staff", "front-line staff", "staff", "practitioners", "practitioner",
      "professionals", "frontline staff and managers", "staff and managers", "experience of frontline staff", "experience of frontline staff and managers",
      "workforce", "staff survey", "practitioner survey", "staff feedback", "practitioner feedback",
    ],
  ],
  [
    "case_records",
    [
      "case_records", "case records", "case record", "children's case records", "children's/parents' case records", "case file audit",
      "case file audits", "case files", "case file", "audit", "audits", "case audit", "case audits", "multi-agency audit", "file audit",
      "dip sample", "records",
    ],
  ],
  [
    "management_information",
    [
      "management_information", "management information", "mi", "performance data", "performance information", "data", "system data",
      "other organisational activity", "other organisational activity and management information", "activity data", "returns",
      "statutory returns", "case management system", "information system", "kpi data", "hr data", "finance data",
    ],
  ],
]);

/** One of the framework's four source keys, from the key itself or a human spelling of it. */
export function parseSource(text: string): InformationSource | null | undefined {
  const exact = lookup(SOURCE, text);
  if (exact !== undefined) return exact;
  // Longer spellings ("Survey of children and parents", "Themed case file audit"): the telling
  // word decides, case records first because "children's case records" also names children.
  const key = compact(text);
  if (/audit|caserecord|casefile|dipsampl/.test(key)) return "case_records";
  if (/staff|practitioner|professional|frontline|workforce/.test(key)) return "frontline_staff";
  if (/child|parent|carer|famil|youngpe|voice|serviceuser/.test(key)) return "children_parents";
  if (/managementinformation|performancedata|performanceinformation|systemdata|^mi$/.test(key)) return "management_information";
  return undefined;
}

const UNIT = table<Unit>([
  ["count", ["count", "number", "no", "n", "numbers", "total", "integer", "whole number"]],
  ["percent", ["percent", "percentage", "%", "per cent", "proportion", "pct", "percent (%)", "% of"]],
  ["rate", ["rate", "rate per 10,000", "rate per 10000", "rate per 1,000", "rate per 1000", "rate per 100,000", "per 10,000", "per 10000", "per 1,000", "per 1000", "ratio"]],
  ["days", ["days", "day", "working days", "average days", "number of days", "weeks", "duration"]],
  ["other", ["other", "text", "yes/no", "y/n", "score", "average", "mean", "median", "pounds"]],
]);

/** The contract's unit; text it does not know is "other" only when said, otherwise unrecognised. */
export function parseUnit(text: string): Unit | null | undefined {
  return lookup(UNIT, text);
}

/** A unit read from the indicator's own wording when the set has no Unit for it. */
export function unitFromName(name: string): Unit | null {
  const t = name.toLowerCase();
  if (/%|\bper ?cent|\bpercentage\b|\bproportion\b/.test(t)) return "percent";
  if (/\brate per\b|\bper 1,?000\b|\bper 10,?000\b|\bper 100,?000\b/.test(t)) return "rate";
  if (/^\s*(?:number|no\.?|count|total)\b|\(number\)|\bnumber of\b/.test(t)) return "count";
  if (/\b(?:average|mean|median) (?:number of )?(?:working )?days\b/.test(t)) return "days";
  return null;
}

/** A target as read from one cell, before the column-wide percentage rule is applied. */
export interface RawTarget {
  value: number | null;
  band: Band | null;
  /** True when the cell itself said "%" (a "90%" text or a percentage number format). */
  percentMarked: boolean;
}

const NUMBER = String.raw`[+-]?\d+(?:\.\d+)?`;
const RANGE = new RegExp(String.raw`^(?:between\s+)?(${NUMBER})\s*%?\s*(?:-|–|to|and)\s*(${NUMBER})\s*%?$`, "i");

/**
 * A target cell: a number, "90%", "90", "< 5" (a bound is still the figure aimed at), or a range
 * "80-90" / "80 to 90" / "between 80 and 90" for a band. Returns undefined for text it cannot use.
 */
export function parseTarget(value: string | number | boolean | null, numberFormat: string): RawTarget | undefined {
  if (value === null || value === "") return { value: null, band: null, percentMarked: false };
  if (typeof value === "boolean") return undefined;
  if (typeof value === "number") {
    const marked = numberFormat.includes("%");
    return { value: marked ? roundPercent(value * 100) : value, band: null, percentMarked: marked };
  }
  const text = value.trim().replace(/,/g, "");
  if (text === "" || /^(?:n\/?a|none|-|tbc)$/i.test(text)) return { value: null, band: null, percentMarked: false };
  const range = RANGE.exec(text);
  if (range !== null) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    return { value: null, band: { low: Math.min(a, b), high: Math.max(a, b) }, percentMarked: text.includes("%") };
  }
  const single = new RegExp(String.raw`^(?:[<>]=?|≤|≥|at least|at most|no more than|no less than)?\s*(${NUMBER})\s*(%)?$`, "i").exec(text);
  if (single === null) return undefined;
  return { value: Number(single[1]), band: null, percentMarked: single[2] !== undefined };
}

/** 0.875 * 100 is 87.49999999999999 in floating point; percentages are kept to 10 decimals. */
export function roundPercent(x: number): number {
  return Math.round(x * 1e10) / 1e10;
}
