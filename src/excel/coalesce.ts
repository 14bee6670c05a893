/**
 * Saying each thing to Excel once. A plan lists number formats, styles, validation and unlocked
 * cells range by range, often one range per row (a return template's rows alternate between
 * counts and percentages); sent as it stands, that is one call, or one format per cell, for each.
 * These helpers turn such lists into few calls:
 * - number formats become one value for each long run of equal cells (Office.js applies a single
 *   value to the whole range) and one array only where formats really change from row to row,
 *   side by side columns sharing a call;
 * - ranges with the same style, validation or protection become one call over a RangeAreas
 *   (worksheet.getRanges), their addresses in lists short enough for Excel to take.
 * What the workbook ends up holding is exactly what applying the plan's list in order gives.
 */
import { columnLetters, parseRange, rangeAddress, type RangeRef } from "../core/grid/address";
import type { CellStyle, NumberFormatPlan } from "../core/plan/plan";
import { CALL_OVERHEAD_BYTES } from "./batch";

// ---------------------------------------------------------------------------------------------
// Number formats

/** A number format to set: one format for a rectangle, or an array of them (null leaves a cell as it is). */
export type FormatPiece =
  | { top: number; left: number; rows: number; columns: number; format: string }
  | { top: number; left: number; rows: number; columns: number; formats: (string | null)[][] };

interface Run {
  top: number;
  bottom: number;
  format: string;
}

/** What one call costs beyond its payload, in the adapter's estimate: two calls (getRange, the set). */
const PIECE_COST = 2 * CALL_OVERHEAD_BYTES + 48;
/** An empty cell inside an array ("null,"). */
const NULL_COST = 5;

/** Paints rows top..bottom of one column with a format, over whatever was there (later plan entries win). */
function paint(runs: Run[], top: number, bottom: number, format: string): void {
  const last = runs[runs.length - 1];
  if (!last || top > last.bottom) {
    if (last && last.bottom === top - 1 && last.format === format) last.bottom = bottom;
    else runs.push({ top, bottom, format });
    return;
  }
  // Overlapping an earlier entry: keep the parts of earlier runs outside this one.
  const kept: Run[] = [];
  for (const r of runs) {
    if (r.bottom < top || r.top > bottom) kept.push(r);
    else {
      if (r.top < top) kept.push({ ...r, bottom: top - 1 });
      if (r.bottom > bottom) kept.push({ ...r, top: bottom + 1 });
    }
  }
  kept.push({ top, bottom, format });
  kept.sort((a, b) => a.top - b.top);
  runs.length = 0;
  for (const r of kept) {
    const prev = runs[runs.length - 1];
    if (prev && prev.bottom === r.top - 1 && prev.format === r.format) prev.bottom = r.bottom;
    else runs.push({ ...r });
  }
}

interface ColumnPiece {
  top: number;
  bottom: number;
  /** A single format for the rows, or one per row. */
  format?: string;
  formats?: (string | null)[];
}

/** One column's runs as pieces: a long run alone, short runs gathered into arrays (gaps as nulls) while that is cheaper. */
function columnPieces(runs: Run[]): ColumnPiece[] {
  const out: ColumnPiece[] = [];
  let open: ColumnPiece | null = null;
  for (const r of runs) {
    const rows = r.bottom - r.top + 1;
    if (rows * (r.format.length + 3) >= PIECE_COST) {
      open = null;
      out.push({ top: r.top, bottom: r.bottom, format: r.format });
      continue;
    }
    if (open && (r.top - open.bottom - 1) * NULL_COST < PIECE_COST) {
      const formats = open.formats as (string | null)[];
      for (let row = open.bottom + 1; row < r.top; row++) formats.push(null);
      for (let i = 0; i < rows; i++) formats.push(r.format);
      open.bottom = r.bottom;
    } else {
      open = { top: r.top, bottom: r.bottom, formats: Array.from({ length: rows }, () => r.format) };
      out.push(open);
    }
  }
  // An array piece of one format throughout is a single value after all.
  return out.map((p) => (p.formats && p.formats.every((f) => f === p.formats?.[0]) ? { top: p.top, bottom: p.bottom, format: p.formats[0] as string } : p));
}

/**
 * The plan's number formats as pieces to set: equal neighbouring columns share a piece, a
 * single format is one value for its whole rectangle, and formats that change row by row go as
 * arrays. Applying the pieces gives every cell the format the plan's list gives it last.
 */
export function numberFormatPieces(entries: readonly NumberFormatPlan[]): FormatPiece[] {
  const columns = new Map<number, Run[]>();
  for (const nf of entries) {
    const r = parseRange(nf.range);
    for (let col = r.left; col <= r.right; col++) {
      let runs = columns.get(col);
      if (!runs) columns.set(col, (runs = []));
      paint(runs, r.top, r.bottom, nf.format);
    }
  }
  const pieces: { left: number; right: number; piece: ColumnPiece; columns: (string | null)[][] }[] = [];
  // Pieces ending at the previous column, by shape, to extend sideways.
  let open = new Map<string, (typeof pieces)[number]>();
  for (const col of [...columns.keys()].sort((a, b) => a - b)) {
    const next = new Map<string, (typeof pieces)[number]>();
    for (const p of columnPieces(columns.get(col) ?? [])) {
      const shape = p.format !== undefined ? `one|${p.top}|${p.bottom}|${p.format}` : `rows|${p.top}|${p.bottom}`;
      const prev = open.get(shape);
      if (prev && prev.right === col - 1) {
        prev.right = col;
        if (p.formats) prev.columns.push(p.formats);
        next.set(shape, prev);
      } else {
        const made = { left: col, right: col, piece: p, columns: p.formats ? [p.formats] : [] };
        pieces.push(made);
        next.set(shape, made);
      }
    }
    open = next;
  }
  return pieces.map(({ left, right, piece, columns: cols }) => {
    const base = { top: piece.top, left, rows: piece.bottom - piece.top + 1, columns: right - left + 1 };
    if (piece.format !== undefined) return { ...base, format: piece.format };
    return { ...base, formats: Array.from({ length: base.rows }, (_, i) => cols.map((c) => c[i] ?? null)) };
  });
}

// ---------------------------------------------------------------------------------------------
// Ranges that share a setting

/**
 * The longest address list sent to worksheet.getRanges. Excel refuses long lists with
 * InvalidArgument at a length it does not document (reports put it near 8,192 characters,
 * sooner with many areas), so the adapter stays well under.
 */
export const MAX_AREAS_ADDRESS = 2000;

/** Rectangles merged where two share a side exactly (the cells covered are the same). */
export function mergeRects(rects: readonly RangeRef[]): RangeRef[] {
  const pass = (list: RangeRef[], vertical: boolean): RangeRef[] => {
    const sorted = [...list].sort((a, b) => (vertical ? a.left - b.left || a.right - b.right || a.top - b.top : a.top - b.top || a.bottom - b.bottom || a.left - b.left));
    const out: RangeRef[] = [];
    for (const r of sorted) {
      const last = out[out.length - 1];
      if (last && vertical && last.left === r.left && last.right === r.right && r.top <= last.bottom + 1 && r.top >= last.top) last.bottom = Math.max(last.bottom, r.bottom);
      else if (last && !vertical && last.top === r.top && last.bottom === r.bottom && r.left <= last.right + 1 && r.left >= last.left) last.right = Math.max(last.right, r.right);
      else out.push({ ...r });
    }
    return out;
  };
  return pass(pass([...rects], true), false);
}

/** An A1 address for a rectangle ("B2", "B2:D9"). */
export function address(r: RangeRef): string {
  return rangeAddress(r.top, r.left, r.bottom, r.right);
}

/** Whole columns, "C:E" (or "C:C"). */
export function columnsAddress(left: number, right: number): string {
  return `${columnLetters(left)}:${columnLetters(right)}`;
}

/** Whole rows, zero-based, as Excel addresses them: "3:5". */
export function rowsAddress(top: number, bottom: number): string {
  return `${top + 1}:${bottom + 1}`;
}

/** Addresses joined into comma-separated lists of at most MAX_AREAS_ADDRESS characters, in order. */
export function addressLists(addresses: readonly string[], max = MAX_AREAS_ADDRESS): string[] {
  const out: string[] = [];
  let current = "";
  for (const a of addresses) {
    if (current && current.length + 1 + a.length > max) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}

/** Entries with equal keys together, in the order each key first appears. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): { key: string; first: number; items: T[] }[] {
  const groups = new Map<string, { key: string; first: number; items: T[] }>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    const g = groups.get(key);
    if (g) g.items.push(item);
    else groups.set(key, { key, first: i, items: [item] });
  });
  return [...groups.values()];
}

function intersects(a: RangeRef, b: RangeRef): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/**
 * Whether applying the entries group by group (each group where its key first appears) gives
 * the same cells as applying them one by one: true unless an entry overlaps a later one of
 * another group that changes the same thing differently and whose group comes first.
 * `clash(a, b)` says whether two entries change something in common to different values.
 */
export function groupingKeepsOrder<T>(items: readonly T[], rangeOf: (item: T) => RangeRef, keyOf: (item: T) => string, clash: (a: T, b: T) => boolean): boolean {
  const firstOf = new Map<string, number>();
  items.forEach((item, i) => {
    const k = keyOf(item);
    if (!firstOf.has(k)) firstOf.set(k, i);
  });
  const refs = items.map(rangeOf);
  const byTop = refs.map((_, i) => i).sort((a, b) => (refs[a] as RangeRef).top - (refs[b] as RangeRef).top);
  for (let x = 0; x < byTop.length; x++) {
    const i = byTop[x] as number;
    const a = refs[i] as RangeRef;
    for (let y = x + 1; y < byTop.length; y++) {
      const j = byTop[y] as number;
      const b = refs[j] as RangeRef;
      if (b.top > a.bottom) break;
      if (!intersects(a, b)) continue;
      const [early, late] = i < j ? [i, j] : [j, i];
      const ka = keyOf(items[early] as T);
      const kb = keyOf(items[late] as T);
      if (ka === kb || !clash(items[early] as T, items[late] as T)) continue;
      if ((firstOf.get(ka) as number) > (firstOf.get(kb) as number)) return false;
    }
  }
  return true;
}

/** Whether two styles set some property to different values. */
export function stylesClash(a: CellStyle, b: CellStyle): boolean {
  return (Object.keys(a) as (keyof CellStyle)[]).some((k) => b[k] !== undefined && a[k] !== undefined && a[k] !== b[k]);
}
