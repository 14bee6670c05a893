/**
 * The add-in writes only to sheets it owns. This module is the one mechanism for it: the register
 * of the add-in's sheets, where each plan sheet goes, the check before a sheet is replaced, and
 * what a failed write left. Every write the task pane makes goes through renderOwnedPlan.
 *
 * The register is a hidden sheet, REGISTER_SHEET ("Add-in sheets"), one row per sheet the add-in
 * wrote: the sheet's name, the add-in's own name for it, the job that wrote it, a fingerprint of
 * its cells as written, when, and how big its cells are to read back (so that the check can cut
 * the read into answers under Excel's limit before it has seen any of them). It is hidden rather than very hidden, so that anyone curious
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
 * Reading every cell back to fingerprint it costs 20 MB for a 50,000-row sheet, so the check
 * first asks Excel: each sheet written has a very hidden copy as written, and the register a live
 * count of the cells that differ from it (see "Copies as written" below). A count of 0 that can
 * be trusted proves the sheet unchanged without reading it; anything else, and only that, sends
 * the check to read the sheet's cells and compare fingerprints, so no edit gets through either way.
 *
 * Syncs: the check, then renderPlan's (one unless the plan is over Excel's request limit).
 * The check's first sync reads the sheet names, the register (with its counts), whether Excel
 * calculates by itself, and the size of every sheet a plan sheet could land on (its name and the
 * names it could be renamed to, RENAMES of them). Only then is it known which of them the add-in
 * would replace; the formulas of those whose count does not prove them unchanged, and only
 * theirs, are read next, in row blocks whose answers stay under Excel on the web's 5 MB response
 * limit (blocks.ts), sized from the register's record of how big each sheet was: one sync for
 * each 4 MB or so, none when nothing needs reading. Everything in the check is read, never written.
 * If a sync of the render fails, the add-in looks at what the workbook now holds and says exactly
 * that (WriteFailedError): which of the plan's sheets were written in full, which are incomplete,
 * which are as they were; it removes the render's temporary sheets and registers what it left,
 * so that running the job again replaces the incomplete sheets without asking (a sync for the
 * sheets' sizes, the blocks of their cells, and one to tidy up).
 * No other sheet is read or touched.
 */
import { InputError, stopIfAsked } from "../core/errors";
import { parseRange, rangeAddress } from "../core/grid/address";
import type { Grid, GridWorkbook } from "../core/grid/grid";
import type { PlanValue, SheetPlan, WorkbookPlan } from "../core/plan/plan";
import { utf8Length } from "./batch";
import { readInBlocks, type ReadTarget } from "./blocks";
import { deleteSheet, renderPlan, type RenderOptions, type RenderResult } from "./render";
import { formulaText } from "./values";

/** The hidden sheet listing each sheet the add-in wrote. */
export const REGISTER_SHEET = "Add-in sheets";
const REGISTER_TITLE =
  "The sheets the safeguarding scorecard add-in wrote, with a fingerprint of their cells as written, the hidden copy of them it keeps, and how many cells differ from that copy now. The add-in replaces only these sheets, and asks first if one has been changed since.";
export const REGISTER_HEADINGS = [
  "Sheet",
  "Add-in's name for it",
  "Job",
  "Fingerprint",
  "Written at",
  "Size to read back",
  "Copy kept as",
  "Cells written",
  "Cells changed since",
] as const;
/** The register's column of the live count (zero-based). */
const CHANGED_COLUMN = 8;
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
 * Math.imul, looked up once: a global looked up in a loop run millions of times costs far more
 * where globals are slow to reach (jest runs code in a separate context, about a hundred times
 * slower there), and nothing here.
 */
const imul = Math.imul;

/**
 * A 53-bit hash built up piece by piece (cyrb53's mixing), so that a sheet of a million cells is
 * hashed without one string of them all. It detects edits, not tampering: nobody gains by
 * forging it, and a forged one only stops the add-in asking before it replaces a sheet.
 */
class Hasher {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  add(text: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = imul(h1 ^ ch, 2654435761);
      h2 = imul(h2 ^ ch, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  digest(): string {
    let h1 = imul(this.h1 ^ (this.h1 >>> 16), 2246822507) ^ imul(this.h2 ^ (this.h2 >>> 13), 3266489909);
    let h2 = imul(this.h2 ^ (this.h2 >>> 16), 2246822507) ^ imul(this.h1 ^ (this.h1 >>> 13), 3266489909);
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

/** The JSON of a plan value as `formulas` gives it back: the value, or the formula with its "=". */
function readBackBytes(value: PlanValue): number {
  if (value === null) return 2;
  return utf8Length(JSON.stringify(typeof value === "object" ? formulaText(value.formula) : value));
}

function planToken(value: PlanValue): string | null {
  if (value !== null && typeof value === "object") return cellToken(formulaText(value.formula));
  return cellToken(value);
}

/** How big a sheet's cells are to read back: the rows of its used range and the JSON of their `formulas`. */
export interface ReadBack {
  rows: number;
  bytes: number;
}

/**
 * The fingerprint of a sheet as the plan writes it, how big it will be to read back, and its used
 * range (values only) as Excel will measure it, null for a sheet with no cells.
 */
export function planReadBack(sheet: SheetPlan): { fingerprint: string; readBack: ReadBack; usedRange: string | null } {
  const h = new Hasher();
  // The used range (values only) as Excel will measure it, and the JSON `formulas` gives for it:
  // each cell's value or formula, "" for an empty one, commas and brackets.
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  let filled = 0;
  let bytes = 0;
  const visit = (row: number, col: number, v: PlanValue): void => {
    const token = planToken(v);
    if (token === null) return;
    h.add(`${row},${col}:${token}\n`);
    if (row < top) top = row;
    if (row > bottom) bottom = row;
    if (col < left) left = col;
    if (col > right) right = col;
    filled++;
    bytes += readBackBytes(v);
  };
  const only = sheet.blocks.length === 1 && !(sheet.merges ?? []).length ? sheet.blocks[0] : undefined;
  if (only) {
    // One block and no merges, the usual sheet: its rows are already in order.
    const at = parseRange(only.at);
    only.values.forEach((values, i) => values.forEach((v, j) => visit(at.top + i, at.left + j, v)));
  } else {
    const cells = new Map<number, PlanValue>();
    // Wide enough for any column Excel has (16,384), so that row * WIDTH + col orders row by row.
    const WIDTH = 1 << 15;
    for (const block of sheet.blocks) {
      const at = parseRange(block.at);
      block.values.forEach((values, i) => values.forEach((v, j) => cells.set((at.top + i) * WIDTH + at.left + j, v)));
    }
    for (const m of sheet.merges ?? []) {
      const r = parseRange(m);
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) cells.delete(row * WIDTH + col);
      }
    }
    for (const k of [...cells.keys()].sort((a, b) => a - b)) visit(Math.floor(k / WIDTH), k % WIDTH, cells.get(k) as PlanValue);
  }
  const rows = bottom < 0 ? 0 : bottom - top + 1;
  const cellCount = rows * (right - left + 1);
  return {
    fingerprint: h.digest(),
    readBack: { rows, bytes: rows === 0 ? 0 : bytes + 2 * (cellCount - filled) + cellCount + 3 * rows + 14 },
    usedRange: rows === 0 ? null : rangeAddress(top, left, bottom, right),
  };
}

/** The fingerprint of a sheet as the plan writes it: later blocks over earlier ones, merged cells kept only at their top-left. */
export function planFingerprint(sheet: SheetPlan): string {
  return planReadBack(sheet).fingerprint;
}

/** A fingerprint built block by block, in row order: the same as one pass over the whole used range. */
export class ContentHasher {
  private readonly h = new Hasher();

  /** Adds a block of `formulas` whose top-left cell is (rowIndex, columnIndex); blocks of a sheet must come in row order. */
  add(formulas: readonly (readonly unknown[])[], rowIndex: number, columnIndex: number): void {
    for (let i = 0; i < formulas.length; i++) {
      const row = formulas[i] ?? [];
      for (let j = 0; j < row.length; j++) {
        const token = cellToken(row[j]);
        if (token !== null) this.h.add(`${rowIndex + i},${columnIndex + j}:${token}\n`);
      }
    }
  }

  digest(): string {
    return this.h.digest();
  }
}

/** The fingerprint of a sheet as Excel holds it, from its used range's `formulas`. */
export function contentFingerprint(used: { formulas: unknown[][]; rowIndex: number; columnIndex: number } | null): string {
  const h = new ContentHasher();
  if (used) h.add(used.formulas, used.rowIndex, used.columnIndex);
  return h.digest();
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
// Copies as written

/**
 * Next to each sheet it writes, the add-in keeps a very hidden copy of the sheet's cells as
 * written: formulas and constants, made by Excel itself (copyFrom), so nothing more is sent. The
 * register holds a live formula counting the cells where the sheet and its copy differ (a
 * formula by its text, anything else by its value as text, so a 0 typed into an empty cell
 * counts). Excel keeps the count up to date whether or not the add-in is open, and LibreOffice
 * gives the same counts (test/render/copy-as-written.test.ts). So the check reads one number
 * per sheet, not every cell: a count of 0, with the formula as the add-in wrote it, Excel
 * calculating automatically and the sheet's used range what was written (nothing typed outside
 * it), proves the sheet unchanged. Anything else (a count above 0, an error, a formula someone
 * changed, manual calculation, a register an older add-in wrote) sends the check back to reading
 * the cells, so no edit gets through. The cost is the copy's space in the file, and Excel
 * recounting a sheet's cells when someone edits it.
 */
const COPY_NAME = /^~as written [0-9a-f]{6}~$/;

/** The copy's name: "~as written 3fa9c2~", from the sheet's name, so that each sheet's copy keeps its name from write to write. */
export function copySheetName(sheet: string): string {
  const h = new Hasher();
  h.add(key(sheet));
  return `~as written ${h.digest().slice(-6)}~`;
}

export function isCopySheetName(name: string): boolean {
  return COPY_NAME.test(name);
}

/** 'Sheet name' as a formula refers to it. */
const sheetRef = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** The register's count of cells that differ between a sheet and its copy over `range` (without the "="). */
export function changedCellsFormula(sheet: string, copy: string, range: string): string {
  const side = (name: string): string => {
    const ref = `${sheetRef(name)}!${range}`;
    return `IFERROR(FORMULATEXT(${ref}),${ref}&"")`;
  };
  return `SUMPRODUCT(--NOT(EXACT(${side(sheet)},${side(copy)})))`;
}

/** A formula in one form whatever Excel's spelling of it (quotes only where a name needs them, capitals, spaces). */
const normalFormula = (formula: string): string => formula.replace(/^=/, "").replace(/'/g, "").replace(/\s+/g, "").toUpperCase();

/** The copies a register's entries keep, by key of the copy's name. */
function copiesOf(entries: Iterable<RegisterEntry>): Set<string> {
  return new Set([...entries].flatMap((e) => (e.copy ? [key(e.copy.sheet)] : [])));
}

/** "A1:H50001" or "B2" */
const RANGE = /^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/;

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
  /** How big its cells were to read back, as written; absent in a register an older add-in wrote. */
  readBack?: ReadBack;
  /** Its very hidden copy as written, and the range copied (its used range as written); absent for a sheet with no cells. */
  copy?: { sheet: string; range: string };
  /**
   * As read by the check: the live count of cells that differ from the copy, or null where it
   * cannot be trusted (not a count, or a formula other than the add-in's). Absent when not read.
   */
  changedCells?: number | null;
}

/** The add-in's sheets by name in the workbook (lower case). */
export type Register = Map<string, RegisterEntry>;

const FINGERPRINT = /^[0-9a-f]{14}$/;
const READ_BACK = /^(\d+) rows?, (\d+) bytes$/;

/** "12,501 rows, 1,629,324 bytes" without the separators, so that it reads back as it was written. */
function readBackText(r: ReadBack): string {
  return `${r.rows} ${r.rows === 1 ? "row" : "rows"}, ${r.bytes} bytes`;
}

const text = (v: unknown): string => (typeof v === "string" ? v.trim() : typeof v === "number" || typeof v === "boolean" ? String(v) : "");

/**
 * The register as read from its sheet's values. The title, the headings and any row it cannot
 * use are passed over. With its `formulas` too, each entry's live count is read (changedCells).
 */
export function readRegister(values: readonly (readonly unknown[])[] | null, formulas?: readonly (readonly unknown[])[]): Register {
  const out: Register = new Map();
  if (!values) return out;
  values.forEach((row, i) => {
    const [sheet, wanted, job, fingerprint, writtenAt, size, copySheet, range] = [0, 1, 2, 3, 4, 5, 6, 7].map((c) => text(row[c]));
    if (!sheet || !wanted || !FINGERPRINT.test(fingerprint ?? "")) return;
    const entry: RegisterEntry = { sheet, wanted, job: job ?? "", fingerprint: fingerprint ?? "", writtenAt: writtenAt ?? "" };
    const readBack = READ_BACK.exec(size ?? "");
    if (readBack) entry.readBack = { rows: Number(readBack[1]), bytes: Number(readBack[2]) };
    if (copySheet && range && isCopySheetName(copySheet) && RANGE.test(range)) {
      entry.copy = { sheet: copySheet, range };
      if (formulas) {
        const formula = formulas[i]?.[CHANGED_COLUMN];
        const count = row[CHANGED_COLUMN];
        const intact = typeof formula === "string" && normalFormula(formula) === normalFormula(changedCellsFormula(sheet, copySheet, range));
        entry.changedCells = intact && typeof count === "number" && Number.isInteger(count) && count >= 0 ? count : null;
      }
    }
    out.set(key(sheet), entry);
  });
  return out;
}

/** The register as a plan sheet: text only, so that nothing reading the workbook takes it for figures. */
export function registerSheet(entries: Iterable<RegisterEntry>): SheetPlan {
  const rows = [...entries]
    .sort((a, b) => key(a.wanted).localeCompare(key(b.wanted)) || key(a.sheet).localeCompare(key(b.sheet)))
    .map((e): PlanValue[] => [
      e.sheet,
      e.wanted,
      e.job,
      e.fingerprint,
      e.writtenAt,
      e.readBack ? readBackText(e.readBack) : null,
      e.copy?.sheet ?? null,
      e.copy?.range ?? null,
      e.copy ? { formula: changedCellsFormula(e.sheet, e.copy.sheet, e.copy.range) } : null,
    ]);
  return {
    name: REGISTER_SHEET,
    state: "hidden",
    blocks: [{ at: "A1", values: [[REGISTER_TITLE], [...REGISTER_HEADINGS], ...rows] }],
    styles: [{ range: "A2:I2", style: { bold: true } }],
    columnWidths: [28, 24, 20, 18, 22, 28, 22, 16, 20].map((width, col) => ({ col, width })),
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
  const copies = copiesOf(register.values());
  const isOwn = (grid: Grid): boolean =>
    isRegisterSheet(grid.sheet) || register.has(key(grid.sheet)) || copies.has(key(grid.sheet)) || (grid.state === "veryHidden" && isCopySheetName(grid.sheet));
  for (const grid of read.sheets) (isOwn(grid) ? own : theirs).push(grid);
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
  /** Each placed sheet's used range as written, by key; null for a sheet with no cells. */
  usedRanges: Map<string, string | null>;
}

function isForced(force: PlaceOptions["force"], sheet: string): boolean {
  return force === true || (Array.isArray(force) && force.some((f) => key(f) === key(sheet)));
}

/**
 * Decides where each of the plan's sheets goes (see the top of this module), or throws: an
 * OwnershipError where a sheet would be replaced that is not the add-in's or has been changed by
 * hand, unless forced; an InputError where every name it could take is the user's.
 * `contentOf` gives the fingerprint of what an existing sheet holds now, for the sheets that may
 * be replaced (a plan sheet's name and its candidate names); `why` says whether the sheet is the
 * add-in's ("replace": its cells decide whether to ask) or the user's ("unowned": a question
 * unless forced, its cells needed only to report a failed write).
 */
export function placeSheets(
  plan: WorkbookPlan,
  existing: readonly string[],
  register: Register,
  contentOf: (sheet: string, why: "replace" | "unowned") => string,
  meta: { job: string; writtenAt: string },
  options: PlaceOptions = {},
): Placement {
  const names = new Map(existing.map((n) => [key(n), n]));
  const used = new Set<string>();
  const fixed = new Set((options.fixedNames ?? []).map(key));
  const out: Placement = { plan: { sheets: [] }, written: [], renamed: [], replaced: [], added: [], forced: [], entries: new Map(), before: new Map(), usedRanges: new Map() };
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
      const now = contentOf(actual, "replace");
      out.before.set(key(actual), now);
      const carried = [...(options.carried ?? [])].find(([name]) => key(name) === key(actual))?.[1];
      if (now !== earlier.fingerprint && now !== carried) reason = "changed-by-hand";
      // Said again each time while the user's sheet of that name is there, so the name makes sense.
      if (key(actual) !== key(wanted) && names.has(key(wanted))) out.renamed.push({ wanted, actual });
    } else if (free(wanted)) {
      actual = wanted;
    } else if (fixed.has(key(wanted))) {
      actual = names.get(key(wanted)) ?? wanted;
      out.before.set(key(actual), contentOf(actual, "unowned"));
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
    const { fingerprint, readBack, usedRange } = planReadBack(placed);
    out.entries.set(key(name), { sheet: name, wanted, job: meta.job, fingerprint, writtenAt: meta.writtenAt, readBack });
    out.usedRanges.set(key(name), usedRange);
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
  /** Bytes one answer of the check may carry by the adapter's estimate; 4 MB unless a test wants smaller blocks. */
  responseBudgetBytes?: number;
  /**
   * Stops the write (a StoppedError) if asked before its first request: during the check, which
   * only reads, or after it. Once the first request of the render is sent it is never stopped,
   * so that no sheet is left half-written; `onWriteStart` says when that moment comes.
   */
  signal?: AbortSignal;
  /** Called once the check is done and nothing can stop the write any more, just before its first request. */
  onWriteStart?: () => void;
}

const STOPPED_WRITING = "Stopped as you asked, before anything was written: the workbook is as it was.";

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
  /** Syncs of the check before the render: one, and one more for each answer's worth of the cells of sheets it replaces. */
  checkSyncs: number;
  /** Syncs in all: the check, then the render's. */
  totalSyncs: number;
  /** What was done, in words for the pane. */
  summary: string;
}

/** "2025-10-01 14:03 UTC": plain to read, and the same wherever the workbook is opened. */
function stamp(now: Date): string {
  return `${now.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** A sheet's used range (values only), measured: its position and size, no cells. */
interface Measured {
  ws: Excel.Worksheet;
  used: Excel.Range;
}

/** Queues, for each name, the measuring of its sheet's used range (null objects where there is no such sheet). */
function queueSizes(context: Excel.RequestContext, names: readonly string[]): Map<string, Measured> {
  const out = new Map<string, Measured>();
  for (const name of names) {
    if (out.has(key(name))) continue;
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    out.set(key(name), { ws, used });
  }
  return out;
}

/** What a cell of an add-in sheet is guessed to weigh read back, where the register does not say. */
const GUESS_BYTES_PER_CELL = 24;
/** Never the fingerprint of anything: what a sheet Excel cannot send back counts as (changed by hand). */
const UNREADABLE = "unreadable";

/**
 * The fingerprints of what the named sheets hold now, read in blocks under the response limit.
 * `sizeOf` gives what a sheet was to read back when written, to size its first block.
 */
async function fingerprintsOf(
  context: Excel.RequestContext,
  measured: Map<string, Measured>,
  names: readonly string[],
  sizeOf: (name: string) => ReadBack | undefined,
  budgetBytes: number | undefined,
  signal?: AbortSignal,
): Promise<{ fingerprints: Map<string, string>; syncs: number }> {
  const fingerprints = new Map<string, string>();
  const targets: ReadTarget[] = [];
  const hashers: { name: string; hasher: ContentHasher }[] = [];
  for (const name of names) {
    const m = measured.get(key(name));
    if (!m || m.used.isNullObject) {
      fingerprints.set(key(name), contentFingerprint(null));
      continue;
    }
    const { rowIndex, columnIndex, rowCount, columnCount } = m.used;
    const size = sizeOf(name);
    const bytesPerRow = size && size.rows > 0 ? Math.ceil(size.bytes / size.rows) : columnCount * GUESS_BYTES_PER_CELL;
    targets.push({ sheet: m.ws, top: rowIndex, left: columnIndex, rows: rowCount, columns: columnCount, bytesPerRow });
    hashers.push({ name, hasher: new ContentHasher() });
  }
  const read = await readInBlocks(context, targets, {
    properties: "formulas",
    ...(budgetBytes !== undefined ? { budgetBytes } : {}),
    ...(signal ? { signal, stoppedMessage: STOPPED_WRITING } : {}),
    onBlock: ({ target, top, range }) => hashers[target]?.hasher.add(range.formulas, top, targets[target]?.left ?? 0),
  });
  hashers.forEach(({ name, hasher }, i) => fingerprints.set(key(name), read.tooLarge.has(i) ? UNREADABLE : hasher.digest()));
  return { fingerprints, syncs: read.syncs };
}

/**
 * Whether the register's live count proves a sheet as written: its formula intact and counting no
 * cell that differs from the copy, and the sheet's used range the cells written (the copy covers
 * only those, so a cell typed outside them would otherwise go unseen).
 */
function provedUnchanged(entry: RegisterEntry | undefined, measured: Measured | undefined): boolean {
  if (!entry?.copy || entry.changedCells !== 0 || !measured || measured.used.isNullObject) return false;
  const { rowIndex, columnIndex, rowCount, columnCount } = measured.used;
  return rangeAddress(rowIndex, columnIndex, rowIndex + rowCount - 1, columnIndex + columnCount - 1) === entry.copy.range;
}

/**
 * The copies to write with the placed sheets, each entry given its copy. A sheet with no cells
 * has none; nor, in the unlikely case that its copy's name is taken (by a sheet of the user's or
 * another copy), does a sheet get one, and its check then reads its cells as before.
 */
function keepCopies(placement: Placement, existing: readonly string[]): SheetPlan[] {
  // A sheet named like a copy is taken to be one (a copy a failed write left is replaced).
  const taken = new Set(existing.filter((name) => !isCopySheetName(name)).map(key));
  const out: SheetPlan[] = [];
  for (const sheet of placement.plan.sheets) {
    const entry = placement.entries.get(key(sheet.name));
    const range = placement.usedRanges.get(key(sheet.name));
    if (!entry || range === null || range === undefined) continue;
    const name = copySheetName(sheet.name);
    if (taken.has(key(name))) continue;
    taken.add(key(name));
    entry.copy = { sheet: name, range };
    out.push({ name, state: "veryHidden", blocks: [], copyOf: { sheet: sheet.name, range } });
  }
  return out;
}

/**
 * Writes the plan's sheets as the add-in's own (see the top of this module) and registers them.
 * The check's syncs (one, and the blocks of the cells of the sheets it replaces), then renderPlan's.
 */
export async function renderOwnedPlan(context: Excel.RequestContext, plan: WorkbookPlan, options: OwnedRenderOptions = {}): Promise<OwnedRenderResult> {
  if (plan.sheets.some((s) => isRegisterSheet(s.name))) {
    throw new Error(`The plan may not write the sheet '${REGISTER_SHEET}': the add-in keeps its register there.`);
  }
  stopIfAsked(options.signal, STOPPED_WRITING);
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const registerRange = worksheets.getItemOrNullObject(REGISTER_SHEET).getUsedRangeOrNullObject(true);
  registerRange.load("values,formulas");
  // The register's live counts are current only while Excel calculates by itself.
  const application = context.workbook.application;
  application.load("calculationMode");
  const measured = queueSizes(context, plan.sheets.flatMap((s) => [s.name, ...candidateNames(s.name)]));
  await context.sync();

  const existingNames = worksheets.items.map((ws) => ws.name);
  const existing = new Set(existingNames.map(key));
  const veryHidden = new Set(worksheets.items.filter((ws) => ws.visibility === "VeryHidden").map((ws) => key(ws.name)));
  const counted = application.calculationMode !== "Manual";
  const register = readRegister(registerRange.isNullObject ? null : registerRange.values, registerRange.isNullObject || !counted ? undefined : registerRange.formulas);
  const meta = { job: options.job ?? "", writtenAt: stamp((options.now ?? (() => new Date()))()) };
  // The sheets whose cells matter are those it would replace: a dry run (forcing, so that it
  // does not stop at the first question) names them, and only they are read. A user's sheet is
  // read only when the caller forces its replacement: otherwise it is a question whatever it holds.
  const toCheck: string[] = [];
  const note = (sheet: string, why: "replace" | "unowned"): string => {
    if (why === "replace" || isForced(options.force, sheet)) toCheck.push(sheet);
    return "";
  };
  placeSheets(plan, existingNames, register, note, meta, { ...options, force: true });
  // Sheets the register's count proves unchanged are not read; the rest are, cell by cell.
  const proved = toCheck.filter((name) => provedUnchanged(register.get(key(name)), measured.get(key(name))));
  const toRead = toCheck.filter((name) => !proved.includes(name));
  const now = await fingerprintsOf(context, measured, toRead, (name) => register.get(key(name))?.readBack, options.responseBudgetBytes, options.signal);
  for (const name of proved) now.fingerprints.set(key(name), register.get(key(name))?.fingerprint ?? UNREADABLE);
  const placement = placeSheets(plan, existingNames, register, (sheet) => now.fingerprints.get(key(sheet)) ?? UNREADABLE, meta, options);
  const copies = keepCopies(placement, existingNames);
  const entries = nextRegister(register, existing, placement.entries);
  const full: WorkbookPlan = { ...placement.plan, sheets: [...placement.plan.sheets, ...copies, registerSheet(entries.values())] };

  // The last moment to stop: after this the render runs to its end (or fails and is reported).
  stopIfAsked(options.signal, STOPPED_WRITING);
  options.onWriteStart?.();
  try {
    // Copies of sheets the register no longer lists go, in the render's first request.
    const kept = copiesOf(entries.values());
    for (const e of register.values()) {
      if (e.copy && !kept.has(key(e.copy.sheet)) && existing.has(key(e.copy.sheet))) deleteSheet(worksheets, e.copy.sheet, veryHidden);
    }
    const rendered = await renderPlan(context, full, { ...options, veryHidden });
    return {
      ...rendered,
      written: placement.written,
      renamed: placement.renamed,
      replaced: placement.replaced,
      added: placement.added,
      forced: placement.forced,
      checkSyncs: 1 + now.syncs,
      totalSyncs: 1 + now.syncs + rendered.syncs,
      summary: describeWrite(placement),
    };
  } catch (e) {
    throw await afterFailure(context, placement, { existing, original: register, register: entries }, e, options.responseBudgetBytes);
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
 * After a failed sync: reads what the plan's sheets now hold (a sync for their sizes, then their
 * cells in blocks under the response limit), then removes the render's temporary sheets and
 * registers what is there (one more), and describes it. If Excel refuses even that (the
 * connection may be gone), the description says so and keeps what could be learned.
 */
async function afterFailure(context: Excel.RequestContext, placement: Placement, was: BeforeWrite, cause: unknown, budgetBytes: number | undefined): Promise<WriteFailedError> {
  const sheets = placement.plan.sheets;
  let states: SheetState[] = sheets.map((s) => ({ sheet: s.name, outcome: "unknown" }));
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const measured = queueSizes(context, sheets.map((s) => s.name));
    await context.sync();
    const now = new Set(worksheets.items.map((ws) => key(ws.name)));
    const present = sheets.map((s) => s.name).filter((name) => now.has(key(name)));
    const read = await fingerprintsOf(context, measured, present, (name) => placement.entries.get(key(name))?.readBack, budgetBytes);
    const current = new Map<string, string>();
    states = sheets.map((sheet): SheetState => {
      const k = key(sheet.name);
      if (!now.has(k)) return { sheet: sheet.name, outcome: was.existing.has(k) ? "removed" : "not-written" };
      const fingerprint = read.fingerprints.get(k) ?? UNREADABLE;
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
      // Without its copy: the copy may not have been made, so the next check reads the sheet.
      else was.register.set(k, { sheet: planned.sheet, wanted: planned.wanted, job: planned.job, writtenAt: planned.writtenAt, fingerprint, ...(planned.readBack ? { readBack: planned.readBack } : {}) });
    }
    // Queued before the register's render, so that both go in its one sync.
    for (const ws of worksheets.items) if (TEMPORARY_NAME.test(ws.name) && !was.existing.has(key(ws.name))) ws.delete();
    await renderPlan(context, { sheets: [registerSheet(was.register.values())] });
    return new WriteFailedError(states, cause, true);
  } catch {
    return new WriteFailedError(states, cause, false);
  }
}
