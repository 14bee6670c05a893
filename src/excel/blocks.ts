/**
 * Reading ranges in blocks of rows so that no answer passes Excel on the web's 5 MB response
 * limit, in as few `context.sync()` calls as the bytes allow.
 *
 * Each range to read (a target) carries an estimate of the bytes one of its rows adds to the
 * answer. A sync takes blocks of rows, target after target, until the estimates fill the budget
 * (4 MB, a fifth under the limit); a target that does not fit whole is cut, and the rest goes in
 * the next sync. After each sync the answer is measured (the JSON of what was loaded, as Excel
 * sends it) and each target's estimate becomes what its last block really weighed, so the next
 * blocks are sized from the data itself. If Excel still refuses an answer as too big
 * (ResponsePayloadSizeLimitExceeded), the blocks of that sync are halved and read again; a single
 * row Excel cannot send is reported as too large, not retried for ever.
 *
 * Syncs: one per budget's worth of answer, `ceil(bytes / budget)` when the estimates hold, plus
 * one for each refusal. The syncs run one after another because each block's size depends on
 * what the previous one weighed.
 */
import { stopIfAsked } from "../core/errors";
import { utf8Length } from "./batch";

/** Excel on the web's limit on the answer to one request. */
export const EXCEL_RESPONSE_LIMIT_BYTES = 5 * 1024 * 1024;
/** What the adapter lets one answer carry by its own estimate: a fifth below the limit. */
export const DEFAULT_RESPONSE_BUDGET_BYTES = 4 * 1024 * 1024;

const REFUSED = "ResponsePayloadSizeLimitExceeded";

export interface ReadTarget {
  sheet: Excel.Worksheet;
  /** The rectangle to read, zero-based. */
  top: number;
  left: number;
  rows: number;
  columns: number;
  /** Estimated bytes one row of it adds to the answer, for all the properties read. */
  bytesPerRow: number;
}

export interface ReadBlock {
  /** Index of the target in the list given. */
  target: number;
  /** The block's first row, zero-based in the sheet, and its number of rows. */
  top: number;
  rows: number;
  /** The block's range, its properties loaded. */
  range: Excel.Range;
}

export interface BlockReadResult {
  /** `context.sync()` calls made. */
  syncs: number;
  /** The answer's size at each sync, by the adapter's measure (the JSON of what was loaded). */
  responseBytes: number[];
  /** Targets with a row Excel could not send at all; blocks before it were delivered. */
  tooLarge: Map<number, { row: number }>;
}

/** What a block loads: the formulas alone (the ownership check), or everything a grid needs (reading the workbook). */
export type BlockProperties = "formulas" | "values,text,numberFormat,formulas,valueTypes";

/** Loads the properties, named literally so that Office's lint rules can see what is loaded. */
function loadBlock(range: Excel.Range, properties: BlockProperties): void {
  if (properties === "formulas") range.load("formulas");
  else range.load("values,text,numberFormat,formulas,valueTypes");
}

export interface BlockReadOptions {
  /** Properties to load on each block. */
  properties: BlockProperties;
  /** Bytes one answer may carry by the adapter's estimate. */
  budgetBytes?: number;
  /** Queued with the first sync (small loads that belong with the read, such as merged areas). */
  alongside?: () => void;
  /** Called for each block once its sync has succeeded, in row order within each target. */
  onBlock: (block: ReadBlock) => void;
  /** Stops before the next sync (a StoppedError with `stoppedMessage`): a read changes nothing, so it may stop between any two. */
  signal?: AbortSignal;
  stoppedMessage?: string;
}

/** Whether an error is Excel refusing an answer as too big. */
export function isRefusal(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === REFUSED;
}

/** The bytes a range's loaded properties take in the answer, as JSON. */
export function answerBytes(range: Excel.Range, properties: readonly string[]): number {
  let n = 0;
  for (const p of properties) n += utf8Length(JSON.stringify((range as unknown as Record<string, unknown>)[p]) ?? "null") + p.length + 4;
  return n;
}

/**
 * Reads the targets in row blocks (see the top of this module). At least one sync is made when
 * `alongside` is given, even with nothing to read.
 */
export async function readInBlocks(context: Excel.RequestContext, targets: readonly ReadTarget[], options: BlockReadOptions): Promise<BlockReadResult> {
  const budget = options.budgetBytes ?? DEFAULT_RESPONSE_BUDGET_BYTES;
  const properties = options.properties.split(",").map((p) => p.trim());
  const next = targets.map((t) => t.top);
  const perRow = targets.map((t) => Math.max(1, t.bytesPerRow));
  const result: BlockReadResult = { syncs: 0, responseBytes: [], tooLarge: new Map() };
  let alongside = options.alongside;

  const left = (i: number): number => {
    const t = targets[i] as ReadTarget;
    return result.tooLarge.has(i) ? 0 : t.top + t.rows - (next[i] as number);
  };

  /** The blocks of the next sync: rows of each target in turn until the estimates fill the budget; at least one row. */
  function plan(): { target: number; top: number; rows: number }[] {
    const out: { target: number; top: number; rows: number }[] = [];
    let room = budget;
    for (let i = 0; i < targets.length && room > 0; i++) {
      const rows = left(i);
      if (rows === 0) continue;
      const fit = Math.floor(room / (perRow[i] as number));
      const take = Math.min(rows, out.length === 0 ? Math.max(1, fit) : fit);
      if (take <= 0) break;
      out.push({ target: i, top: next[i] as number, rows: take });
      room -= take * (perRow[i] as number);
    }
    return out;
  }

  // One sync after another, written as recursion: each block's size depends on what the
  // previous sync's blocks weighed, so the next request cannot be queued before it is answered.
  async function step(): Promise<void> {
    stopIfAsked(options.signal, options.stoppedMessage);
    const blocks = plan();
    if (blocks.length === 0 && !alongside) return;
    const queued = blocks.map((b) => {
      const t = targets[b.target] as ReadTarget;
      const range = t.sheet.getRangeByIndexes(b.top, t.left, b.rows, t.columns);
      loadBlock(range, options.properties);
      return { ...b, range };
    });
    const extra = alongside;
    extra?.();
    result.syncs++;
    try {
      await context.sync();
    } catch (e) {
      if (!isRefusal(e) || queued.length === 0) throw e;
      result.responseBytes.push(0);
      const only = queued.length === 1 ? queued[0] : undefined;
      if (only && only.rows === 1) result.tooLarge.set(only.target, { row: only.top });
      // Half the rows next time: each target in the refused sync counts as twice as heavy.
      else for (const b of queued) perRow[b.target] = Math.max(perRow[b.target] as number, Math.ceil(budget / b.rows)) * 2;
      return step();
    }
    alongside = undefined;
    let bytes = 0;
    for (const b of queued) {
      const weight = answerBytes(b.range, properties);
      bytes += weight;
      perRow[b.target] = Math.max(1, Math.ceil(weight / b.rows));
      next[b.target] = b.top + b.rows;
      options.onBlock({ target: b.target, top: b.top, rows: b.rows, range: b.range });
    }
    result.responseBytes.push(bytes);
    return step();
  }

  await step();
  return result;
}
