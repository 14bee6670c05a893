/**
 * Replacing only what the add-in wrote, and only as it wrote it.
 *
 * renderPlan replaces any sheet of a plan sheet's name. Before that is allowed, renderOwnedPlan
 * checks each sheet it would replace: it must be one the add-in wrote (it has a fingerprint in
 * the add-in's very hidden register, FINGERPRINT_SHEET) and its cells must still be exactly as
 * the add-in wrote them (the same fingerprint). Otherwise nothing is written and an
 * OwnershipError says which sheets and why, as a question the pane can ask ("replace it
 * anyway?"); asking again with `force` replaces them.
 *
 * The fingerprint covers what a person can change by typing: every non-empty cell's value or
 * formula, by position (formatting is not covered: recolouring a cell is not losing work). It is
 * worked out from the plan when writing and from the sheet's `formulas` when checking, which
 * Excel gives for constants and formulas alike; both sides are put in one normal form first.
 *
 * The check costs one sync before the render, whatever the size. If a sync of the render fails,
 * the add-in looks at what the workbook now holds and says exactly that (WriteFailedError):
 * which of the plan's sheets were written in full, which are incomplete, which are as they were;
 * it removes the render's temporary sheets and registers what it left, so that running the job
 * again replaces the incomplete sheets without asking. No other sheet is read or touched.
 */
import { InputError } from "../core/errors";
import { parseRange } from "../core/grid/address";
import type { PlanValue, SheetPlan, WorkbookPlan } from "../core/plan/plan";
import { renderPlan, type RenderOptions, type RenderResult } from "./render";
import { formulaText } from "./values";

/** The very hidden sheet listing each sheet the add-in wrote with the fingerprint of what it wrote. */
export const FINGERPRINT_SHEET = "Add-in fingerprints";
const REGISTER_TITLE = "The sheets the safeguarding scorecard add-in wrote, and a fingerprint of their cells as written. Editing this list makes the add-in ask before replacing a sheet.";
const REGISTER_HEADINGS = ["Sheet", "Fingerprint"];
/** Temporary names renderPlan gives new sheets before they take their real names. */
const TEMPORARY_NAME = /^~new\d+~/;

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

// ---------------------------------------------------------------------------------------------
// The register

/** Fingerprints by sheet name (lower case), as read from the register's values. */
export function readRegister(values: readonly (readonly unknown[])[] | null): Map<string, { sheet: string; fingerprint: string }> {
  const out = new Map<string, { sheet: string; fingerprint: string }>();
  if (!values) return out;
  for (const row of values) {
    const [sheet, fingerprint] = row;
    if (typeof sheet !== "string" || typeof fingerprint !== "string" || sheet === REGISTER_HEADINGS[0] || !/^[0-9a-f]{14}$/.test(fingerprint)) continue;
    out.set(key(sheet), { sheet, fingerprint });
  }
  return out;
}

/** The register as a plan sheet: text only, so that nothing reading the workbook takes it for figures. */
export function registerSheet(entries: Iterable<{ sheet: string; fingerprint: string }>): SheetPlan {
  const rows = [...entries].sort((a, b) => key(a.sheet).localeCompare(key(b.sheet))).map((e) => [e.sheet, e.fingerprint]);
  return { name: FINGERPRINT_SHEET, state: "veryHidden", blocks: [{ at: "A1", values: [[REGISTER_TITLE], REGISTER_HEADINGS, ...rows] }] };
}

// ---------------------------------------------------------------------------------------------
// Errors the pane turns into a question or a report

export type OwnershipReason = "not-written-by-add-in" | "changed-by-hand";

export interface OwnershipConflict {
  sheet: string;
  reason: OwnershipReason;
}

function quoted(names: readonly string[]): string {
  const q = names.map((n) => `'${n}'`);
  return q.length <= 1 ? (q[0] ?? "") : `${q.slice(0, -1).join(", ")} and ${q[q.length - 1]}`;
}

function conflictQuestion(conflicts: readonly OwnershipConflict[]): string {
  const parts: string[] = [];
  const notOurs = conflicts.filter((c) => c.reason === "not-written-by-add-in").map((c) => c.sheet);
  const edited = conflicts.filter((c) => c.reason === "changed-by-hand").map((c) => c.sheet);
  const s = (names: string[], one: string, many: string) => (names.length === 1 ? one : many);
  if (notOurs.length) parts.push(`${s(notOurs, "Sheet", "Sheets")} ${quoted(notOurs)} ${s(notOurs, "was", "were")} not made by this add-in`);
  if (edited.length) parts.push(`${s(edited, "sheet", "sheets")} ${quoted(edited)} ${s(edited, "has", "have")} been changed by hand since the add-in wrote ${s(edited, "it", "them")}`);
  const sentence = parts.join("; and ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}: replace ${conflicts.length === 1 ? "it" : "them"} anyway?`;
}

/** The add-in would replace sheets that are not its own or have been edited: nothing was written. */
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
  if (written.length) parts.push(`${quoted(written)} ${written.length === 1 ? "was" : "were"} written in full`);
  if (incomplete.length) parts.push(`${quoted(incomplete)} ${incomplete.length === 1 ? "is" : "are"} incomplete`);
  if (before.length) parts.push(`${quoted(before)} ${before.length === 1 ? "is" : "are"} as ${before.length === 1 ? "it was" : "they were"}`);
  if (removed.length) parts.push(`${quoted(removed)} ${removed.length === 1 ? "was" : "were"} removed and not yet written again`);
  if (notWritten.length) parts.push(`${quoted(notWritten)} ${notWritten.length === 1 ? "was" : "were"} not written`);
  if (unknown.length) parts.push(`what ${quoted(unknown)} now ${unknown.length === 1 ? "holds" : "hold"} could not be checked`);
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
// Writing

export interface OwnedRenderOptions extends RenderOptions {
  /** Replace sheets the check would refuse: all of them (true) or those named. */
  force?: boolean | readonly string[];
}

export interface OwnedRenderResult extends RenderResult {
  /** Sheets that existed and were replaced. */
  replaced: string[];
  /** Sheets that did not exist before. */
  added: string[];
  /** Syncs in all: the check, then the render's. */
  totalSyncs: number;
}

interface SheetRead {
  plan: SheetPlan;
  used: Excel.Range;
}

/** Queues, for each named sheet, a load of its used range's formulas (null objects where there is no such sheet). */
function queueContent(context: Excel.RequestContext, sheets: readonly SheetPlan[]): SheetRead[] {
  return sheets.map((plan) => {
    const used = context.workbook.worksheets.getItemOrNullObject(plan.name).getUsedRangeOrNullObject(true);
    used.load("formulas,rowIndex,columnIndex");
    return { plan, used };
  });
}

function fingerprintOf(read: SheetRead): string {
  return contentFingerprint(read.used.isNullObject ? null : read.used);
}

function isForced(force: OwnedRenderOptions["force"], sheet: string): boolean {
  return force === true || (Array.isArray(force) && force.some((f) => key(f) === key(sheet)));
}

/**
 * Writes the plan's sheets, replacing existing sheets of their names only where they are the
 * add-in's own and unchanged (or forced), and registers the fingerprint of what it wrote.
 * One sync for the check, then renderPlan's.
 */
export async function renderOwnedPlan(context: Excel.RequestContext, plan: WorkbookPlan, options: OwnedRenderOptions = {}): Promise<OwnedRenderResult> {
  if (plan.sheets.some((s) => key(s.name) === key(FINGERPRINT_SHEET))) {
    throw new Error(`The plan may not write the sheet '${FINGERPRINT_SHEET}': the add-in keeps its register there.`);
  }
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const registerRange = worksheets.getItemOrNullObject(FINGERPRINT_SHEET).getUsedRangeOrNullObject(true);
  registerRange.load("values");
  const reads = queueContent(context, plan.sheets);
  await context.sync();

  const existing = new Map(worksheets.items.map((ws) => [key(ws.name), ws.name]));
  const register = readRegister(registerRange.isNullObject ? null : registerRange.values);
  const before = new Map<string, string>();
  const conflicts: OwnershipConflict[] = [];
  for (const read of reads) {
    const name = existing.get(key(read.plan.name));
    if (name === undefined) continue;
    const now = fingerprintOf(read);
    before.set(key(read.plan.name), now);
    const entry = register.get(key(name));
    const reason: OwnershipReason | null = !entry ? "not-written-by-add-in" : entry.fingerprint !== now ? "changed-by-hand" : null;
    if (reason && !isForced(options.force, name)) conflicts.push({ sheet: name, reason });
  }
  if (conflicts.length) throw new OwnershipError(conflicts);

  const fingerprints = new Map(plan.sheets.map((s) => [key(s.name), planFingerprint(s)]));
  // Entries for sheets that are gone are forgotten; the plan's sheets get what is about to be written.
  const entries = new Map([...register].filter(([k]) => existing.has(k) && !fingerprints.has(k)));
  for (const s of plan.sheets) entries.set(key(s.name), { sheet: s.name, fingerprint: fingerprints.get(key(s.name)) ?? "" });
  const full: WorkbookPlan = { ...plan, sheets: [...plan.sheets, registerSheet(entries.values())] };

  try {
    const rendered = await renderPlan(context, full, options);
    return {
      ...rendered,
      replaced: plan.sheets.filter((s) => existing.has(key(s.name))).map((s) => s.name),
      added: plan.sheets.filter((s) => !existing.has(key(s.name))).map((s) => s.name),
      totalSyncs: 1 + rendered.syncs,
    };
  } catch (e) {
    throw await afterFailure(context, plan, { existing, before, fingerprints, original: register, register: entries }, e);
  }
}

interface BeforeWrite {
  existing: Map<string, string>;
  before: Map<string, string>;
  fingerprints: Map<string, string>;
  /** The register as it was read before the write. */
  original: Map<string, { sheet: string; fingerprint: string }>;
  /** The register as it was to be written. */
  register: Map<string, { sheet: string; fingerprint: string }>;
}

/**
 * After a failed sync: reads what the plan's sheets now hold (one sync), then removes the
 * render's temporary sheets and registers what is there (one more), and describes it. If Excel
 * refuses even that (the connection may be gone), the description says so and keeps what
 * could be learned.
 */
async function afterFailure(context: Excel.RequestContext, plan: WorkbookPlan, was: BeforeWrite, cause: unknown): Promise<WriteFailedError> {
  let states: SheetState[] = plan.sheets.map((s) => ({ sheet: s.name, outcome: "unknown" }));
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const reads = queueContent(context, plan.sheets);
    await context.sync();
    const now = new Map(worksheets.items.map((ws) => [key(ws.name), ws.name]));
    const current = new Map<string, string>();
    states = reads.map((read): SheetState => {
      const k = key(read.plan.name);
      if (!now.has(k)) return { sheet: read.plan.name, outcome: was.existing.has(k) ? "removed" : "not-written" };
      const fingerprint = fingerprintOf(read);
      current.set(k, fingerprint);
      if (fingerprint === was.fingerprints.get(k)) return { sheet: read.plan.name, outcome: "written" };
      if (was.before.has(k) && fingerprint === was.before.get(k)) return { sheet: read.plan.name, outcome: "as-before" };
      return { sheet: read.plan.name, outcome: "incomplete" };
    });
    // The register lists the plan's sheets as they now are, so that running the job again
    // replaces what this write left without asking; a sheet the write did not reach keeps its
    // old entry, or none (it may not have been the add-in's).
    for (const s of states) {
      const k = key(s.sheet);
      const fingerprint = current.get(k);
      const old = was.original.get(k);
      if (s.outcome === "as-before") {
        if (old) was.register.set(k, old);
        else was.register.delete(k);
      } else if (fingerprint === undefined) was.register.delete(k);
      else was.register.set(k, { sheet: s.sheet, fingerprint });
    }
    // Queued before the register's render, so that both go in its one sync.
    for (const ws of worksheets.items) if (TEMPORARY_NAME.test(ws.name) && !was.existing.has(key(ws.name))) ws.delete();
    await renderPlan(context, { sheets: [registerSheet(was.register.values())] });
    return new WriteFailedError(states, cause, true);
  } catch {
    return new WriteFailedError(states, cause, false);
  }
}
