/**
 * Knowing what is NOT an indicator table. Partnerships' workbooks and the files analysts are sent
 * also hold lists of children, care episodes, inspections, requests, codes and changes. Read as
 * indicators they give nonsense that looks like data (a child's age as the value of an indicator
 * named after the child's gender), so such a sheet is recognised first and left out with a warning
 * that says what it looks like and what to do with it.
 *
 * The test looks at one heading row and the rows under it, column by column: what each heading
 * names (a child's identifier, a date of birth, a version, a worker's name, a link, a code) and
 * what the cells hold (distinct identifiers, dates, short codes, long text). A sheet is called a
 * list only on evidence from both, so a scorecard with a "Ref" column or a long export with a
 * "Date" column is never caught.
 */
import type { Grid, GridCell } from "../grid/grid";
import { cellText, isBlankCell } from "./cells";
import { isDateFormat } from "./values";
import { normaliseHeading, tidy } from "./text";

export type NotATableKind = "record-level" | "register" | "code-list" | "change-log" | "dictionary";

export interface NotATable {
  kind: NotATableKind;
  /** What the sheet looks like, in words that follow "it looks like" (for the warning). */
  looksLike: string;
  /** What the analyst can do instead. */
  advice: string;
  /** The headings that gave it away, as written. */
  evidence: string[];
}

/** How many rows under the heading are enough to judge; a register of 20,000 rows reads the same as its first 400. */
const SAMPLE_ROWS = 400;

type ColumnKind = "person-id" | "birth" | "age" | "person-trait" | "date" | "version" | "change-text" | "person-name" | "link" | "code" | "judgement" | "long-text" | "definition" | "measure" | "name" | "other";

interface ColumnProfile {
  heading: string;
  kind: ColumnKind;
  nonBlank: number;
}

/** Headings that name a person, case, episode or family identifier (not an indicator's reference). */
const PERSON_ID = /\b(child|children|person|pupil|learner|client|case|episode|family|adopter|carer|young person|individual|patient|service user|subject)( unique)? (id|identifier|number|no\.?|ref|reference|code)\b|^(child|upn|uln|nhs number|nhs no\.?|mosaic id|lcs id|liquidlogic id|person id|case id|child id|chid|upn number)$|\bunique (id|identifier|pupil number)\b/;
const BIRTH = /\b(date of birth|birth date|dob|d\.o\.b\.?|year of birth|month of birth)\b/;
const AGE = /^(age|age of child|age at [a-z ]+|child's age|age \(years\)|age of child \(years\)|age in years|age group)$/;
const PERSON_TRAIT = /^(gender|sex|ethnicity|ethnic group|ethnic origin|disability|religion|first language|legal status|sexual orientation|asylum seeking|uasc|looked after|category of need)( code| description)?$/;
const VERSION = /^(version|version no\.?|version number|ver\.?|v|revision|rev\.?|issue|issue no\.?|release)$/;
const CHANGE_TEXT = /\b(change|changes|changed|amendment|amendments|description of change|summary of changes?|what changed|details? of changes?|update|updates)\b/;
const PERSON_NAME = /\b(worker|inspector|inspector's name|lead inspector|social worker|allocated worker|practitioner|author|changed by|updated by|made by|approved by|reviewer|surname|forename|first name|last name|full name)\b/;
const LINK = /\b(link|links|url|hyperlink|web address|website|web link)\b/;
const CODE = /\bcode\b|\bcd$|^(old |new )?(la|lea|local authority) (number|num|no\.?|code)$|^(urn|laestab|estab|ukprn|gss code|ons code|ofsted urn)$/;
const JUDGEMENT = /\b(judgement|judgment|grade|rating|outcome of inspection|overall effectiveness|effectiveness|inspection outcome|status)\b/;
/** Inspection and audit judgements as registers write them. */
const JUDGEMENT_WORDS = /^(outstanding|good|requires improvement( to be good)?|inadequate|serious weaknesses|met|not met|partially met|fully met|compliant|non-compliant|satisfactory|unsatisfactory)$/i;
const DEFINITION = /\b(description|definition|methodology|method|rationale|notes on|guidance|data owner|supplier|caveats?|measure description)\b/;

/** Why each kind matters, and what to do, in the analyst's words. */
const WORDS: Record<NotATableKind, { looksLike: string; advice: string }> = {
  "record-level": {
    looksLike: "one row per child, case or episode (record-level data)",
    advice: "count the records first (a pivot table by period and measure), or use the tool made for that return, then read the counts",
  },
  register: {
    looksLike: "a register, one row per inspection, request or organisation",
    advice: "it holds no indicator figures to read; count from it first if you need figures",
  },
  "code-list": {
    looksLike: "a list of codes and names",
    advice: "it is reference data, not figures; nothing to read",
  },
  "change-log": {
    looksLike: "a change log or version history",
    advice: "it records changes to the workbook, not figures; nothing to read",
  },
  dictionary: {
    looksLike: "a list of definitions (a data dictionary)",
    advice: "it describes measures rather than giving their figures; nothing to read",
  },
};

/**
 * The heading row: the first row near the top with at least three text cells and at least two
 * rows with something in them below it. Lists start at the top; a scorecard's heading sits lower
 * under a title, and its shape is judged by the layout detector instead.
 */
function headingRow(grid: Grid): number | null {
  const limit = Math.min(grid.rows.length - 2, 12);
  for (let r = 0; r < limit; r++) {
    const row = grid.rows[r]!;
    let texts = 0;
    let filled = 0;
    for (const cell of row) {
      if (isBlankCell(cell)) continue;
      filled++;
      if (typeof cell.value === "string" && !/^\s*-?[\d.,]+\s*$/.test(cell.value)) texts++;
    }
    if (texts >= 3 && texts >= 0.6 * filled) return r;
  }
  return null;
}

/** A heading in one normal form: snake_case and CamelCase split, as exports write them. */
function headingWords(text: string): string {
  return normaliseHeading(tidy(text));
}

function isDateCell(cell: GridCell): boolean {
  if (typeof cell.value === "number") return isDateFormat(cell.numberFormat);
  const t = cellText(cell).trim();
  return /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}( \d{1,2}:\d{2}(:\d{2})?( ?[ap]m)?)?$/i.test(t) || /^\d{4}-\d{2}-\d{2}([ t]\d{2}:\d{2}(:\d{2})?)?$/i.test(t);
}

function isLinkCell(cell: GridCell): boolean {
  if (cell.formula && /^=?\s*hyperlink\s*\(/i.test(cell.formula)) return true;
  return /^(https?:\/\/|www\.)\S+$/i.test(cellText(cell).trim());
}

/** Short codes as lists carry them: "V2", "PR4", "E15", "N1", "E09000002", "370", "OLB". */
function isCodeText(text: string): boolean {
  return /^[A-Z]{1,4}\d{0,8}[A-Z]?$/.test(text) || /^[A-Z]\d{8}$/.test(text) || /^\d{3}$/.test(text);
}

function profileColumn(grid: Grid, head: number, col: number): ColumnProfile {
  const heading = tidy(cellText(grid.rows[head]![col]!));
  const h = headingWords(heading);
  let nonBlank = 0;
  let numbers = 0;
  let bigIntegers = 0;
  let dates = 0;
  let links = 0;
  let codes = 0;
  let longTexts = 0;
  let versions = 0;
  let judgementWords = 0;
  const distinct = new Set<string>();
  const end = Math.min(grid.rows.length, head + 1 + SAMPLE_ROWS);
  for (let r = head + 1; r < end; r++) {
    const cell = grid.rows[r]![col];
    // A formula with no cached result (a HYPERLINK saved by a tool that does not calculate) still fills its cell.
    if (!cell || (isBlankCell(cell) && !cell.formula)) continue;
    nonBlank++;
    const text = cellText(cell).trim();
    distinct.add(text);
    if (isLinkCell(cell)) links++;
    else if (isDateCell(cell)) dates++;
    else if (typeof cell.value === "number" || /^-?\d[\d,]*(\.\d+)?$/.test(text)) {
      numbers++;
      const n = typeof cell.value === "number" ? cell.value : Number(text.replace(/,/g, ""));
      if (Number.isInteger(n) && Math.abs(n) >= 10_000 && !(n >= 1990 && n <= 2100)) bigIntegers++;
      if (/^v?\d{1,2}(\.\d{1,2}){1,2}$/i.test(text)) versions++;
    } else {
      if (isCodeText(text)) codes++;
      if (JUDGEMENT_WORDS.test(text)) judgementWords++;
      if (text.length >= 60) longTexts++;
      if (/^v\d{1,2}(\.\d{1,2}){0,2}$/i.test(text)) versions++;
    }
  }
  const of = (n: number): boolean => nonBlank > 0 && n >= 0.7 * nonBlank;
  const kind: ColumnKind = (() => {
    if (nonBlank === 0) return "other";
    if (BIRTH.test(h)) return "birth";
    if (PERSON_ID.test(h) && (of(numbers) || of(codes) || distinct.size >= 0.5 * nonBlank)) return "person-id";
    if (AGE.test(h) && of(numbers)) return "age";
    if (PERSON_TRAIT.test(h)) return "person-trait";
    if (VERSION.test(h) && (of(versions) || of(numbers))) return "version";
    if (LINK.test(h) || of(links)) return "link";
    if (PERSON_NAME.test(h) && !of(numbers)) return "person-name";
    if (CODE.test(h)) return "code";
    if (/\bdate\b/.test(h) && of(dates)) return "date";
    if (of(dates)) return "date";
    if (CHANGE_TEXT.test(h) && !of(numbers)) return "change-text";
    if (DEFINITION.test(h) && !of(numbers)) return "definition";
    if ((JUDGEMENT.test(h) && !of(numbers)) || of(judgementWords)) return "judgement";
    // Large whole numbers nearly all different, under a heading that names no measure: identifiers.
    if (of(bigIntegers) && distinct.size >= 0.9 * nonBlank && nonBlank >= 5 && !/\b(number of|total|count|population|spend|cost|£)\b/.test(h)) return "person-id";
    if (of(codes) && distinct.size <= Math.max(20, 0.5 * nonBlank) && !/\b(name|label|description)\b/.test(h)) return "code";
    if (of(longTexts)) return "long-text";
    if (of(numbers)) return "measure";
    if (/\bname\b/.test(h)) return "name";
    return "other";
  })();
  return { heading, kind, nonBlank };
}

/**
 * What the sheet is when it is a list rather than an indicator table, or null when it may be a
 * table of figures (the layout detector then judges it).
 */
export function notAnIndicatorTable(grid: Grid): NotATable | null {
  const head = headingRow(grid);
  if (head === null) return null;
  const width = grid.rows[head]!.length;
  const columns: ColumnProfile[] = [];
  for (let c = 0; c < width; c++) {
    if (isBlankCell(grid.rows[head]![c]!)) continue;
    const p = profileColumn(grid, head, c);
    if (p.nonBlank > 0) columns.push(p);
  }
  const dataRows = Math.min(grid.rows.length - head - 1, SAMPLE_ROWS);
  if (columns.length < 3 || dataRows < 2) return null;
  const all = (k: ColumnKind): ColumnProfile[] => columns.filter((c) => c.kind === k);
  const found = (kind: NotATableKind, evidence: ColumnProfile[]): NotATable => ({ kind, ...WORDS[kind], evidence: evidence.map((c) => c.heading) });
  // A column of figures counts only where most rows have one: a list's stray numbers are not measures.
  const measures = all("measure").filter((c) => c.nonBlank >= 0.5 * dataRows);

  const ids = all("person-id");
  const births = all("birth");
  const traits = [...all("age"), ...all("person-trait")];
  const dates = all("date");
  // One row per child, case or episode: an identifier with a date of birth, or with the child's
  // own traits (age, gender, ethnicity), or with the dates of what happened to them.
  if (ids.length > 0 && (births.length > 0 || traits.length > 0 || dates.length >= 2)) return found("record-level", [...ids, ...births, ...traits].slice(0, 4));
  if (births.length > 0 && traits.length > 0) return found("record-level", [...births, ...traits].slice(0, 4));

  const versions = all("version");
  const changes = all("change-text");
  if (versions.length > 0 && (changes.length > 0 || all("long-text").length > 0 || dates.length > 0) && measures.length === 0) {
    return found("change-log", [...versions, ...changes].slice(0, 3));
  }

  const definitions = [...all("definition"), ...all("long-text")];
  if (all("definition").length > 0 && definitions.length >= 2 && measures.length === 0 && columns.length >= 4) return found("dictionary", definitions.slice(0, 3));

  // A register: one row per inspection, request or provider, told by who did it, a link to it,
  // a judgement or its dates, keyed by a code or a name; with few or no figures of its own.
  const names = all("person-name");
  const links = all("link");
  const codes = all("code");
  const judgements = all("judgement");
  const keyed = codes.length > 0 || all("name").length > 0 || ids.length > 0;
  const registerSigns = (names.length > 0 ? 1 : 0) + (links.length > 0 ? 1 : 0) + (judgements.length > 0 ? 1 : 0) + (dates.length >= 2 ? 1 : 0);
  // Headings an indicator table has (a long export's indicator, period, value and status columns).
  const tableHeadings = columns.some((c) => /\b(indicator|kpi|metric|value|actual|target|numerator|denominator|period|quarter|month)\b/.test(headingWords(c.heading)));
  if (keyed && !tableHeadings && registerSigns >= 2 && measures.length <= Math.max(2, columns.length / 4)) {
    return found("register", [...names, ...links, ...judgements, ...codes].slice(0, 4));
  }

  // Codes and names and nothing to count.
  const measureLike = columns.filter((c) => c.kind === "measure" || c.kind === "age");
  if (codes.length > 0 && !tableHeadings && measureLike.length === 0 && columns.every((c) => ["code", "name", "other", "judgement"].includes(c.kind))) {
    return found("code-list", codes.slice(0, 3));
  }
  return null;
}
