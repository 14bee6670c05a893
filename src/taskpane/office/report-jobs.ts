/**
 * The report book in the task pane: the engine's side. The book is built from the indicator
 * sheets the add-in wrote (Observations and Indicators, as the analyst has left them), keeps what
 * the analyst wrote on an earlier book's pages, and is written as the add-in's own sheets. A copy
 * to publish is made as a file to download, so the book in the workbook, the working copy, is
 * never changed by it.
 */
import { candidateNames, gridFingerprint, ownSheetFor, REGISTER_SHEET } from "../../excel/ownership";
import { defaultFramework } from "../../core/framework";
import type { GridWorkbook } from "../../core/grid/grid";
import { readIndicatorSet } from "../../core/indicator-set";
import { INDICATORS_SHEET, OBSERVATIONS_SHEET, readObservationsSheet } from "../../core/indicator-sheets";
import { InputError } from "../../core/errors";
import type { Framework } from "../../core/model";
import type { WorkbookPlan } from "../../core/plan/plan";
import { RagRuleSchema, type RagRule } from "../../core/rag";
import { CONTENTS_SHEET, keptWriting, pageName, reportBook, type ReportBook } from "../../core/report/book";
import { ANALYST_SETTINGS_SHEET, readAnalystSettings } from "../../core/recipes/choices-sheet";
import type { AnalystChoices } from "../../core/model";

export interface ReportRequest {
  /** The framework the Gap section uses (the partnership's own, if loaded); the built-in one otherwise. */
  framework?: Framework;
  rule?: RagRule;
}

/**
 * The sheets the book is built from, the pages of an earlier book and the Analyst tab's kept
 * choices (its RAG thresholds, where the pane has not set any), under any name the add-in gave them.
 */
export function reportSheets(framework: Framework = defaultFramework): string[] {
  const own = [OBSERVATIONS_SHEET, INDICATORS_SHEET, CONTENTS_SHEET, ANALYST_SETTINGS_SHEET, ...framework.areas.map((a, i) => pageName(i, a.name))];
  return [REGISTER_SHEET, ...own.flatMap((s) => [s, ...candidateNames(s)])];
}

/** The Analyst tab's choices kept in the workbook, as read with the book's sheets. */
export function keptChoicesOf(read: GridWorkbook): AnalystChoices | null {
  const grid = ownSheetFor(read, ANALYST_SETTINGS_SHEET);
  return grid ? readAnalystSettings(grid) : null;
}

/** The book from the workbook's indicator sheets, keeping the earlier book's writing; the pages as read may be replaced without asking. */
export function reportFromWorkbook(read: GridWorkbook, request: ReportRequest, publish?: { threshold?: number }): { book: ReportBook; carried: Map<string, string>; kept: number } {
  const framework = request.framework ?? defaultFramework;
  const observationsGrid = ownSheetFor(read, OBSERVATIONS_SHEET);
  const observations = observationsGrid ? readObservationsSheet(observationsGrid) : null;
  if (!observations) {
    throw new InputError(`The report book is built from the indicator sheets: write them first (Import a workbook, then Write indicator sheets).`);
  }
  const indicatorsGrid = ownSheetFor(read, INDICATORS_SHEET);
  const indicators = indicatorsGrid ? readIndicatorSet({ file: read.file, sheets: [indicatorsGrid] }).indicators : [];
  const carried = new Map<string, string>();
  const pages = framework.areas.flatMap((area, i) => {
    const grid = ownSheetFor(read, pageName(i, area.name));
    if (!grid) return [];
    carried.set(grid.sheet, gridFingerprint(grid));
    return [{ area: area.name, cells: grid.rows.map((row) => row.map((c) => c.value)) }];
  });
  const contents = ownSheetFor(read, CONTENTS_SHEET);
  if (contents) carried.set(contents.sheet, gridFingerprint(contents));
  const kept = keptWriting(pages);
  const book = reportBook(observations, indicators, framework, { rule: request.rule ?? RagRuleSchema.parse({}), kept, ...(publish ? { publish } : {}) });
  return { book, carried, kept: [...kept.values()].filter((k) => k.story || k.actions).length };
}

/** The copy to publish as an .xlsx file's bytes, through the file adapter (loaded with this chunk). */
export async function publishedFile(plan: WorkbookPlan): Promise<Uint8Array> {
  const { renderPlanToXlsx } = await import(/* webpackChunkName: "collate-engine" */ "../../files");
  return renderPlanToXlsx(plan);
}
