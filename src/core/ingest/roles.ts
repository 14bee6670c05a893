/**
 * What a column heading says the column holds. Headings are matched on whole words in their
 * normal form, most specific first: "Indicator ID" is an ID column, not an indicator column,
 * and "Target 2025/26" is a target, not a period. A long heading ("Children seen within target
 * timescale (%)") is a measure's name, whatever words it contains: only short headings name roles.
 */
import type { ColumnRole } from "./layout";
import { hasPhrase, normaliseHeading } from "./text";

const ID_EXACT = new Set(["no", "no.", "#", "ref", "ref.", "ref no", "ref no.", "reference", "id", "code", "kpi", "pi", "item", "line", "kpi no", "kpi no.", "pi no", "pi no."]);
const VALUE_EXACT = new Set([
  "value", "values", "actual", "actuals", "result", "results", "figure", "figures", "performance", "data", "%",
  "percent", "percentage", "rate", "score", "latest", "current", "count", "number", "no. of", "total value",
  "this quarter", "this month", "this period", "current quarter", "current month", "current period", "actual value",
  "latest value", "latest figure", "latest data", "performance value", "measure value", "amount", "n", "outcome", "no", "no.",
]);
const PERIOD_EXACT = new Set([
  "period", "quarter", "month", "date", "year", "reporting period", "period ending", "period end", "time period",
  "financial year", "week", "qtr", "month ending", "quarter ending", "reporting month", "reporting quarter",
  "reporting date", "time", "fy", "period covered", "date period", "month/year", "year/quarter", "data period",
  "month end", "quarter end", "year end date", "as at", "snapshot date", "quarter ended", "month ended",
  "period ended", "year ending", "year ended",
]);

/** Years, quarters and months taken out of a heading, so that "Q1 RAG" reads as "RAG". */
function withoutPeriods(h: string): string {
  return h
    .replace(/\b(19|20)\d{2}(\s*[/-]\s*(19|20)?\d{2})?\b/g, " ")
    .replace(/\b(q[1-4]|quarter [1-4]|h[12])\b/g, " ")
    .replace(/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The role a single heading names, or null when it names none (a period, a measure, an agency). */
export function headingRole(heading: string): ColumnRole | null {
  // Exports write headings in CamelCase ("SeniorityCode", "YearCensus"): split like snake_case.
  const full = normaliseHeading(heading).replace(/[:*]+$/, "").trim();
  if (full === "") return null;
  const h = withoutPeriods(full).replace(/^[-/(),. ]+|[-/(),. ]+$/g, "").trim() || full;
  const words = h.split(" ").length;

  if (ID_EXACT.has(h) || /^(indicator|measure|kpi|pi|metric|performance indicator) (id|ref|ref\.|reference|code|no\.?|number)$/.test(h)) return "id";
  if (words <= 3 && hasPhrase(h, ["ref", "ref.", "id", "reference number"])) return "id";
  // Codes and identifiers of the row's entity ("LA code", "URN", "LAESTAB", "Seniority code"), as
  // against an indicator's own reference above: never figures, whatever numbers they hold.
  if (words <= 4 && /\b(code|codes|urn|laestab|ukprn|upn|uln|postcode|nhs number|(la|lea|local authority) (number|num|no))\b/.test(h)) return "code";
  if (hasPhrase(h, ["polarity", "good is", "is good", "better if", "is better", "desired direction", "direction of good", "direction of improvement", "good performance is"])) return "polarity";
  if (/^(high|higher|low|lower) (or|\/) (high|higher|low|lower)/.test(h)) return "polarity";
  if (words <= 6 && hasPhrase(h, ["comment", "comments", "commentary", "narrative"])) return "commentary";
  if (words <= 4 && hasPhrase(h, ["rag", "rag rating", "red amber green", "r/a/g"])) return "rag";
  if (words <= 4 && hasPhrase(h, ["outturn", "baseline", "last year", "previous year", "prior year", "same period last year", "same quarter last year", "previous quarter", "last quarter", "previous month", "last month"])) return "outturn";
  // "Change on same quarter last year", "% change since Q1": derived, however long the heading.
  if (/^(%\s*)?(change|difference|variance|movement|direction of travel)\b/.test(h)) return "trend";
  if (words <= 4) {
    const short = shortHeadingRole(h);
    if (short) return short;
  }
  if (hasPhrase(h, ["numerator"])) return "numerator";
  if (hasPhrase(h, ["denominator"])) return "denominator";
  if (words <= 4 && hasPhrase(h, ["indicator", "indicators", "measure", "measures", "metric", "metrics", "kpi", "kpis", "description", "performance indicator", "indicator name", "measure name", "name", "title", "question", "data item", "dataset", "what we measure", "performance measure", "indicator description", "measure description"])) return "indicator";
  return null;
}

/**
 * Comparators: England, its regions, statistical neighbours and other groups of areas, alone or
 * with the statistic ("England average", "South West 2023/24", "Stat. neighbour average").
 */
const COMPARATOR = new RegExp(
  "^(all )?(england|national|nat|eng|regional|region|" +
    "north east|north west|yorkshire (and|&) (the )?humber|east midlands|west midlands|east of england|london|inner london|outer london|south east|south west|" +
    "statistical neighbours?|stat\\.? neighbours?|neighbours?|sn|comparators?|benchmarks?|ofsted|outstanding las|similar (areas|authorities|las|councils)|peer( group)?|peers)" +
    "( (average|avg|rate|figure|value|mean|median|comparator|benchmark))?$",
);

/** Roles only a short heading names. */
function shortHeadingRole(h: string): ColumnRole | null {
  if (hasPhrase(h, ["target met", "met target", "on target", "achieved"])) return "rag";
  if (hasPhrase(h, ["target", "targets", "goal", "threshold", "ambition", "tolerance"])) return "target";
  if (hasPhrase(h, ["rating", "status", "rag status"])) return "rag";
  if (hasPhrase(h, ["notes", "note", "analysis", "explanation", "remarks", "actions", "context", "exception", "reason", "reasons", "update", "so what", "summary", "narrative summary"])) return "commentary";
  if (h === "direction" || hasPhrase(h, ["trend", "direction of travel", "dot", "change", "variance", "difference", "movement", "+/-", "compared", "vs", "increase/decrease"])) return "trend";
  if (COMPARATOR.test(h)) return "comparator";
  if (/^(england|national|regional|statistical neighbour|stat\.? neighbour|neighbour|sn) /.test(h) && hasPhrase(h, ["average", "avg", "comparator", "benchmark", "mean", "median"])) return "comparator";
  if (hasPhrase(h, ["ytd", "year to date", "cumulative", "rolling 12 months", "12 month rolling", "forecast", "projection", "projected", "full year", "year end"])) return "total";
  if (/^(grand |year |annual |full year |quarter |period )?(total|totals|average|avg|mean|median|sum|overall)$/.test(h)) return "total";
  if (/^(unit|units|unit of measure|measure type|type of measure|format|measure unit|data type|value type)$/.test(h)) return "unit";
  if (h === "lead" || hasPhrase(h, ["lead agency", "lead partner", "lead organisation", "responsible agency", "reporting agency"])) return "agency";
  // Dates of actions, not of the figures: "Review date", "Next review", "Due date", "Deadline".
  if (/^((date of )?(next |last )?(review|reviewed|due|deadline|completion|completed|raised|agreed|updated|action|actioned|follow up|follow-up))( by| date| on)?$/.test(h)) return "ignore";
  if (hasPhrase(h, ["frequency", "reporting frequency", "owner", "lead officer", "contact", "responsible officer", "data source", "source", "type", "content area", "theme", "category", "domain", "priority", "link", "definition", "rationale", "guidance", "indicator type", "measure type"])) return "ignore";
  if (hasPhrase(h, ["num", "num.", "numer"])) return "numerator";
  if (hasPhrase(h, ["den", "den.", "denom", "denom.", "cohort", "out of", "base", "eligible", "population"])) return "denominator";
  if (VALUE_EXACT.has(h) || hasPhrase(h, ["value", "actual", "result"])) return "value";
  if (PERIOD_EXACT.has(h) || hasPhrase(h, ["reporting period", "time period", "period"])) return "period";
  // Only a heading that is the name of the thing ("Agency", "Partner organisation"), not one that
  // mentions it ("Agency social workers (%)", "Multi-agency training places attended").
  if (/^((lead|partner|responsible|reporting|source|partner's|contributing) )?(agency|agencies|partner|partners|organisation|organisations|organization|provider|providers|service|services|body|sector|council|councils|local authority|local authorities|school|schools|trust|trusts|force)( name)?$/.test(h)) return "agency";
  return null;
}
