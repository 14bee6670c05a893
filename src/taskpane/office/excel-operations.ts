import { InputError } from "../../core/errors";
import type { WorkbookPlan } from "../../core/plan/plan";
import type { Operations } from "../operations";

/** The part of the Excel adapter the operations use (src/excel). */
export type ExcelAdapter = Pick<typeof import("../../excel"), "readWorkbook" | "renderPlan" | "selectCell">;
/** The engine's side of the operations (./jobs). */
export type Jobs = typeof import("./jobs");

/** What the operations need from Excel and from the lazily loaded code; tests hand in stand-ins. */
export interface ExcelDeps {
  /** Excel.run: one batch against the open workbook. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  loadAdapter(): Promise<ExcelAdapter>;
  loadJobs(): Promise<Jobs>;
}

/**
 * The engine and the Excel adapter load on first use through import(), so they stay out of the
 * bundle that opens the pane; webpack names the chunks after the comments.
 */
const excelDeps: ExcelDeps = {
  run: (batch) => Excel.run(batch),
  loadAdapter: () => import(/* webpackChunkName: "excel-adapter" */ "../../excel"),
  loadJobs: () => import(/* webpackChunkName: "engine" */ "./jobs"),
};

/**
 * Writes a plan as the add-in's own sheets: one sync to learn the workbook's sheet names and the
 * add-in's list of its sheets, then the adapter's render (one sync unless the plan is over 5 MB).
 * The number of syncs does not grow with the plan.
 */
async function writeOwnPlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  adapter: ExcelAdapter,
  jobs: Jobs,
  mustKeepName: readonly string[] = [],
): Promise<string> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const list = worksheets.getItemOrNullObject(jobs.OWN_SHEETS_SHEET).getUsedRangeOrNullObject(true);
  list.load("values");
  await context.sync();
  const placed = jobs.placeOwnSheets(
    plan,
    worksheets.items.map((ws) => ws.name),
    jobs.ownSheetsFromValues(list.isNullObject ? null : list.values),
    mustKeepName,
  );
  if ("blocked" in placed) {
    throw new InputError(`This workbook already has a sheet called “${placed.blocked}” that the add-in did not write: rename it, then try again.`, {
      sheet: placed.blocked,
    });
  }
  await adapter.renderPlan(context, placed.plan);
  return jobs.describeWrite(placed);
}

/** The operations, done in Excel through Office.js. This module is the only place the pane calls Excel.run. */
export function createExcelOperations(deps: ExcelDeps = excelDeps): Operations {
  const load = () => Promise.all([deps.loadAdapter(), deps.loadJobs()]);
  return {
    async writeSampleSheet() {
      const [adapter, jobs] = await load();
      const summary = await deps.run((context) => writeOwnPlan(context, jobs.firstPlan(), adapter, jobs));
      return { summary };
    },

    async readWorkbook() {
      const [adapter, jobs] = await load();
      const read = await deps.run((context) => adapter.readWorkbook(context));
      return jobs.importWorkbook(read);
    },

    async extract(imported, overrides) {
      const jobs = await deps.loadJobs();
      return jobs.extract(imported, overrides);
    },

    async writeIndicatorSheets(request) {
      const [adapter, jobs] = await load();
      // Everything is worked out before Excel is asked for anything, so a problem with the
      // analyst's settings never leaves a half-written workbook.
      const { plan, counts } = jobs.indicatorSheetsJob(request);
      const summary = await deps.run((context) => writeOwnPlan(context, plan, adapter, jobs));
      return { summary, counts };
    },

    async writeScorecard(data, settings) {
      const [adapter, jobs] = await load();
      const { sheet, counts } = jobs.scorecardJob(data, settings);
      const summary = await deps.run((context) => writeOwnPlan(context, { sheets: [sheet], activeSheet: sheet.name }, adapter, jobs));
      return { summary, counts };
    },

    async selectCell(sheet, cell) {
      const adapter = await deps.loadAdapter();
      await deps.run((context) => adapter.selectCell(context, sheet, cell));
    },
  };
}
