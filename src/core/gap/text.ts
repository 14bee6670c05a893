/**
 * Wording-tolerant text for matching indicators to the framework. Partnerships reword the
 * framework's measures freely ("% of CP/CIN cases reviewed within timescales" is "Percentage of
 * child protection cases reviewed within required timescales" elsewhere), so both sides are
 * brought to one normal form before they are compared: lower case, abbreviations expanded,
 * synonyms made one word, stop words and reporting qualifiers dropped, plurals and tenses folded.
 *
 * Pure functions over strings; no Node, DOM or Office APIs.
 */

/** Lower case, typographic quotes and dashes made plain, whitespace collapsed. Keeps "%" and "&". */
export function plain(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\u00a0/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/**
 * Phrase rewrites applied in order to plain text. They run before tokenising because several
 * span punctuation ("No. of", "A&E", "CP/CIN") or several words ("within required timescales").
 * Each pattern is anchored on word boundaries so that short forms never match inside words.
 */
const PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\ba ?& ?e\b|\ba and e\b/g, " emergency department "],
  [/&/g, " and "],
  // Counts: "No. of", "Nos.", "#", "count of", "total number of", "how many".
  [/\bno\.? of\b/g, " number of "],
  [/\bnos?\.(?=\s|$)/g, " number "],
  [/#/g, " number "],
  [/\b(?:total )?number of\b|\bcount of\b|\bhow many\b|\bnumbers of\b|\bnumbers\b/g, " number of "],
  // "Rate per 10,000" names the unit, not the measure: the population base is dropped.
  [/\bper (?:1|10|100)?,?000\b|\bper (?:1|10|100)?k\b/g, " perhead "],
  // Percentages, however written.
  [/%/g, " percent "],
  [/\bper ?cent(?:age)?s?\b|\bproportions?\b|\bpct\b|\bpercentages?\b/g, " percent "],
  // Timeliness: the qualifier on "timescales" never changes the measure.
  [/\b(?:with)?in (?:the )?(?:required |agreed |recommended |statutory |set )?time ?scales?\b/g, " within timescale "],
  [/\bon time\b|\btimely\b|\bin time\b/g, " within timescale "],
  [/\bre-?refer(?:red|rals?)\b/g, " rereferral "],
  // Abuse and violence in the home are one risk issue in the framework.
  [/\bdomestic abuse\b/g, " domestic violence "],
  [/\bchildren and young people\b|\bchildren & young people\b|\byoung people\b|\bchildren and yp\b/g, " children "],
  [/\bchild(?:ren)? in care\b|\bchild(?:ren)? looked after\b/g, " looked after children "],
  [/\bchild protection\/child in need\b|\bcp\/cin\b|\bcin\/cp\b/g, " child protection child in need "],
  [/\bs\.? ?47\b/g, " section 47 "],
  [/\bup-to-date\b|\bup to date\b/g, " uptodate "],
  [/\bself[- ]harm(?:ing)?\b/g, " selfharm "],
  [/\bface[- ]to[- ]face\b/g, " facetoface "],
  [/\bevidence[- ]based\b/g, " evidencebased "],
  [/\bhealth visitors?\b/g, " health visitor "],
];

/** Short forms partnerships use, token for token. Both sides of a comparison are expanded. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  cp: "child protection",
  cpp: "child protection plan",
  cpps: "child protection plan",
  cin: "child in need",
  lac: "looked after children",
  cla: "looked after children",
  cic: "looked after children",
  da: "domestic violence",
  dv: "domestic violence",
  sw: "social worker",
  sws: "social worker",
  hv: "health visitor",
  hvs: "health visitor",
  yp: "children",
  cyp: "children",
  csc: "children social care",
  fsm: "free school meals",
  icpc: "initial child protection conference",
  icpcs: "initial child protection conference",
  rcpc: "review child protection conference",
  rcpcs: "review child protection conference",
  ia: "initial assessment",
  ias: "initial assessment",
  camhs: "child adolescent mental health services",
  cse: "child sexual exploitation",
  sgo: "special guardianship order",
  sgos: "special guardianship order",
  wte: "whole time equivalent",
  fte: "whole time equivalent",
  scr: "serious case review",
  scrs: "serious case review",
  uasc: "unaccompanied asylum seeking children",
  // A DBS check is what a CRB check became; the framework still says CRB.
  dbs: "crb",
  idva: "independent domestic violence adviser",
  idvas: "independent domestic violence adviser",
  caf: "common assessment framework",
  cafs: "common assessment framework",
  ed: "emergency department",
  amh: "adult mental health",
};

/**
 * Words that carry no meaning for matching: grammar, and the reporting qualifiers partnerships
 * add to a measure's name ("(quarterly)", "YTD"; "rolling 12 months" is kept: the 12 may matter).
 * "perhead" marks a rate per head of population for the wording rules, not for matching.
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "into",
  "who", "whom", "which", "that", "where", "when", "whose", "what", "is", "are", "was", "were", "be",
  "been", "being", "has", "have", "had", "their", "they", "them", "there", "this", "these", "those",
  "it", "its", "as", "than", "eg", "ie", "etc", "all", "any", "our", "we", "us", "his", "her",
  "quarterly", "monthly", "weekly", "annual", "annually", "ytd", "cumulative", "snapshot", "q1", "q2",
  "q3", "q4", "latest", "perhead",
]);

/** Irregular plurals and word families folded onto one stem. */
const IRREGULAR: Readonly<Record<string, string>> = {
  children: "child",
  childrens: "child",
  men: "man",
  women: "woman",
  people: "person",
  said: "report",
  say: "report",
  says: "report",
  saying: "report",
  tell: "report",
  told: "report",
  reported: "report",
  reporting: "report",
  reports: "report",
  felt: "feel",
  feeling: "feel",
  feels: "feel",
  referred: "referral",
  referrals: "referral",
  seen: "see",
  saw: "see",
  meetings: "meeting",
};

/** A light stemmer: enough to fold plurals and -ed/-ing forms without a dictionary. */
export function stem(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) return irregular;
  let w = word;
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  return w;
}

/** Plain text with the phrase rewrites applied and abbreviations expanded (still words, not stems). */
export function expand(text: string): string {
  let t = ` ${plain(text)} `;
  for (const [pattern, replacement] of PHRASES) t = t.replace(pattern, replacement);
  // Possessives and apostrophes go before tokenising: "CAF's" is "caf", "children's" "childrens".
  t = t.replace(/'s\b/g, "").replace(/'/g, "");
  const words = t.split(/[^a-z0-9]+/).filter((w) => w !== "");
  return words.map((w) => ABBREVIATIONS[w] ?? w).join(" ");
}

/** The matching tokens of a text: expanded, stop words dropped, stemmed, in order, with repeats. */
export function tokens(text: string): string[] {
  return expand(text)
    .split(" ")
    .filter((w) => w !== "" && !STOP_WORDS.has(w))
    .map(stem);
}

/** The distinct matching tokens of a text. */
export function tokenSet(text: string): Set<string> {
  return new Set(tokens(text));
}

/**
 * Text for wording rules: expanded words, unstemmed, punctuation (hyphens, slashes) as spaces,
 * with a space at each end so that a word can be found on word boundaries as " word ".
 */
export function wordText(text: string): string {
  return ` ${expand(text)} `;
}

/**
 * Text for keyword matching: as wordText, with every word stemmed (stop words kept, since
 * keywords are phrases such as "child in need"), so "strategy discussions" finds the keyword
 * "strategy discussion" and "care leavers" finds "care leaver".
 */
export function keywordText(text: string): string {
  const words = expand(text).split(" ").filter((w) => w !== "");
  return ` ${words.map(stem).join(" ")} `;
}

/** Finds every whole-word occurrence of phrase (in keywordText form) in text (keywordText form). */
export function phraseOccurrences(text: string, phrase: string): number[] {
  const needle = ` ${phrase.trim()} `;
  const found: number[] = [];
  if (needle.trim() === "") return found;
  let from = 0;
  for (;;) {
    const i = text.indexOf(needle, from);
    if (i < 0) return found;
    // The match starts at the space before the phrase; report the first letter's index.
    found.push(i + 1);
    from = i + 1;
  }
}
