/**
 * Splitting a write into as few `context.sync()` calls as Excel's request limit allows.
 *
 * A render is a list of steps; each queues a few Office.js calls and carries an estimate of the
 * bytes they add to the request (the JSON of their payloads plus a fixed allowance per call for
 * the object paths and action records Office.js wraps around them). Steps are packed in order
 * into batches under a budget; one batch is one sync. A step that writes rows of cells can be
 * cut between two rows where a batch fills up, the rest opening the next batch, so batches are
 * full and the number of syncs is the bytes written over the budget, rounded up, not a count of
 * blocks or rules.
 */

/** Excel's request payload limit (Excel on the web: 5 MB). */
export const EXCEL_REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/**
 * What the adapter lets one request carry by its own estimate: a fifth below the limit, because
 * Office.js's own framing of each call is only estimated.
 */
export const DEFAULT_REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;
/** Allowance per Office.js call (object path, action type, ids, property name). */
export const CALL_OVERHEAD_BYTES = 256;

export interface Step {
  /** Estimated request bytes of the calls this step queues. */
  bytes: number;
  /** Queues the calls (on proxies; nothing is sent until the batch syncs). */
  queue: () => void;
  /** Cuts the step into a first part of at most `room` bytes and the rest, or null where it cannot be cut so. */
  split?: (room: number) => [Step, Step] | null;
}

/** UTF-8 length of a string, without allocating (Office.js sends the request as UTF-8 JSON). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "null");
}

/**
 * Packs steps, in order, into batches whose estimates stay within the budget: a step that does
 * not fit is cut where it can be (its first part fills the batch, the rest starts the next);
 * a step over the budget that cannot be cut travels alone.
 */
export function packSteps(steps: Step[], budget: number): Step[][] {
  const batches: Step[][] = [];
  let current: Step[] = [];
  let size = 0;
  for (const whole of steps) {
    let step = whole;
    while (size + step.bytes > budget) {
      const parts = step.split?.(budget - size) ?? null;
      if (!parts && current.length === 0) break;
      if (parts) current.push(parts[0]);
      batches.push(current);
      current = [];
      size = 0;
      if (!parts) break;
      step = parts[1];
    }
    current.push(step);
    size += step.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * A step writing rows of cells (values or number formats) through `set(offset, rows)`, which
 * the packer may cut between rows. Its bytes are the rows' JSON and one call's allowance.
 */
export function rowsStep<T>(rows: T[][], set: (offset: number, rows: T[][]) => void): Step {
  const before = [0];
  for (const row of rows) before.push((before[before.length - 1] as number) + jsonBytes(row) + 1);
  const bytesOf = (from: number, to: number): number => 2 * CALL_OVERHEAD_BYTES + 2 + (before[to] as number) - (before[from] as number);
  const make = (from: number, to: number): Step => ({
    bytes: bytesOf(from, to),
    queue: () => set(from, rows.slice(from, to)),
    split: (room) => {
      let cut = from;
      while (cut < to && bytesOf(from, cut + 1) <= room) cut++;
      return cut === from || cut === to ? null : [make(from, cut), make(cut, to)];
    },
  });
  return make(0, rows.length);
}

export interface Chunk<T> {
  /** Offsets of the chunk's top-left cell within the block. */
  row: number;
  col: number;
  values: T[][];
  bytes: number;
}

/**
 * Cuts a rectangle of values into chunks of whole rows of at most `limit` bytes of JSON each; a
 * single row over the limit is cut into pieces of columns.
 */
export function chunkRows<T>(values: T[][], limit: number): Chunk<T>[] {
  const chunks: Chunk<T>[] = [];
  let start = 0;
  let rows: T[][] = [];
  let size = 2;
  const flush = (): void => {
    if (rows.length > 0) chunks.push({ row: start, col: 0, values: rows, bytes: size });
    rows = [];
    size = 2;
  };
  values.forEach((row, i) => {
    const rowBytes = jsonBytes(row) + 1;
    if (rowBytes + 2 > limit) {
      flush();
      chunks.push(...chunkColumns(row, i, limit));
      return;
    }
    if (rows.length > 0 && size + rowBytes > limit) flush();
    if (rows.length === 0) start = i;
    rows.push(row);
    size += rowBytes;
  });
  flush();
  return chunks;
}

function chunkColumns<T>(row: T[], rowIndex: number, limit: number): Chunk<T>[] {
  const chunks: Chunk<T>[] = [];
  let startCol = 0;
  let piece: T[] = [];
  let size = 4;
  row.forEach((v, j) => {
    const b = jsonBytes(v) + 1;
    if (piece.length > 0 && size + b > limit) {
      chunks.push({ row: rowIndex, col: startCol, values: [piece], bytes: size });
      piece = [];
      size = 4;
      startCol = j;
    }
    piece.push(v);
    size += b;
  });
  if (piece.length > 0) chunks.push({ row: rowIndex, col: startCol, values: [piece], bytes: size });
  return chunks;
}
