/**
 * Recognising the names of safeguarding partners. A section row, a matrix row label or a sheet
 * name is taken as an agency only when it reads like one: the statutory partners (local
 * authority, police, health) and the relevant agencies partnerships usually name. A theme
 * ("Child Protection Activity") is not an agency.
 */
import { normalise } from "./text";

const AGENCY_WORDS: readonly string[] = [
  "police", "constabulary", "met police", "metropolitan police", "btp", "policing",
  "health", "nhs", "icb", "integrated care board", "ccg", "clinical commissioning group", "trust", "hospital", "hospitals",
  "acute", "community health", "mental health", "camhs", "gp", "gps", "primary care", "midwifery", "maternity",
  "health visiting", "health visitors", "school nursing", "public health", "ambulance",
  "social care", "children's social care", "childrens social care", "csc", "children's services", "childrens services",
  "adult social care", "early help", "family help", "family hubs", "mash", "local authority", "council",
  "la", "education", "schools", "early years", "nurseries", "further education", "colleges",
  "probation", "youth justice", "youth offending", "yot", "yos", "yjs", "cafcass", "dwp", "housing", "fire",
  "fire and rescue", "substance misuse", "drug and alcohol", "domestic abuse service", "voluntary", "voluntary sector",
  "vcs", "vcse", "lado", "virtual school", "idva", "prison", "prisons", "immigration", "border force", "nspcc", "barnardo's",
];

/**
 * Words that may stand beside an agency's name without making it something else: "Northshire
 * Hospitals NHS Foundation Trust", "Health - ICB", "Voluntary and community sector".
 */
const FILLER = new Set([
  "and", "&", "of", "the", "for", "-", "service", "services", "team", "teams", "dept", "department", "provider",
  "providers", "local", "county", "city", "borough", "district", "foundation", "community", "integrated", "care",
  "board", "partnership", "partners", "ltd", "plc", "sector", "area", "areas", "agency", "unit", "division", "force",
  "children's", "childrens", "young", "people's", "peoples", "family", "families", "commissioning", "group",
  "university", "teaching", "general", "west", "east", "north", "south", "central", "partnership's", "colleague",
  "workforce", "organisation", "organisations", "centre", "centres", "support", "justice", "youth", "adult", "adults",
]);

const agencyAnswers = new Map<string, boolean>();

/** Whether a short label names an agency ("Police", "Health - ICB", "Northshire Community Health NHS Trust"). */
export function looksLikeAgency(label: string): boolean {
  // The same labels come back row after row (a long table's agency column): answer each once.
  const known = agencyAnswers.get(label);
  if (known !== undefined) return known;
  const answer = readsAsAgency(label);
  if (agencyAnswers.size > 10_000) agencyAnswers.clear();
  agencyAnswers.set(label, answer);
  return answer;
}

function readsAsAgency(label: string): boolean {
  const written = label.replace(/[\u2018\u2019]/g, "'").replace(/[\u2013\u2014]/g, "-").replace(/[():,/]/g, " ").trim();
  if (written === "" || written.length > 70) return false;
  const tokens = written.split(/\s+/);
  const lower = tokens.map((t) => t.toLowerCase());
  const used = new Array<boolean>(tokens.length).fill(false);
  let found = false;
  // Longest phrases first, so that "children's social care" is taken whole.
  for (const phrase of SORTED_AGENCY_PHRASES) {
    for (let i = 0; i + phrase.length <= lower.length; i++) {
      if (phrase.every((w, k) => lower[i + k] === w && !used[i + k])) {
        for (let k = 0; k < phrase.length; k++) used[i + k] = true;
        found = true;
      }
    }
  }
  if (!found) return false;
  const left = tokens.filter((t, i) => !used[i] && !FILLER.has(lower[i]!));
  // A place name or two may remain ("Northshire", "Eastbridge"): proper nouns, capitalised.
  return left.length <= 2 && left.every((t) => /^[A-Z][A-Za-z'-]*$/.test(t) && !COMMON_WORDS.has(t.toLowerCase()));
}

const SORTED_AGENCY_PHRASES = AGENCY_WORDS.map((p) => p.split(" ")).sort((a, b) => b.length - a.length);

/** Ordinary words that never form part of an agency's proper name. */
const COMMON_WORDS = new Set([
  "attendance", "at", "in", "on", "with", "from", "to", "by", "referrals", "reports", "visits", "cases", "activity",
  "performance", "data", "measures", "figures", "outcomes", "training", "staff", "monthly", "quarterly", "annual",
  "return", "returns", "dashboard", "scorecard", "summary", "report", "protection", "door", "front",
]);

/** A row or column that adds up others ("Total", "All agencies", "Grand total"). */
export function isTotalLabel(label: string): boolean {
  const t = normalise(label);
  return /^(grand )?totals?\b/.test(t) || /^(all|overall|combined) (agencies|partners|services|organisations|areas)\b/.test(t)
    || /^(sum|partnership total|total for|subtotal|sub-total|sub total)\b/.test(t) || /\btotal$/.test(t) && t.split(" ").length <= 3;
}

/** Text below a table that explains it rather than measuring anything. */
export function isNoteText(label: string): boolean {
  const t = normalise(label);
  return /^(notes?|source|sources|key|footnote|\*|\u2020|\[|c =|x =|n\/a =|- =|please note|data (source|correct|as at)|figures|definitions?|produced by|prepared by|caveat|rag key|\d+\s*[.)] )/.test(t)
    || /^[a-z*\u2020:.\-] ?= /.test(t);
}

/** Sheet names that say nothing about an agency. */
export function isGenericSheetName(name: string): boolean {
  const t = normalise(name);
  return /^(sheet|tab|data|summary|scorecard|dashboard|report|return|returns|dataset|indicators|overview|all|totals?|table|output|main|front|cover|read ?me|contents|notes|lookup|lists?)\s*\d*$/.test(t);
}
