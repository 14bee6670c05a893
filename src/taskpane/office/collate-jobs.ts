/**
 * Collating return files in the pane: each file's bytes read by the file adapter (ExcelJS), the
 * returns collated by the engine, and the collated sheets as a plan. Nothing here touches Excel.
 * This module, the file adapter and ExcelJS load on first use through import(), so that the pane
 * opens without them.
 */
// First, before anything that parses with Zod: see no-eval.ts.
import "./no-eval";
import { collatedPlan, collateReturns, collateSummary, type CollateInput, type CollateResult } from "../../core/collate";
import { isInputError } from "../../core/errors";
import type { WorkbookPlan } from "../../core/plan/plan";
import { readWorkbookBuffer } from "../../files";
import type { CollationRequest, CollationView, ReturnFile } from "../operations";

/** A file read as a workbook, or, when it cannot be read, its reason in words (it still takes part, rejected). */
export async function readReturnFile(file: ReturnFile): Promise<CollateInput> {
  try {
    return { file: file.name, workbook: await readWorkbookBuffer(file.bytes, file.name) };
  } catch (e) {
    if (isInputError(e)) return { file: file.name, unreadable: e.message };
    throw e;
  }
}

/** The returns collated, with the one-line summary. */
export async function collateFiles(request: CollationRequest): Promise<CollationView> {
  const inputs: CollateInput[] = [];
  // One at a time: a large file's cells are not held twice over while the next one is read.
  for (const file of request.files) inputs.push(await readReturnFile(file));
  const result = collateReturns(inputs, request.indicators ? { indicators: request.indicators } : {});
  return { result, summary: collateSummary(result) };
}

export function collationPlan(result: CollateResult): WorkbookPlan {
  return collatedPlan(result);
}
