/**
 * The unit of a measure, from what the sheet says about it: the label ("(%)", "per 10,000",
 * "average days"), a heading ("%"), a unit column, or the cell's number format. A label that
 * only mentions days ("seen within 10 days") is a count or a percentage, not a duration.
 */
import type { Polarity, Unit } from "../model/model";
import { hasPhrase, normalise } from "./text";

/** The unit a label or heading states, or null when it states none. */
export function unitFromLabel(label: string): Unit | null {
  const t = normalise(label);
  if (t === "") return null;
  if (/\bper\s*(10|100|1,?000|10,?000|100,?000)\b|\bper (thousand|ten thousand|hundred thousand)\b|\brate per\b|\bper\s*\d+k\b/.test(t)) return "rate";
  if (t.includes("%") || hasPhrase(t, ["percent", "percentage", "percentages", "proportion", "pct", "per cent"])) return "percent";
  const withoutWithin = t.replace(/\b(within|in under|under|over|more than|less than|after|before|in|of)\s+\d+\s*(working\s+)?days?\b/g, " ");
  if (/\(days?\)|\bin days\b|\bdays\)?$|\b(average|mean|median) (number of )?days\b|\bnumber of days\b|\b(average|mean|median) (time|duration|length|wait|days)\b|\bdays (to|taken|between|from|waiting|open)\b/.test(withoutWithin)) return "days";
  // An average or a ratio that is not a duration ("Average caseload per social worker") is neither a count nor a rate.
  if (/^(average|mean|median)\b|\bratio\b|\bper (social worker|worker|practitioner|head|fte|officer|team|case)\b/.test(t)) return "other";
  if (/^(number|count|no\.?)$|^(number|no\.?|count) of\b/.test(t)) return "count";
  return null;
}

/** Whether a cell's text is a unit's name, as a unit column holds ("%", "No.", "Rate per 10,000"). */
export function isUnitWord(text: string): boolean {
  return /^(%|percent|percentage|no\.?|number|count|n|#|rate|rate per [\d,]+|per [\d,]+|days?|weeks?|average|avg|mean|median|ratio|score|£|cash|hours?)$/.test(normalise(text));
}

/** A unit a number format writes out: 0" days" shows days. */
export function unitFromFormat(format: string): Unit | null {
  const literal = (format.match(/"[^"]*"/g) ?? []).join(" ").toLowerCase();
  if (/\bdays?\b/.test(literal)) return "days";
  // A "%" shown as literal text (0"%" or 0\%) does not scale the number, as a real % does, but the
  // sheet still shows a percentage: 86 under 0"%" is 86 %.
  if (literal.includes("%") || /\\%/.test(format)) return "percent";
  return null;
}

/** The unit a unit column's entry names ("%", "Percentage", "Rate per 10,000", "Days", "Number"). */
export function unitFromUnitCell(text: string): Unit | null {
  const t = normalise(text);
  if (t === "") return null;
  const fromLabel = unitFromLabel(t);
  if (fromLabel) return fromLabel;
  if (/^(rate|ratio)$/.test(t)) return "rate";
  if (/^(days?|duration|weeks?)$/.test(t)) return t.startsWith("week") ? "other" : "days";
  if (/^(count|number|no\.?|n|#|numeric|whole number|integer)$/.test(t)) return "count";
  return "other";
}

/** A polarity from a cell of a polarity column, or from a phrase in a label. */
export function polarityFromText(text: string): Polarity | null {
  const t = normalise(text);
  if (t === "" || /^(n\/a|na|none|neutral|-|n\/k|context|contextual|no polarity|tbc)$/.test(t)) return null;
  const high = /\b(high|higher|highest|up|increase|increasing|more|bigger|above|maximise|maximize)\b|\u2191|\u25b2|^\+$/.test(t);
  const low = /\b(low|lower|lowest|down|decrease|decreasing|less|fewer|smaller|below|minimise|minimize)\b|\u2193|\u25bc|^-$/.test(t);
  if (high && !low) return "higher";
  if (low && !high) return "lower";
  // "Good is high" and "High is good" both mention one direction; "high or low" names none.
  return null;
}
