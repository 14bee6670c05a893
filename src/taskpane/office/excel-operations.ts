import { InputError, stopIfAsked } from "../../core/errors";
import type { WorkbookPlan } from "../../core/plan/plan";
import type { OwnedRenderOptions, ReadOptions } from "../../excel";
import type { AnalystChoices } from "../../core/model";
import type { LongJob, Operations, ScorecardSettings, WriteOptions } from "../operations";

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

/** What a write hears and heeds of a long job: stopped before its first request, then its requests counted. */
function writeJob(job: LongJob | undefined): Pick<OwnedRenderOptions, "signal" | "onWriteStart" | "onProgress"> {
  return {
    ...(job?.signal ? { signal: job.signal } : {}),
    onWriteStart: () => job?.onProgress?.({ step: "writing", done: 0, total: 1 }),
    onProgress: (p) => job?.onProgress?.({ step: "writing", done: p.done, total: p.total }),
  };
}

/** What a read hears and heeds of a long job: rows read, and a stop before any sync. */
function readJob(job: LongJob | undefined): Pick<ReadOptions, "signal" | "onProgress"> {
  return {
    ...(job?.signal ? { signal: job.signal } : {}),
    onProgress: (p) => job?.onProgress?.({ step: "reading", done: p.done, total: p.total, unit: "rows" }),
  };
}

/**
 * The pane's scorecard settings, or, before the pane has found the choices kept in the workbook,
 * the RAG thresholds kept there (polarities and targets come with the indicator sheets already).
 */
function settingsOrKept(settings: ScorecardSettings | null, kept: AnalystChoices | null): ScorecardSettings | null {
  if (settings) return settings;
  const t = kept?.thresholds;
  return t ? { greenPercent: t.green, amberPercent: t.amber, groupBy: kept?.groupBy ?? "agency", additions: [] } : null;
}

const STOPPED_BEFORE_WRITING = "Stopped as you asked, before anything was written: the workbook is as it was.";
/** Said after a write that kept the analyst's choices too (the sheet is hidden, so the write's own words leave it out). */
const CHOICES_KEPT = "Your choices are kept in this workbook, on the add-in's hidden sheet “Analyst settings”.";

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
  longJob?: LongJob,
): Promise<string> {
  const done = await adapter.renderOwnedPlan(context, plan, { job, fixedNames, force: options.replace ?? false, ...writeJob(longJob) });
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

    async readWorkbook(job) {
      const [adapter, jobs] = await withJobs();
      const read = await deps.run((context) => adapter.readWorkbook(context, readJob(job)));
      job?.onProgress?.({ step: "building", done: 0, total: 1 });
      return jobs.importWorkbook(read);
    },

    async parseRecipe(text, fileName) {
      return (await deps.loadJobs()).parseRecipe(text, fileName);
    },

    async readWithRecipe(imported, recipe) {
      return (await deps.loadJobs()).readWithRecipe(imported, recipe);
    },

    async saveChoices(choices, options) {
      const [adapter, jobs] = await withJobs();
      await deps.run((context) => writeOwnPlan(context, adapter, jobs.analystSettingsPlan(choices), "Analyst settings", options));
      // The write's own summary lists visible sheets only; this one is hidden, so it is said here.
      return { summary: `Kept your choices in this workbook, on the add-in's hidden sheet “Analyst settings”; they come back when the pane reads this workbook again.` };
    },

    async extract(imported, overrides) {
      const jobs = await deps.loadJobs();
      return jobs.extract(imported, overrides);
    },

    async writeIndicatorSheets(request, options, job) {
      const [adapter, jobs] = await withJobs();
      // Everything is worked out before Excel is asked for anything, so a problem with the
      // analyst's settings never leaves a half-written workbook.
      job?.onProgress?.({ step: "building", done: 0, total: 1 });
      const { plan, counts } = jobs.indicatorSheetsJob(request);
      stopIfAsked(job?.signal, STOPPED_BEFORE_WRITING);
      const summary = await deps.run((context) => writeOwnPlan(context, adapter, plan, "Indicator sheets", options, [], job));
      return { summary: request.settings.keep ? `${summary} ${CHOICES_KEPT}` : summary, counts };
    },

    async writeScorecard(data, settings, options, job) {
      const [adapter, jobs] = await withJobs();
      job?.onProgress?.({ step: "building", done: 0, total: 1 });
      const { sheet, extra, counts, benchmarks } = jobs.scorecardJob(data, settings);
      stopIfAsked(job?.signal, STOPPED_BEFORE_WRITING);
      // With benchmarks, the settings sheet goes in the same write: the Scorecard and what it was compared with stay together.
      const summary = await deps.run((context) => writeOwnPlan(context, adapter, { sheets: [sheet, ...extra], activeSheet: sheet.name }, "Scorecard", options, [], job));
      return { summary: settings.keep ? `${summary} ${CHOICES_KEPT}` : summary, counts, ...(benchmarks ? { benchmarks } : {}) };
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

    async writeGapSheets(request, options, job) {
      const [adapter, gap] = await withGap();
      job?.onProgress?.({ step: "building", done: 0, total: 1 });
      const plan = gap.gapPlan(request);
      stopIfAsked(job?.signal, STOPPED_BEFORE_WRITING);
      const summary = await deps.run((context) => writeOwnPlan(context, adapter, plan, "Gap analysis", options, [], job));
      return { summary: request.keep ? `${summary} ${CHOICES_KEPT}` : summary };
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

    async collateFiles(request, job) {
      const [adapter, collate] = await Promise.all([deps.loadAdapter(), deps.loadCollateJobs()]);
      // Only the add-in's log sheets and its register are read: the action log the collation updates.
      const read = await deps.run((context) => adapter.readWorkbook(context, { sheets: [...collate.LOG_SHEETS], ...(job?.signal ? { signal: job.signal } : {}) }));
      return collate.collateFiles(request, read, undefined, job);
    },

    async writeCollation(result, options, job) {
      const [adapter, collate] = await Promise.all([deps.loadAdapter(), deps.loadCollateJobs()]);
      // The log is read and written in one Excel.run: merged into what it holds now, and replaced
      // without asking only while it still holds exactly what was read.
      const summary = await deps.run(async (context) => {
        job?.onProgress?.({ step: "reading", done: 0, total: 1 });
        const read = await adapter.readWorkbook(context, { sheets: [...collate.LOG_SHEETS], ...(job?.signal ? { signal: job.signal } : {}) });
        job?.onProgress?.({ step: "building", done: 0, total: 1 });
        const { plan, carried } = collate.collationPlan(result, read);
        const done = await adapter.renderOwnedPlan(context, plan, { job: "Collated returns", force: options?.replace ?? false, carried, ...writeJob(job) });
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

    async writeReportBook(request, options, job) {
      const [adapter, jobs, report] = await Promise.all([deps.loadAdapter(), deps.loadJobs(), deps.loadReportJobs()]);
      const framework = request.framework ?? undefined;
      // Read and write in one Excel.run: the earlier book's pages are replaced without asking only
      // while they still hold what was read (the analyst's writing in them is carried over).
      return deps.run(async (context) => {
        job?.onProgress?.({ step: "reading", done: 0, total: 1 });
        const read = await adapter.readWorkbook(context, { sheets: report.reportSheets(framework), ...(job?.signal ? { signal: job.signal } : {}) });
        job?.onProgress?.({ step: "building", done: 0, total: 1 });
        const savedChoices = report.keptChoicesOf(read);
        const settings = settingsOrKept(request.settings, savedChoices);
        const rule = settings ? jobs.ruleOf(settings, []) : undefined;
        const built = report.reportFromWorkbook(read, { ...(framework ? { framework } : {}), ...(rule ? { rule } : {}) });
        const plan = request.keep ? { ...built.book.plan, sheets: [...built.book.plan.sheets, ...jobs.analystSettingsPlan(request.keep).sheets] } : built.book.plan;
        const done = await adapter.renderOwnedPlan(context, plan, { job: "Report book", force: options?.replace ?? false, carried: built.carried, ...writeJob(job) });
        const charts = built.book.sheets.reduce((n, s) => n + s.charts, 0);
        const keptWords = built.kept ? ` What was written on ${built.kept} page${built.kept === 1 ? "" : "s"} was kept.` : "";
        return {
          summary: `${done.summary}${keptWords}${request.keep ? ` ${CHOICES_KEPT}` : ""}`,
          pages: built.book.sheets.length - 1,
          charts,
          kept: built.kept,
          savedChoices,
        };
      });
    },

    async publishReportBook(request, threshold) {
      const [adapter, jobs, report] = await Promise.all([deps.loadAdapter(), deps.loadJobs(), deps.loadReportJobs()]);
      const framework = request.framework ?? undefined;
      const read = await deps.run((context) => adapter.readWorkbook(context, { sheets: report.reportSheets(framework) }));
      const settings = settingsOrKept(request.settings, report.keptChoicesOf(read));
      const rule = settings ? jobs.ruleOf(settings, []) : undefined;
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
