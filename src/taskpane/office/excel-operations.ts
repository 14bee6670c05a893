import { InputError } from "../../core/errors";
import type { WorkbookPlan } from "../../core/plan/plan";
import type { Operations, WriteOptions } from "../operations";

/** The part of the Excel adapter the operations use (src/excel). */
export type ExcelAdapter = Pick<typeof import("../../excel"), "readWorkbook" | "renderOwnedPlan" | "selectCell">;
/** The engine's side of the operations, in three lazily loaded parts. */
export type Jobs = typeof import("./jobs");
export type GapJobs = typeof import("./gap-jobs");
export type ReturnJobs = typeof import("./returns-jobs");
export type CollateJobs = typeof import("./collate-jobs");
export type BenchmarkJobs = typeof import("./benchmark-jobs");
export type ReportJobs = typeof import("./report-jobs");

/** What the operations need from Excel and from the lazily loaded code; tests hand in stand-ins. */
export interface ExcelDeps {
  /** Excel.run: one batch against the open workbook. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Excel.run on the context an event handler was added with, as removing the handler needs. */
  runIn<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  loadAdapter(): Promise<ExcelAdapter>;
  loadJobs(): Promise<Jobs>;
  loadGapJobs(): Promise<GapJobs>;
  loadReturnJobs(): Promise<ReturnJobs>;
  loadCollateJobs(): Promise<CollateJobs>;
  loadBenchmarkJobs(): Promise<BenchmarkJobs>;
  loadReportJobs(): Promise<ReportJobs>;
}

/**
 * The engine and the Excel adapter load on first use through import(), so they stay out of the
 * bundle that opens the pane; webpack names the chunks after the comments.
 */
const excelDeps: ExcelDeps = {
  run: (batch) => Excel.run(batch),
  runIn: (context, batch) => Excel.run(context, batch),
  loadAdapter: () => import(/* webpackChunkName: "excel-adapter" */ "../../excel"),
  loadJobs: () => import(/* webpackChunkName: "engine" */ "./jobs"),
  loadGapJobs: () => import(/* webpackChunkName: "gap-engine" */ "./gap-jobs"),
  loadReturnJobs: () => import(/* webpackChunkName: "returns-engine" */ "./returns-jobs"),
  // The file adapter and ExcelJS come with it.
  loadCollateJobs: () => import(/* webpackChunkName: "collate-engine" */ "./collate-jobs"),
  // The file adapter and ExcelJS come with it, as with collating.
  loadBenchmarkJobs: () => import(/* webpackChunkName: "benchmark-engine" */ "./benchmark-jobs"),
  loadReportJobs: () => import(/* webpackChunkName: "report-engine" */ "./report-jobs"),
};

/**
 * Writes a plan as the add-in's own sheets through the adapter's one write path
 * (src/excel/ownership.ts): one sync reads the sheet names, the register of the add-in's sheets
 * and what those sheets hold now, then the render (one sync unless the plan is over 5 MB). The
 * number of syncs does not grow with the plan. A sheet changed by hand, or a user's sheet of a
 * name that cannot move, makes it stop and ask (an OwnershipError) unless `options.replace`
 * names it.
 */
async function writeOwnPlan(
  context: Excel.RequestContext,
  adapter: ExcelAdapter,
  plan: WorkbookPlan,
  job: string,
  options: WriteOptions = {},
  fixedNames: readonly string[] = [],
): Promise<string> {
  const done = await adapter.renderOwnedPlan(context, plan, { job, fixedNames, force: options.replace ?? false });
  return done.summary;
}

/** The operations, done in Excel through Office.js. This module is the only place the pane calls Excel.run. */
export function createExcelOperations(deps: ExcelDeps = excelDeps): Operations {
  const withJobs = () => Promise.all([deps.loadAdapter(), deps.loadJobs()]);
  const withGap = () => Promise.all([deps.loadAdapter(), deps.loadGapJobs()]);
  const withReturns = () => Promise.all([deps.loadAdapter(), deps.loadReturnJobs()]);
  return {
    async writeSampleSheet(options) {
      const [adapter, jobs] = await withJobs();
      return { summary: await deps.run((context) => writeOwnPlan(context, adapter, jobs.firstPlan(), "Sample sheet", options)) };
    },

    async readWorkbook() {
      const [adapter, jobs] = await withJobs();
      const read = await deps.run((context) => adapter.readWorkbook(context));
      return jobs.importWorkbook(read);
    },

    async extract(imported, overrides) {
      const jobs = await deps.loadJobs();
      return jobs.extract(imported, overrides);
    },

    async writeIndicatorSheets(request, options) {
      const [adapter, jobs] = await withJobs();
      // Everything is worked out before Excel is asked for anything, so a problem with the
      // analyst's settings never leaves a half-written workbook.
      const { plan, counts } = jobs.indicatorSheetsJob(request);
      return { summary: await deps.run((context) => writeOwnPlan(context, adapter, plan, "Indicator sheets", options)), counts };
    },

    async writeScorecard(data, settings, options) {
      const [adapter, jobs] = await withJobs();
      const { sheet, extra, counts, benchmarks } = jobs.scorecardJob(data, settings);
      // With benchmarks, the settings sheet goes in the same write: the Scorecard and what it was compared with stay together.
      const summary = await deps.run((context) => writeOwnPlan(context, adapter, { sheets: [sheet, ...extra], activeSheet: sheet.name }, "Scorecard", options));
      return { summary, counts, ...(benchmarks ? { benchmarks } : {}) };
    },

    async readIndicatorSet() {
      const [adapter, gap] = await withGap();
      const read = await deps.run((context) => adapter.readWorkbook(context));
      return gap.indicatorSetOf(read);
    },

    async defaultFramework() {
      return (await deps.loadGapJobs()).defaultFramework;
    },

    async parseFramework(text, fileName) {
      return (await deps.loadGapJobs()).parseFramework(text, fileName);
    },

    async analyseGaps(request) {
      return (await deps.loadGapJobs()).analyse(request);
    },

    async writeGapSheets(request, options) {
      const [adapter, gap] = await withGap();
      const plan = gap.gapPlan(request);
      return { summary: await deps.run((context) => writeOwnPlan(context, adapter, plan, "Gap analysis", options)) };
    },

    async checkReturn() {
      const [adapter, returns] = await withReturns();
      const read = await deps.run((context) => adapter.readWorkbook(context));
      return returns.checkReturn(read);
    },

    async writeValidationReport(options) {
      const [adapter, returns] = await withReturns();
      // Read, check and write in one Excel.run, so the report is of the return as it is now.
      const summary = await deps.run(async (context) => {
        const { plan } = returns.reportPlan(await adapter.readWorkbook(context));
        return writeOwnPlan(context, adapter, plan, "Validation report", options);
      });
      return { summary };
    },

    async watchEdits(onEdit) {
      const handler = await deps.run(async (context) => {
        // Typed as always there, but missing from Excel builds older than ExcelApi 1.9.
        const onChanged = context.workbook.worksheets.onChanged as Excel.WorksheetCollection["onChanged"] | undefined;
        if (!onChanged) throw new InputError("This version of Excel cannot tell the add-in about edits.");
        const added = onChanged.add(async () => onEdit());
        await context.sync();
        return added;
      });
      return async () => {
        await deps.runIn(handler.context, async (context) => {
          handler.remove();
          await context.sync();
        });
      };
    },

    async templateChoices() {
      const [adapter, returns] = await withReturns();
      const read = await deps.run((context) => adapter.readWorkbook(context));
      return returns.templateChoices(read);
    },

    async writeTemplate(request, options) {
      const [adapter, returns] = await withReturns();
      const summary = await deps.run(async (context) => {
        const made = returns.templatePlan(await adapter.readWorkbook(context), request);
        const written = await writeOwnPlan(context, adapter, made.plan, "Return template", options, returns.TEMPLATE_FIXED_NAMES);
        return `${written} The ${made.period.label} return for ${made.agency} has ${made.indicators} indicator${made.indicators === 1 ? "" : "s"}.`;
      });
      return { summary };
    },

    async writeAuditTemplate(request, options) {
      const [adapter, returns] = await withReturns();
      const summary = await deps.run(async (context) => {
        const made = returns.auditTemplatePlanFor(await adapter.readWorkbook(context), request);
        const written = await writeOwnPlan(context, adapter, made.plan, "Section 11 audit template", options, returns.AUDIT_FIXED_NAMES);
        return `${written} The ${made.period.label} Section 11 self-audit is for ${made.agency}.`;
      });
      return { summary };
    },

    async collateFiles(request) {
      const [adapter, collate] = await Promise.all([deps.loadAdapter(), deps.loadCollateJobs()]);
      // Only the add-in's log sheets and its register are read: the action log the collation updates.
      const read = await deps.run((context) => adapter.readWorkbook(context, { sheets: [...collate.LOG_SHEETS] }));
      return collate.collateFiles(request, read);
    },

    async writeCollation(result, options) {
      const [adapter, collate] = await Promise.all([deps.loadAdapter(), deps.loadCollateJobs()]);
      // The log is read and written in one Excel.run: merged into what it holds now, and replaced
      // without asking only while it still holds exactly what was read.
      const summary = await deps.run(async (context) => {
        const read = await adapter.readWorkbook(context, { sheets: [...collate.LOG_SHEETS] });
        const { plan, carried } = collate.collationPlan(result, read);
        const done = await adapter.renderOwnedPlan(context, plan, { job: "Collated returns", force: options?.replace ?? false, carried });
        return done.summary;
      });
      return { summary };
    },

    async selectCell(sheet, cell) {
      const adapter = await deps.loadAdapter();
      await deps.run((context) => adapter.selectCell(context, sheet, cell));
    },

    async readOpenDataFiles(files) {
      return (await deps.loadBenchmarkJobs()).readOpenDataFiles(files);
    },

    async readNeighbourFile(file) {
      return (await deps.loadBenchmarkJobs()).readNeighbourFile(file);
    },

    async compareArea(request) {
      return (await deps.loadBenchmarkJobs()).compareArea(request);
    },

    async suggestLinks(indicators, columns) {
      return (await deps.loadBenchmarkJobs()).suggestLinks(indicators, columns);
    },

    async readSavedBenchmarks() {
      const [adapter, jobs] = await withJobs();
      // Only the register and the settings sheet (under any name it may have): three syncs, whatever the workbook holds.
      const read = await deps.run((context) => adapter.readWorkbook(context, { sheets: [...jobs.SAVED_BENCHMARK_SHEETS] }));
      return jobs.savedBenchmarksOf(read);
    },

    async writeReportBook(request, options, onProgress) {
      const [adapter, jobs, report] = await Promise.all([deps.loadAdapter(), deps.loadJobs(), deps.loadReportJobs()]);
      const framework = request.framework ?? undefined;
      // Read and write in one Excel.run: the earlier book's pages are replaced without asking only
      // while they still hold what was read (the analyst's writing in them is carried over).
      return deps.run(async (context) => {
        onProgress?.({ step: "reading", done: 0, total: 1 });
        const read = await adapter.readWorkbook(context, { sheets: report.reportSheets(framework) });
        onProgress?.({ step: "building", done: 0, total: 1 });
        const rule = request.settings ? jobs.ruleOf(request.settings, []) : undefined;
        const { book, carried, kept } = report.reportFromWorkbook(read, { ...(framework ? { framework } : {}), ...(rule ? { rule } : {}) });
        const done = await adapter.renderOwnedPlan(context, book.plan, {
          job: "Report book",
          force: options?.replace ?? false,
          carried,
          onProgress: (p) => onProgress?.({ step: "writing", done: p.done, total: p.total }),
        });
        const charts = book.sheets.reduce((n, s) => n + s.charts, 0);
        return { summary: `${done.summary}${kept ? ` What was written on ${kept} page${kept === 1 ? "" : "s"} was kept.` : ""}`, pages: book.sheets.length - 1, charts, kept };
      });
    },

    async publishReportBook(request, threshold) {
      const [adapter, jobs, report] = await Promise.all([deps.loadAdapter(), deps.loadJobs(), deps.loadReportJobs()]);
      const framework = request.framework ?? undefined;
      const read = await deps.run((context) => adapter.readWorkbook(context, { sheets: report.reportSheets(framework) }));
      const rule = request.settings ? jobs.ruleOf(request.settings, []) : undefined;
      const { book } = report.reportFromWorkbook(read, { ...(framework ? { framework } : {}), ...(rule ? { rule } : {}) }, { threshold });
      const bytes = await report.publishedFile(book.plan);
      const small = book.suppressed.filter((s) => s.reason === "small number").length;
      return {
        fileName: "report-book-to-publish.xlsx",
        bytes,
        withheld: book.suppressed.length,
        summary: `${small} count${small === 1 ? "" : "s"} from 1 to ${threshold} withheld, and ${book.suppressed.length - small} figure${book.suppressed.length - small === 1 ? "" : "s"} that would give one away; the book in this workbook is unchanged.`,
      };
    },

    async saveBenchmarks(settings, options) {
      const [adapter, jobs] = await withJobs();
      const plan = jobs.benchmarkSettingsPlan(settings);
      await deps.run((context) => writeOwnPlan(context, adapter, plan, "Benchmark settings", options));
      // The write's own summary lists visible sheets only; this one is hidden, so it is said here.
      return { summary: jobs.keptSummary(settings) };
    },
  };
}
