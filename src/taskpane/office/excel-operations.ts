import type { WorkbookPlan } from "../../core/plan/plan";
import type { OperationResult, Operations } from "../operations";

/** "the sheet “Scorecard”" or "the sheets “A”, “B” and “C”". */
export function describeSheets(names: readonly string[]): string {
  const quoted = names.map((n) => `“${n}”`);
  if (quoted.length === 0) return "nothing";
  if (quoted.length === 1) return `the sheet ${quoted[0]}`;
  return `the sheets ${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/** What the operations need from Excel and from the lazily loaded engine; tests hand in stand-ins. */
export interface ExcelDeps {
  /** Excel.run: one batch against the open workbook. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  loadRenderer(): Promise<{
    renderPlan(context: Excel.RequestContext, plan: WorkbookPlan): Promise<{ syncs: number }>;
  }>;
  loadFirstPlan(): Promise<{ firstPlan(): WorkbookPlan }>;
}

/**
 * The engine and the Excel adapter load on first use through import(), so they stay out of the
 * bundle that opens the pane; webpack names the chunks after the comments.
 */
const excelDeps: ExcelDeps = {
  run: (batch) => Excel.run(batch),
  loadRenderer: () => import(/* webpackChunkName: "excel-adapter" */ "../../excel"),
  loadFirstPlan: () => import(/* webpackChunkName: "engine" */ "../../core/plan/first-plan"),
};

/** The operations, done in Excel through Office.js. This module is the only place the pane calls Excel.run. */
export function createExcelOperations(deps: ExcelDeps = excelDeps): Operations {
  return {
    async writeSampleSheet(): Promise<OperationResult> {
      const [{ renderPlan }, { firstPlan }] = await Promise.all([deps.loadRenderer(), deps.loadFirstPlan()]);
      const plan = firstPlan();
      await deps.run((context) => renderPlan(context, plan));
      const names = plan.sheets.map((s) => s.name);
      return { summary: `Wrote ${describeSheets(names)} to this workbook. Other sheets were left as they were.` };
    },
  };
}
