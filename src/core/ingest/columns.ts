/**
 * Reading the columns: each column's stacked heading (merged areas filled in, a year band
 * carried over the quarters it stands above), what the heading says the column holds, and what
 * the cells below it actually hold.
 */
import type { ObservationStatus, Period, Unit } from "../model/model";
import { markStatus } from "./values";
import { looksLikeAgency } from "./agencies";
import type { ColumnRole } from "./layout";
import type { HeadingPart, PeriodReader } from "./period-reader";
import { headingRole } from "./roles";
import { cellText, isBlankCell, type SheetView } from "./sheet-view";
import { normalise, tidy } from "./text";
import { isUnitWord, polarityFromText, unitFromLabel } from "./units";

export interface ColumnStats {
  figures: number;
  marks: number;
  texts: number;
  periods: number;
  /** Cells that are periods lacking only their year ("Q1", "Apr"): the finer half of a period split over two columns. */
  partials: number;
  agencies: number;
  ids: number;
  polarities: number;
  rags: number;
  /** Cells naming a figure's status ("ok", "suppressed", "provisional"). */
  statuses: number;
  /** Cells naming a unit ("%", "No."): a unit column, whatever its heading. */
  units: number;
  /** Total length of the text cells, to tell labels from codes. */
  textLength: number;
  /** Whether most figures are whole numbers. */
  integers: number;
}

export interface ColumnInfo {
  col: number;
  parts: HeadingPart[];
  heading: string;
  /** The role the heading names, before the cells are looked at. */
  named: ColumnRole | null;
  /** The period the heading names. */
  period: Period | null;
  /** Heading parts that are neither a period nor a role: a measure or an agency over the column. */
  rest: string[];
  unit: Unit | null;
  stats: ColumnStats;
}

/** A reference ID: "CP02", "CP-R01", "1.2", "A.3". */
export const ID_PATTERN = /^([A-Z]{1,6}[ \-_.]?\d{1,4}[a-z]?|\d{1,3}(\.\d{1,3}){1,3}[a-z]?|[A-Z]{1,3}\d{0,2}[.\-]\d{1,3}[a-z]?)$/i;
const RAG_PATTERN = /^(r|a|g|red|amber|green|r\/a|a\/g|ra|ag|blue|b|grey|gray|green\/amber|amber\/green|red\/amber|amber\/red)$/i;

/** A word a status column uses: a mark's status, or a plain figure's ("ok", "final", "provisional"). */
export function isStatusWord(text: string): boolean {
  return statusOfWord(text) !== null;
}

/** The status a status column's entry gives, "ok" for a figure that stands. */
export function statusOfWord(text: string): ObservationStatus | null {
  const t = normalise(text);
  if (/^(ok|final|provisional|revised|estimated|estimate|published|valid|actual|complete)$/.test(t)) return "ok";
  if (/^(not applicable|not_applicable)$/.test(t)) return "not_applicable";
  if (/^(suppressed|withheld|confidential|redacted)$/.test(t)) return "suppressed";
  if (/^(missing|not available|not_available|not submitted|no return|no data)$/.test(t)) return "missing";
  return markStatus(text);
}

/** The stacked heading parts of every column, top to bottom. */
export function headingParts(view: SheetView, headerRows: number[], reader: PeriodReader): HeadingPart[][] {
  const out: HeadingPart[][] = Array.from({ length: view.width }, () => []);
  headerRows.forEach((r, i) => {
    const lower = i < headerRows.length - 1;
    // A year band typed once over several quarter columns, without a merge (as CSVs and
    // "centre across selection" leave it): carry it right while the cells stay empty.
    let band: HeadingPart | null = null;
    for (let c = 0; c < view.width; c++) {
      const cell = view.merged(r, c);
      const text = tidy(cellText(cell));
      if (text === "") {
        if (lower && band && hasLowerHeading(view, headerRows.slice(i + 1), c)) out[c]!.push(band);
        continue;
      }
      const part = { text, cell };
      band = lower && !view.isMergeFollower(r, c) && reader.isHeading(part) ? part : view.isMergeFollower(r, c) ? band : null;
      const parts = out[c]!;
      if (parts.length === 0 || parts[parts.length - 1]!.text !== text) parts.push(part);
    }
  });
  return out;
}

function hasLowerHeading(view: SheetView, rows: number[], col: number): boolean {
  return rows.some((r) => !isBlankCell(view.merged(r, col)));
}

function emptyStats(): ColumnStats {
  return { figures: 0, marks: 0, texts: 0, periods: 0, partials: 0, agencies: 0, ids: 0, polarities: 0, rags: 0, statuses: 0, units: 0, textLength: 0, integers: 0 };
}

/** What the cells of a column hold, over the data rows. Period parsing is sampled: it is the costly test. */
export function columnStats(view: SheetView, col: number, rows: number[], reader: PeriodReader): ColumnStats {
  const s = emptyStats();
  let periodTests = 0;
  for (const r of rows) {
    const cell = view.cell(r, col);
    const f = view.figure(r, col);
    if (f.kind === "blank") continue;
    if (f.kind === "error") {
      s.marks++;
      continue;
    }
    if (f.kind === "figure") {
      if (f.status === "ok") {
        s.figures++;
        if (Number.isInteger(f.value)) s.integers++;
      } else {
        s.marks++;
        // A mark is a status word too ("suppressed" in a status column).
        s.statuses++;
      }
      // A numeric period column (years as numbers) is tested as well.
      if (typeof cell.value === "number" && periodTests < 60) {
        periodTests++;
        if (reader.ofCell([{ text: tidy(cellText(cell)), cell }], null) && Number.isInteger(cell.value) && cell.value >= 1990 && cell.value <= 2100) s.periods++;
      }
      continue;
    }
    const text = tidy(f.text);
    s.texts++;
    s.textLength += text.length;
    if (ID_PATTERN.test(text)) s.ids++;
    if (RAG_PATTERN.test(text)) s.rags++;
    if (isUnitWord(text)) s.units++;
    if (isStatusWord(text)) s.statuses++;
    if (text.length <= 40 && polarityFromText(text) && /\b(high|higher|low|lower|up|down)\b|[\u2191\u2193]/i.test(text) && text.split(" ").length <= 5) s.polarities++;
    if (looksLikeAgency(text)) s.agencies++;
    if (periodTests < 60) {
      periodTests++;
      if (reader.ofCell([{ text, cell }], null)) s.periods++;
      else if (reader.isHeading({ text, cell })) s.partials++;
    }
  }
  if (periodTests > 0 && periodTests < s.texts + s.figures) {
    // Scale the sampled count up to the column.
    s.periods = Math.round((s.periods * (s.texts + s.figures)) / periodTests);
    s.partials = Math.round((s.partials * (s.texts + s.figures)) / periodTests);
  }
  return s;
}

/** Read one column's heading: its role, its period, and what else it names. */
export function readColumn(col: number, parts: HeadingPart[], stats: ColumnStats, reader: PeriodReader, title: string | null): ColumnInfo {
  const heading = parts.map((p) => p.text).join(" / ");
  let named: ColumnRole | null = null;
  const rest: string[] = [];
  const periodParts: HeadingPart[] = [];
  const periodFlags = parts.map((part) => reader.isHeading(part));
  parts.forEach((part, i) => {
    const role = headingRole(part.text);
    const isPeriod = periodFlags[i] === true;
    // A band naming the period role over period headings ("Quarter ending" over dates, "Month"
    // over "Apr-25") says what those periods are; the columns under it are figures, not a
    // period column, and the parser reads the band with them ("Quarter ending" makes a date the
    // quarter's last month).
    if (role === "period" && !isPeriod && periodFlags.slice(i + 1).includes(true)) {
      periodParts.push(part);
      return;
    }
    // A part naming a role wins: "Target 2025/26" is a target. The lowest role-naming part is the column's role.
    if (role !== null && !(isPeriod && (role === "period" || role === "value"))) {
      named = role;
      if (isPeriod || reader.inText(part.text)) periodParts.push(part);
      else {
        // "Q1 Num", "Q1 %": the role's word beside a period that lacks its year, which a band or
        // the title completes.
        const joined = reader.split(part);
        if (joined) periodParts.push(joined.period);
      }
    } else if (isPeriod) periodParts.push(part);
    else {
      // "Referrals Q1", "Tamsford Q2 2025-26": a name with its period at one end.
      const joined = reader.split(part);
      if (joined) {
        periodParts.push(joined.period);
        rest.push(joined.rest);
      } else rest.push(part.text);
    }
  });
  // A band over columns naming them as benchmarks ("Benchmarks (latest published)", "Comparators
  // 2023/24") makes every column under it a comparator, whatever it is called.
  if (parts.length > 1 && parts.slice(0, -1).some((p) => /^(benchmarks?|benchmarking|comparators?|comparator data|comparisons?|national comparisons?)\b/.test(normalise(p.text)))) named = "comparator";
  const period = periodParts.length ? reader.ofHeading(periodParts, title) : null;
  let unit: Unit | null = null;
  for (const part of parts) unit = unitFromLabel(part.text) ?? unit;
  return { col, parts, heading, named, period, rest, unit, stats };
}

/** The share of a column's non-blank cells that are figures (numbers or marks). */
export function figureShare(s: ColumnStats): number {
  const n = s.figures + s.marks + s.texts;
  return n === 0 ? 0 : (s.figures + s.marks) / n;
}

export function share(count: number, s: ColumnStats): number {
  const n = s.texts;
  return n === 0 ? 0 : count / n;
}

/** Whether the heading names only a period and nothing else. */
export function isPeriodOnly(c: ColumnInfo): boolean {
  return c.period !== null && c.rest.length === 0 && c.named === null;
}

export function normalisedHeading(c: ColumnInfo): string {
  return normalise(c.heading);
}
