/**
 * Collating return files in the pane: each file's bytes read by the file adapter (ExcelJS), the
 * returns and Section 11 audits collated by the engine, and the collated sheets as a plan. The
 * action log is the exception to "nothing here touches Excel": it lives in the workbook, so it is
 * read from the grids excel-operations.ts hands over (only the add-in's log sheets and register).
 * This module, the file adapter and ExcelJS load on first use through import(), so that the pane
 * opens without them.
 */
// First, before anything that parses with Zod: see no-eval.ts.
import "./no-eval";
import { ACTION_LOG_SHEET, LOG_BASE_SHEET, readLogBase, readLogSheet, type PreviousLog } from "../../core/actions";
import { collatedPlan, collateReturns, collateSummary, localToday, withActionLog, type CollateInput, type CollateResult } from "../../core/collate";
import { isInputError, stopIfAsked } from "../../core/errors";
import type { GridWorkbook } from "../../core/grid/grid";
import type { WorkbookPlan } from "../../core/plan/plan";
import { readWorkbookBuffer } from "../../files";
import { candidateNames, gridFingerprint, ownSheetFor, REGISTER_SHEET } from "../../excel/ownership";
import type { CollationRequest, CollationView, LongJob, ReturnFile } from "../operations";

/** A file read as a workbook, or, when it cannot be read, its reason in words (it still takes part, rejected). */
export async function readReturnFile(file: ReturnFile): Promise<CollateInput> {
  try {
    return { file: file.name, workbook: await readWorkbookBuffer(file.bytes, file.name) };
  } catch (e) {
    if (isInputError(e)) return { file: file.name, unreadable: e.message };
    throw e;
  }
}

/**
 * The sheets to read for the action log: the register, and every name the add-in's log and its
 * hidden copy could have been written under. Nothing else of the workbook is read.
 */
export const LOG_SHEETS: readonly string[] = [REGISTER_SHEET, ...[ACTION_LOG_SHEET, LOG_BASE_SHEET].flatMap((s) => [s, ...candidateNames(s)])];

export interface WorkbookLog {
  previous: PreviousLog | undefined;
  /** The log's sheets as read, by name, with what they held: replaced without asking while they still hold it. */
  carried: Map<string, string>;
}

/** The add-in's action log in the workbook, as the partnership has left it, if it wrote one. */
export function workbookLog(read: GridWorkbook): WorkbookLog {
  const log = ownSheetFor(read, ACTION_LOG_SHEET);
  const base = ownSheetFor(read, LOG_BASE_SHEET);
  const rows = log ? readLogSheet(log) : null;
  const carried = new Map<string, string>();
  for (const grid of [log, base]) if (grid) carried.set(grid.sheet, gridFingerprint(grid));
  return { previous: rows ? { rows: rows.rows, base: readLogBase(base) } : undefined, carried };
}

/**
 * The returns collated, with the one-line summary; `read` holds the workbook's action log sheets.
 * `job` hears of each file read and may stop it between files (collating writes nothing).
 */
export async function collateFiles(request: CollationRequest, read: GridWorkbook | null = null, today: string = localToday(), job?: LongJob): Promise<CollationView> {
  const inputs: CollateInput[] = [];
  const total = request.files.length;
  // One at a time: a large file's cells are not held twice over while the next one is read.
  for (const file of request.files) {
    stopIfAsked(job?.signal, "Stopped as you asked: nothing was collated, and nothing was written.");
    job?.onProgress?.({ step: "reading", done: inputs.length, total, unit: "files" });
    inputs.push(await readReturnFile(file));
  }
  job?.onProgress?.({ step: "building", done: total, total });
  const previous = read ? workbookLog(read).previous : undefined;
  const result = collateReturns(inputs, { ...(request.indicators ? { indicators: request.indicators } : {}), ...(previous ? { previousLog: previous } : {}), today });
  return { result, summary: collateSummary(result) };
}

/**
 * The collated sheets, with the action log merged into the log as the workbook holds it now
 * (read in the same Excel.run as the write), and the log's sheets that may be replaced as read.
 */
export function collationPlan(result: CollateResult, read: GridWorkbook | null = null, today: string = localToday()): { plan: WorkbookPlan; carried: Map<string, string>; result: CollateResult } {
  const log = read ? workbookLog(read) : { previous: undefined, carried: new Map<string, string>() };
  const merged = withActionLog(result, { ...(log.previous ? { previousLog: log.previous } : {}), today });
  return { plan: collatedPlan(merged), carried: log.carried, result: merged };
}
