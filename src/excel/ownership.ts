/**
 * The add-in writes only to sheets it owns. This module is the one mechanism for it: the register
 * of the add-in's sheets, where each plan sheet goes, the check before a sheet is replaced, and
 * what a failed write left. Every write the task pane makes goes through renderOwnedPlan.
 *
 * The register is a hidden sheet, REGISTER_SHEET ("Add-in sheets"), one row per sheet the add-in
 * wrote: the sheet's name, the add-in's own name for it, the job that wrote it, a fingerprint of
 * its cells as written, and when. It is hidden rather than very hidden, so that anyone curious
 * can unhide it and read it; editing it only makes the add-in more careful (a row it cannot read
 * is a sheet it treats as the user's).
 *
 * Where each plan sheet goes (placeSheets):
 * - onto the sheet the register lists for that name, which is replaced, but only while its cells
 *   are exactly as the add-in wrote them; a sheet changed by hand since is a question
 *   (OwnershipError: "replace it anyway?") and `force` answers yes;
 * - else under the name wanted, when no sheet has it;
 * - else, where the user has a sheet of that name (a circulated scorecard is often called
 *   "Scorecard"), under another name, "Scorecard (add-in)", with its tables renamed too (table
 *   names are unique across a workbook), and the register remembers it for next time;
 * - a sheet others find by its name (a return template's Return and _spec: `fixedNames`) is never
 *   renamed: where the user has a sheet of that name, that is a question too.
 * Reading the workbook leaves the add-in's sheets out (splitOwnSheets), so figures are not read twice.
 *
 * The fingerprint covers what a person can change by typing: every non-empty cell's value or
 * formula, by position (formatting is not covered: recolouring a cell is not losing work). It is
 * worked out from the plan when writing and from the sheet's `formulas` when checking, which
 * Excel gives for constants and formulas alike; both sides are put in one normal form first.
 *
 * Syncs: one read, then renderPlan's (one unless the plan is over Excel's request limit),
 * whatever the size. Which sheet is the add-in's is only known once the register has been read,
 * so the read also loads the formulas of every sheet a plan sheet could land on (its name and
 * the names it could be renamed to, RENAMES of them): read, never written, and a fixed number.
 * If a sync of the render fails, the add-in looks at what the workbook now holds and says exactly
 * that (WriteFailedError): which of the plan's sheets were written in full, which are incomplete,
 * which are as they were; it removes the render's temporary sheets and registers what it left,
 * so that running the job again replaces the incomplete sheets without asking (two syncs more).
 * No other sheet is read or touched.
 */
import { InputError } from "../core/errors";
import { parseRange } from "../core/grid/address";
import type { Grid, GridWorkbook } from "../core/grid/grid";
import type { PlanValue, SheetPlan, WorkbookPlan } from "../core/plan/plan";
import { renderPlan, type RenderOptions, type RenderResult } from "./render";
import { formulaText } from "./values";

/** The hidden sheet listing each sheet the add-in wrote. */
export const REGISTER_SHEET = "Add-in sheets";
const REGISTER_TITLE =
  "The sheets the safeguarding scorecard add-in wrote, with a fingerprint of their cells as written. The add-in replaces only these sheets, and asks first if one has been changed since.";
export const REGISTER_HEADINGS = ["Sheet", "Add-in's name for it", "Job", "Fingerprint", "Written at"] as const;
/** Temporary names renderPlan gives new sheets before they take their real names. */
const TEMPORARY_NAME = /^~new\d+~/;
/** Excel's limit on a sheet name's length. */
const MAX_SHEET_NAME = 31;
/** Other names a plan sheet may be written under: " (add-in)", then " (add-in 2)" to " (add-in 9)". */
export const RENAMES = 9;

const key = (name: string): string => name.toLowerCase();

// ---------------------------------------------------------------------------------------------
// Fingerprints

/**
 * A 53-bit hash built up piece by piece (cyrb53's mixing), so that a sheet of a million cells is
 * hashed without one string of them all. It detects edits, not tampering: nobody gains by
 * forging it, and a forged one only stops the add-in asking before it replaces a sheet.
 */
class Hasher {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  add(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      this.h1 = Math.imul(this.h1 ^ ch, 2654435761);
      this.h2 = Math.imul(this.h2 ^ ch, 1597334677);
    }
  }

  digest(): string {
    let h1 = Math.imul(this.h1 ^ (this.h1 >>> 16), 2246822507) ^ Math.imul(this.h2 ^ (this.h2 >>> 13), 3266489909);
    let h2 = Math.imul(this.h2 ^ (this.h2 >>> 16), 2246822507) ^ Math.imul(this.h1 ^ (this.h1 >>> 13), 3266489909);
    h1 >>>= 0;
    h2 >>>= 0;
    return `${(h2 & 0x1fffff).toString(16).padStart(6, "0")}${h1.toString(16).padStart(8, "0")}`;
  }
}

/**
 * One cell in the normal form both sides share, or null for an empty cell. Excel keeps 15
 * significant digits of a typed number; formulas come back with Excel's own capitals and
 * spacing; a text that starts with "=" is read back by `formulas` just as a formula would be,
 * so the two are put in the same form (a person who turns one into the other is not caught,
 * which costs nothing: no figure is lost either way).
 */
export function cellToken(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return Number.isFinite(value) ? `n${Number(value.toPrecision(15))}` : null;
  if (typeof value === "boolean") return `b${value}`;
  const text = String(value);
  return text.startsWith("=") ? `f${text.toUpperCase().replace(/\s+/g, "")}` : `s${text}`;
}

function planToken(value: PlanValue): string | null {
  if (value !== null && typeof value === "object") return cellToken(formulaText(value.formula));
  return cellToken(value);
}

function hashCells(cells: Iterable<[row: number, col: number, token: string]>): string {
  const h = new Hasher();
  for (const [row, col, token] of cells) h.add(`${row},${col}:${token}\n`);
  return h.digest();
}

/** The fingerprint of a sheet as the plan writes it: later blocks over earlier ones, merged cells kept only at their top-left. */
export function planFingerprint(sheet: SheetPlan): string {
  const cells = new Map<number, { row: number; col: number; token: string | null }>();
  // Wide enough for any column Excel has (16,384), so that row * WIDTH + col orders row by row.
  const WIDTH = 1 << 15;
  for (const block of sheet.blocks) {
    const at = parseRange(block.at);
    block.values.forEach((values, i) =>
      values.forEach((v, j) => {
        const row = at.top + i;
        const col = at.left + j;
        cells.set(row * WIDTH + col, { row, col, token: planToken(v) });
      }),
    );
  }
  for (const m of sheet.merges ?? []) {
    const r = parseRange(m);
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) cells.delete(row * WIDTH + col);
    }
  }
  const ordered = [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
  return hashCells(ordered.filter((c) => c.token !== null).map((c) => [c.row, c.col, c.token as string] as [number, number, string]));
}

/** The fingerprint of a sheet as Excel holds it, from its used range's `formulas`. */
export function contentFingerprint(used: { formulas: unknown[][]; rowIndex: number; columnIndex: number } | null): string {
  function* cells(): Generator<[number, number, string]> {
    if (!used) return;
    for (let i = 0; i < used.formulas.length; i++) {
      const row = used.formulas[i] ?? [];
      for (let j = 0; j < row.length; j++) {
        const token = cellToken(row[j]);
        if (token !== null) yield [used.rowIndex + i, used.columnIndex + j, token];
      }
    }
  }
  return hashCells(cells());
}

/**
 * The fingerprint of a sheet as read into a grid, the same as contentFingerprint gives for the
 * sheet while it holds those cells (a formula by its text, a constant by its value), so that a
 * caller that read a sheet can say what it held when read (PlaceOptions.carried).
 */
export function gridFingerprint(grid: Grid): string {
  const formulas = grid.rows.map((row) => row.map((c): unknown => c.formula ?? c.error ?? c.value));
  return contentFingerprint({ formulas, rowIndex: grid.origin.row, columnIndex: grid.origin.col });
}

// ---------------------------------------------------------------------------------------------
// The register

export interface RegisterEntry {
  /** The sheet's name in the workbook. */
  sheet: string;
  /** The add-in's name for it (the plan's): "Scorecard" for a sheet written as "Scorecard (add-in)". */
  wanted: string;
  /** What wrote it ("Scorecard", "Return template"). */
  job: string;
  fingerprint: string;
  /** When, as text ("2025-10-01 14:03 UTC"). */
  writtenAt: string;
}

/** The add-in's sheets by name in the workbook (lower case). */
export type Register = Map<string, RegisterEntry>;

const FINGERPRINT = /^[0-9a-f]{14}$/;

const text = (v: unknown): string => (typeof v === "string" ? v.trim() : typeof v === "number" || typeof v === "boolean" ? String(v) : "");

/** The register as read from its sheet's values. The title, the headings and any row it cannot use are passed over. */
export function readRegister(values: readonly (readonly unknown[])[] | null): Register {
  const out: Register = new Map();
  if (!values) return out;
  for (const row of values) {
    const [sheet, wanted, job, fingerprint, writtenAt] = [0, 1, 2, 3, 4].map((i) => text(row[i]));
    if (!sheet || !wanted || !FINGERPRINT.test(fingerprint ?? "")) continue;
    out.set(key(sheet), { sheet, wanted, job: job ?? "", fingerprint: fingerprint ?? "", writtenAt: writtenAt ?? "" });
  }
  return out;
}

/** The register as a plan sheet: text only, so that nothing reading the workbook takes it for figures. */
export function registerSheet(entries: Iterable<RegisterEntry>): SheetPlan {
  const rows = [...entries]
    .sort((a, b) => key(a.wanted).localeCompare(key(b.wanted)) || key(a.sheet).localeCompare(key(b.sheet)))
    .map((e) => [e.sheet, e.wanted, e.job, e.fingerprint, e.writtenAt]);
  return {
    name: REGISTER_SHEET,
    state: "hidden",
    blocks: [{ at: "A1", values: [[REGISTER_TITLE], [...REGISTER_HEADINGS], ...rows] }],
    styles: [{ range: "A2:E2", style: { bold: true } }],
    columnWidths: [
      { col: 0, width: 28 },
      { col: 1, width: 24 },
      { col: 2, width: 20 },
      { col: 3, width: 18 },
      { col: 4, width: 22 },
    ],
  };
}

/** Whether a sheet name is the register's. */
export function isRegisterSheet(name: string): boolean {
  return key(name) === key(REGISTER_SHEET);
}

/** The register read from a workbook's grids (an empty one where the workbook has none). */
export function registerOf(read: GridWorkbook): Register {
  const grid = read.sheets.find((s) => isRegisterSheet(s.sheet));
  return readRegister(grid ? grid.rows.map((row) => row.map((c) => c.value)) : null);
}

/** The sheet the add-in last wrote under its own name `wanted` ("Indicators"), if it is still there. */
export function ownSheetFor(read: GridWorkbook, wanted: string): Grid | undefined {
  const entry = [...registerOf(read).values()].find((e) => key(e.wanted) === key(wanted));
  return entry ? read.sheets.find((s) => key(s.sheet) === key(entry.sheet)) : undefined;
}

/**
 * A workbook as read, split into the add-in's sheets (the register and the sheets it lists) and
 * the user's, so that what the add-in wrote is never read back as the user's figures.
 */
export function splitOwnSheets(read: GridWorkbook): { own: Grid[]; theirs: Grid[] } {
  const register = registerOf(read);
  const own: Grid[] = [];
  const theirs: Grid[] = [];
  for (const grid of read.sheets) (isRegisterSheet(grid.sheet) || register.has(key(grid.sheet)) ? own : theirs).push(grid);
  return { own, theirs };
}

// ---------------------------------------------------------------------------------------------
// Words

/** “Scorecard” */
export const quote = (name: string): string => `“${name}”`;

function listOf(names: readonly string[]): string {
  const q = names.map(quote);
  return q.length <= 1 ? (q[0] ?? "") : `${q.slice(0, -1).join(", ")} and ${q[q.length - 1]}`;
}

/** "the sheet “Scorecard”" or "the sheets “A”, “B” and “C”". */
export function describeSheets(names: readonly string[]): string {
  if (names.length === 0) return "nothing";
  return `${names.length === 1 ? "the sheet" : "the sheets"} ${listOf(names)}`;
}

// ---------------------------------------------------------------------------------------------
// Errors the pane turns into a question or a report

export type OwnershipReason = "not-written-by-add-in" | "changed-by-hand";

export interface OwnershipConflict {
  sheet: string;
  reason: OwnershipReason;
}

function conflictQuestion(conflicts: readonly OwnershipConflict[]): string {
  const parts: string[] = [];
  const notOurs = conflicts.filter((c) => c.reason === "not-written-by-add-in").map((c) => c.sheet);
  const edited = conflicts.filter((c) => c.reason === "changed-by-hand").map((c) => c.sheet);
  const s = (names: string[], one: string, many: string) => (names.length === 1 ? one : many);
  if (notOurs.length) parts.push(`${s(notOurs, "Sheet", "Sheets")} ${listOf(notOurs)} ${s(notOurs, "was", "were")} not made by this add-in`);
  if (edited.length) parts.push(`${s(edited, "sheet", "sheets")} ${listOf(edited)} ${s(edited, "has", "have")} been changed by hand since the add-in wrote ${s(edited, "it", "them")}`);
  const sentence = parts.join("; and ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}: replace ${conflicts.length === 1 ? "it" : "them"} anyway?`;
}

/**
 * The add-in would replace sheets that are not its own or have been edited: nothing was written.
 * The message is the question to ask; asking again with `force` (or the pane's `replace`) naming
 * `conflicts`' sheets replaces them.
 */
export class OwnershipError extends InputError {
  readonly conflicts: readonly OwnershipConflict[];

  constructor(conflicts: readonly OwnershipConflict[]) {
    super(conflictQuestion(conflicts), { sheet: conflicts[0]?.sheet ?? null });
    this.name = "OwnershipError";
    this.conflicts = conflicts;
  }
}

/**
 * written: holds every value the plan gives it (its formatting may be incomplete if the failure
 * came later); incomplete: some of its values are missing; as-before: the write did not reach it;
 * removed: its earlier version was removed and the new one not yet added; not-written: it did
 * not exist and still does not; unknown: Excel refused even to say what the sheet holds now.
 */
export type SheetOutcome = "written" | "incomplete" | "as-before" | "removed" | "not-written" | "unknown";

export interface SheetState {
  sheet: string;
  outcome: SheetOutcome;
}

function failureReport(states: readonly SheetState[], excel: string, tidied: boolean): string {
  const by = (o: SheetOutcome) => states.filter((s) => s.outcome === o).map((s) => s.sheet);
  const parts: string[] = [];
  const written = by("written");
  const incomplete = by("incomplete");
  const before = by("as-before");
  const removed = by("removed");
  const notWritten = by("not-written");
  const unknown = by("unknown");
  if (written.length) parts.push(`${listOf(written)} ${written.length === 1 ? "was" : "were"} written in full`);
  if (incomplete.length) parts.push(`${listOf(incomplete)} ${incomplete.length === 1 ? "is" : "are"} incomplete`);
  if (before.length) parts.push(`${listOf(before)} ${before.length === 1 ? "is" : "are"} as ${before.length === 1 ? "it was" : "they were"}`);
  if (removed.length) parts.push(`${listOf(removed)} ${removed.length === 1 ? "was" : "were"} removed and not yet written again`);
  if (notWritten.length) parts.push(`${listOf(notWritten)} ${notWritten.length === 1 ? "was" : "were"} not written`);
  if (unknown.length) parts.push(`what ${listOf(unknown)} now ${unknown.length === 1 ? "holds" : "hold"} could not be checked`);
  const joined = parts.join("; ");
  const list = parts.length ? `${joined.charAt(0).toUpperCase()}${joined.slice(1)}. ` : "";
  const after = tidied
    ? "Run it again to finish; no other sheet was touched."
    : "Excel would not let the add-in tidy up, so check these sheets (and remove any named like ~new0~) before running it again; no other sheet was touched.";
  return `Excel stopped part way through writing (${excel.replace(/\.$/, "")}). ${list}${after}`;
}

/** A sync of the write failed; `sheets` says what each of the plan's sheets now holds. */
export class WriteFailedError extends InputError {
  readonly sheets: readonly SheetState[];
  /** What Excel said. */
  readonly excelError: unknown;

  constructor(states: readonly SheetState[], cause: unknown, tidied: boolean) {
    super(failureReport(states, errorText(cause), tidied), { sheet: states.find((s) => s.outcome !== "written")?.sheet ?? null });
    this.name = "WriteFailedError";
    this.sheets = states;
    this.excelError = cause;
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : typeof e === "object" && e !== null && "message" in e ? String((e as { message: unknown }).message) : String(e);
}

// ---------------------------------------------------------------------------------------------
// Where each plan sheet goes

/** The other names a sheet may be written under, in the order tried, each within Excel's 31 characters. */
export function candidateNames(wanted: string): string[] {
  const out: string[] = [];
  for (let n = 1; n <= RENAMES; n++) {
    const tail = n === 1 ? " (add-in)" : ` (add-in ${n})`;
    out.push(`${wanted.slice(0, MAX_SHEET_NAME - tail.length).trimEnd()}${tail}`);
  }
  return out;
}

export interface PlaceOptions {
  /** Replace sheets the check would ask about: all of them (true) or those named. */
  force?: boolean | readonly string[];
  /** Names others find the sheet by (a return template's Return and _spec): never written under another name. */
  fixedNames?: readonly string[];
  /**
   * Sheets the caller read and carried into the plan, by name, each with gridFingerprint of what
   * it held when read. A sheet changed by hand is replaced without asking while it still holds
   * exactly that, because the plan keeps the changes (collation merges the action log, edits and
   * all); changed again since the read, it is asked about as ever.
   */
  carried?: ReadonlyMap<string, string>;
}

export interface Placement {
  /** The plan with each sheet under the name it is written as (the register not yet added). */
  plan: WorkbookPlan;
  /** The visible sheets written, by the names written under, in the plan's order. */
  written: string[];
  /** Sheets written under another name because the user has a sheet of the name wanted. */
  renamed: { wanted: string; actual: string }[];
  /** Sheets that exist and will be replaced, and sheets that will be added (names written under). */
  replaced: string[];
  added: string[];
  /** Sheets replaced only because the caller said so (force). */
  forced: string[];
  /** Register entries for the placed sheets, by key of the name written under. */
  entries: Register;
  /** The fingerprint of what each replaced sheet holds now, by key. */
  before: Map<string, string>;
}

function isForced(force: PlaceOptions["force"], sheet: string): boolean {
  return force === true || (Array.isArray(force) && force.some((f) => key(f) === key(sheet)));
}

/**
 * Decides where each of the plan's sheets goes (see the top of this module), or throws: an
 * OwnershipError where a sheet would be replaced that is not the add-in's or has been changed by
 * hand, unless forced; an InputError where every name it could take is the user's.
 * `contentOf` gives the fingerprint of what an existing sheet holds now, for the sheets that may
 * be replaced (a plan sheet's name and its candidate names).
 */
export function placeSheets(
  plan: WorkbookPlan,
  existing: readonly string[],
  register: Register,
  contentOf: (sheet: string) => string,
  meta: { job: string; writtenAt: string },
  options: PlaceOptions = {},
): Placement {
  const names = new Map(existing.map((n) => [key(n), n]));
  const used = new Set<string>();
  const fixed = new Set((options.fixedNames ?? []).map(key));
  const out: Placement = { plan: { sheets: [] }, written: [], renamed: [], replaced: [], added: [], forced: [], entries: new Map(), before: new Map() };
  const conflicts: OwnershipConflict[] = [];
  const free = (name: string) => !names.has(key(name)) && !used.has(key(name));

  for (const sheet of plan.sheets) {
    const wanted = sheet.name;
    // Only the names the read looked at can be the add-in's earlier sheet: a register edited to
    // point elsewhere is not followed.
    const reachable = new Set([wanted, ...candidateNames(wanted)].map(key));
    const earlier = [...register.values()].find((e) => key(e.wanted) === key(wanted) && names.has(key(e.sheet)) && reachable.has(key(e.sheet)) && !used.has(key(e.sheet)));
    let actual: string;
    let reason: OwnershipReason | null = null;
    if (earlier) {
      actual = names.get(key(earlier.sheet)) ?? earlier.sheet;
      const now = contentOf(actual);
      out.before.set(key(actual), now);
      const carried = [...(options.carried ?? [])].find(([name]) => key(name) === key(actual))?.[1];
      if (now !== earlier.fingerprint && now !== carried) reason = "changed-by-hand";
      // Said again each time while the user's sheet of that name is there, so the name makes sense.
      if (key(actual) !== key(wanted) && names.has(key(wanted))) out.renamed.push({ wanted, actual });
    } else if (free(wanted)) {
      actual = wanted;
    } else if (fixed.has(key(wanted))) {
      actual = names.get(key(wanted)) ?? wanted;
      out.before.set(key(actual), contentOf(actual));
      reason = "not-written-by-add-in";
    } else {
      const other = candidateNames(wanted).find(free);
      if (other === undefined) {
        throw new InputError(
          `This workbook already has sheets called ${listOf([wanted, ...candidateNames(wanted)].slice(0, 3))} and more like them, so the add-in has no name left for its ${quote(wanted)}: rename or remove some of them, then try again.`,
          { sheet: wanted },
        );
      }
      actual = other;
      out.renamed.push({ wanted, actual });
    }
    if (reason !== null) {
      if (isForced(options.force, actual)) out.forced.push(actual);
      else conflicts.push({ sheet: actual, reason });
    }
    used.add(key(actual));
    // A sheet replaced under the name wanted takes the plan's spelling of it, as renderPlan names it.
    const name = key(actual) === key(wanted) ? wanted : actual;
    (names.has(key(actual)) ? out.replaced : out.added).push(name);
    const placed: SheetPlan =
      name === wanted
        ? sheet
        : // The user's sheet of the wanted name may hold a table of the name this one wants.
          { ...sheet, name, tables: sheet.tables?.map((t) => ({ ...t, name: `${t.name}_AddIn` })) };
    out.plan.sheets.push(placed);
    if ((placed.state ?? "visible") === "visible") out.written.push(name);
    out.entries.set(key(name), { sheet: name, wanted, job: meta.job, fingerprint: planFingerprint(placed), writtenAt: meta.writtenAt });
  }
  if (conflicts.length) throw new OwnershipError(conflicts);

  const active = plan.activeSheet === undefined ? undefined : out.plan.sheets[plan.sheets.findIndex((s) => s.name === plan.activeSheet)]?.name;
  const activeSheet = active ?? out.written[0];
  if (activeSheet !== undefined) out.plan.activeSheet = activeSheet;
  return out;
}

/**
 * The register after a write: entries for sheets that are gone are forgotten, and so are earlier
 * entries for the names this write placed elsewhere; the placed sheets get their new entries.
 */
function nextRegister(register: Register, existing: ReadonlySet<string>, placed: Register): Register {
  const wanted = new Set([...placed.values()].map((e) => key(e.wanted)));
  const next: Register = new Map([...register].filter(([k, e]) => existing.has(k) && !placed.has(k) && !wanted.has(key(e.wanted))));
  for (const [k, e] of placed) next.set(k, e);
  return next;
}

/** What a write did, in a sentence or two, saying where a sheet went under another name and why. */
export function describeWrite(placement: Pick<Placement, "written" | "renamed" | "forced">): string {
  const parts = [`Wrote ${describeSheets(placement.written)}.`];
  for (const r of placement.renamed) {
    parts.push(`This workbook has a sheet of its own called ${quote(r.wanted)}, so the add-in wrote ${quote(r.actual)} and left yours alone.`);
  }
  parts.push(
    placement.forced.length > 0
      ? `${listOf(placement.forced)} ${placement.forced.length === 1 ? "was" : "were"} replaced as you asked; no other sheet was changed.`
      : "Only sheets the add-in wrote were replaced.",
  );
  return parts.join(" ");
}

// ---------------------------------------------------------------------------------------------
// Writing

export interface OwnedRenderOptions extends RenderOptions, PlaceOptions {
  /** What is writing, for the register ("Scorecard"). */
  job?: string;
  /** The clock, for the register's "Written at"; tests fix it. */
  now?: () => Date;
}

export interface OwnedRenderResult extends RenderResult {
  /** The visible sheets written, by the names written under. */
  written: string[];
  renamed: { wanted: string; actual: string }[];
  /** Sheets that existed and were replaced. */
  replaced: string[];
  /** Sheets that did not exist before. */
  added: string[];
  /** Sheets replaced only because the caller said so. */
  forced: string[];
  /** Syncs in all: the read, then the render's. */
  totalSyncs: number;
  /** What was done, in words for the pane. */
  summary: string;
}

/** "2025-10-01 14:03 UTC": plain to read, and the same wherever the workbook is opened. */
function stamp(now: Date): string {
  return `${now.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Queues, for each name, a load of its sheet's used range's formulas (null objects where there is no such sheet). */
function queueContent(context: Excel.RequestContext, names: readonly string[]): Map<string, Excel.Range> {
  const out = new Map<string, Excel.Range>();
  for (const name of names) {
    if (out.has(key(name))) continue;
    const used = context.workbook.worksheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true);
    used.load("formulas,rowIndex,columnIndex");
    out.set(key(name), used);
  }
  return out;
}

function fingerprintOf(used: Excel.Range | undefined): string {
  return contentFingerprint(!used || used.isNullObject ? null : used);
}

/**
 * Writes the plan's sheets as the add-in's own (see the top of this module) and registers them.
 * One sync to read, then renderPlan's.
 */
export async function renderOwnedPlan(context: Excel.RequestContext, plan: WorkbookPlan, options: OwnedRenderOptions = {}): Promise<OwnedRenderResult> {
  if (plan.sheets.some((s) => isRegisterSheet(s.name))) {
    throw new Error(`The plan may not write the sheet '${REGISTER_SHEET}': the add-in keeps its register there.`);
  }
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const registerRange = worksheets.getItemOrNullObject(REGISTER_SHEET).getUsedRangeOrNullObject(true);
  registerRange.load("values");
  const content = queueContent(context, plan.sheets.flatMap((s) => [s.name, ...candidateNames(s.name)]));
  await context.sync();

  const existingNames = worksheets.items.map((ws) => ws.name);
  const existing = new Set(existingNames.map(key));
  const register = readRegister(registerRange.isNullObject ? null : registerRange.values);
  const meta = { job: options.job ?? "", writtenAt: stamp((options.now ?? (() => new Date()))()) };
  const placement = placeSheets(plan, existingNames, register, (sheet) => fingerprintOf(content.get(key(sheet))), meta, options);
  const entries = nextRegister(register, existing, placement.entries);
  const full: WorkbookPlan = { ...placement.plan, sheets: [...placement.plan.sheets, registerSheet(entries.values())] };

  try {
    const rendered = await renderPlan(context, full, options);
    return {
      ...rendered,
      written: placement.written,
      renamed: placement.renamed,
      replaced: placement.replaced,
      added: placement.added,
      forced: placement.forced,
      totalSyncs: 1 + rendered.syncs,
      summary: describeWrite(placement),
    };
  } catch (e) {
    throw await afterFailure(context, placement, { existing, original: register, register: entries }, e);
  }
}

interface BeforeWrite {
  /** Keys of the sheets there were. */
  existing: ReadonlySet<string>;
  /** The register as it was read before the write. */
  original: Register;
  /** The register as it was to be written. */
  register: Register;
}

/**
 * After a failed sync: reads what the plan's sheets now hold (one sync), then removes the
 * render's temporary sheets and registers what is there (one more), and describes it. If Excel
 * refuses even that (the connection may be gone), the description says so and keeps what
 * could be learned.
 */
async function afterFailure(context: Excel.RequestContext, placement: Placement, was: BeforeWrite, cause: unknown): Promise<WriteFailedError> {
  const sheets = placement.plan.sheets;
  let states: SheetState[] = sheets.map((s) => ({ sheet: s.name, outcome: "unknown" }));
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const reads = queueContent(context, sheets.map((s) => s.name));
    await context.sync();
    const now = new Set(worksheets.items.map((ws) => key(ws.name)));
    const current = new Map<string, string>();
    states = sheets.map((sheet): SheetState => {
      const k = key(sheet.name);
      if (!now.has(k)) return { sheet: sheet.name, outcome: was.existing.has(k) ? "removed" : "not-written" };
      const fingerprint = fingerprintOf(reads.get(k));
      current.set(k, fingerprint);
      if (fingerprint === placement.entries.get(k)?.fingerprint) return { sheet: sheet.name, outcome: "written" };
      if (placement.before.has(k) && fingerprint === placement.before.get(k)) return { sheet: sheet.name, outcome: "as-before" };
      return { sheet: sheet.name, outcome: "incomplete" };
    });
    // The register lists the plan's sheets as they now are, so that running the job again
    // replaces what this write left without asking; a sheet the write did not reach keeps its
    // old entry, or none (it may not have been the add-in's).
    for (const s of states) {
      const k = key(s.sheet);
      const fingerprint = current.get(k);
      const old = was.original.get(k);
      const planned = placement.entries.get(k);
      if (s.outcome === "as-before") {
        if (old) was.register.set(k, old);
        else was.register.delete(k);
      } else if (fingerprint === undefined || !planned) was.register.delete(k);
      else was.register.set(k, { ...planned, fingerprint });
    }
    // Queued before the register's render, so that both go in its one sync.
    for (const ws of worksheets.items) if (TEMPORARY_NAME.test(ws.name) && !was.existing.has(key(ws.name))) ws.delete();
    await renderPlan(context, { sheets: [registerSheet(was.register.values())] });
    return new WriteFailedError(states, cause, true);
  } catch {
    return new WriteFailedError(states, cause, false);
  }
}
