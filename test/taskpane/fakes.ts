/**
 * Fake operations for the panels' jsdom tests. Reading and re-reading run the real engine on grids
 * built here (no Excel), so the panels are tested on what the engine really reports; writes resolve
 * with fixed results unless a test says otherwise.
 */
import { benchmark, localAuthorities, openDataSource, publishedColumns, readNeighbourList, suggestBenchmarkMap } from "../../src/core/benchmark";
import { isInputError } from "../../src/core/errors";
import { DEFAULT_MAX_CELLS, type CellValue, type Grid, type GridWorkbook } from "../../src/core/grid/grid";
import { csvToGrid, decodeText } from "../../src/files/csv";
import type { Indicator } from "../../src/core/model";
import { collateReturns, collateSummary, type CollateResult, type Submission } from "../../src/core/collate";
import * as gapJobs from "../../src/taskpane/office/gap-jobs";
import * as jobs from "../../src/taskpane/office/jobs";
import type { BenchmarkSource } from "../../src/core/benchmark";
import type { Warning } from "../../src/core/model";
import type { Operations, ReturnCheck, ReturnFile } from "../../src/taskpane/operations";

export function gridOf(sheet: string, rows: CellValue[][]): Grid {
  return {
    sheet,
    state: "visible",
    origin: { row: 0, col: 0 },
    rows: rows.map((r) => r.map((value) => ({ value, text: value === null ? "" : String(value), numberFormat: "General" }))),
    merges: [],
  };
}

/** A circulated scorecard: a title, one heading row (row 3), three indicators by two quarters, and a notes sheet. */
export const PARTNERSHIP: GridWorkbook = {
  file: "Partnership.xlsx",
  sheets: [
    gridOf("Scorecard", [
      ["Partnership scorecard 2024/25", null, null, null, null],
      [null, null, null, null, null],
      ["Indicator", "Q1 2024/25", "Q2 2024/25", "Target", "Good is"],
      ["Children subject to a CP plan for 2 years or more (%)", 3.5, 4.1, 2, "Low"],
      ["Strategy discussions within 1 working day (%)", 88, 93, 95, "High"],
      ["Referrals to children's social care", 410, "see note", null, null],
    ]),
    gridOf("Notes", [["Read me first"]]),
  ],
};

function indicator(id: string, name: string, agency: string, more: Partial<Indicator> = {}): Indicator {
  return { id, name, agency, unit: "percent", polarity: "higher", target: 90, contentArea: null, type: null, source: null, frequency: "quarterly", ...more };
}

/** An indicator set as a partnership keeps one: IDs, agencies, some placed by the set itself. */
export const INDICATOR_SET: Indicator[] = [
  indicator("CP01", "Child protection conferences held within 15 working days", "Children's social care"),
  indicator("CP02", "Children subject to a repeat child protection plan within 2 years", "Children's social care", { polarity: "lower", target: 18 }),
  indicator("PL01", "Strategy discussions attended by police", "Police", { contentArea: "Partnership working", type: "quantity", source: "management_information" }),
  indicator("XX01", "Zorbly flanges recalibrated", "Health", { unit: "count", target: null }),
];

/** A checked return with one issue of each kind, and one about the whole file (no cell). */
export const CHECKED_RETURN: ReturnCheck = {
  kind: "return",
  file: "Police Q2.xlsx",
  readable: true,
  valid: false,
  agency: "Police",
  partnership: "Barnsley Safeguarding Children Partnership",
  period: "Q2 2025/26",
  counts: { errors: 2, queries: 1, warnings: 1 },
  issues: [
    { code: "RET_TEMPLATE_OLD", severity: "warning", sheet: null, cell: null, message: "The template is an older version; it can still be checked." },
    { code: "RET_VALUE_MISSING", severity: "error", sheet: "Return", cell: "E7", message: "Return!E7: give a value for PL01, or mark it Not available with a reason." },
    { code: "RET_NOT_NUMBER", severity: "error", sheet: "Return", cell: "E8", message: "Return!E8: “about 40” is not a number." },
    { code: "RET_BIG_CHANGE", severity: "query", sheet: "Return", cell: "E9", message: "Return!E9: the figure rose by 25 points since last quarter; explain why in the commentary." },
  ],
};

const Q2 = { start: "2025-07-01", end: "2025-09-30", label: "Q2 2025/26" };

function submission(more: Partial<Submission> & Pick<Submission, "file">): Submission {
  return {
    kind: "return",
    agency: null,
    period: Q2,
    status: "accepted",
    errors: 0,
    warnings: 0,
    queries: 0,
    readable: true,
    reason: null,
    partnership: "Barnsley Safeguarding Children Partnership",
    issues: [],
    ...more,
  };
}

/**
 * A collation of three returns for Q2 2025/26: Children's social care accepted (with a query),
 * Police rejected with two errors, and Health's sent twice (its figures counted once); no
 * conflicts, so no agency is missing.
 */
export const COLLATED: CollateResult = {
  submissions: [
    submission({ file: "csc-q2.xlsx", agency: "Children's social care", queries: 1 }),
    submission({ file: "police-q2.xlsx", agency: "Police", status: "rejected", errors: 2, reason: "The return has 2 errors to fix." }),
    submission({ file: "health-q2.xlsx", agency: "Health" }),
    submission({ file: "health-q2 (copy).xlsx", agency: "Health" }),
  ],
  observations: [],
  missing: [],
  conflicts: [],
  expected: ["Children's social care", "Police", "Health"],
  missingByPeriod: [],
  duplicates: [{ agency: "Health", period: Q2, kept: "health-q2.xlsx", repeatedIn: ["health-q2 (copy).xlsx"], indicatorIds: ["XX01"], commentaryDiffers: [] }],
  notes: [],
  audits: [],
  auditConflicts: [],
  auditDuplicates: [],
  actionLog: null,
};

/**
 * A picked file read as the pane's benchmark jobs read it, for CSV files only: the file adapter's
 * .xlsx reader (ExcelJS) does not load under jsdom, and the engine's CSV reader is the same one.
 */
export function csvWorkbook(file: ReturnFile): GridWorkbook {
  return { file: file.name, sheets: [csvToGrid(decodeText(file.bytes).text, file.name, { maxCells: DEFAULT_MAX_CELLS })] };
}

export type FakeOperations = { [K in keyof Operations]: jest.Mock<ReturnType<Operations[K]>, Parameters<Operations[K]>> };

export function fakeOperations(overrides: Partial<Operations> = {}, workbook: GridWorkbook = PARTNERSHIP): FakeOperations {
  const defaults: Operations = {
    writeSampleSheet: async () => ({ summary: "Wrote the sheet “Scorecard” to this workbook." }),
    readWorkbook: async () => jobs.importWorkbook(workbook),
    extract: async (imported, overrides) => jobs.extract(imported, overrides),
    parseRecipe: async (text, fileName) => jobs.parseRecipe(text, fileName),
    readWithRecipe: async (imported, recipe) => jobs.readWithRecipe(imported, recipe),
    saveChoices: async () => ({ summary: "Kept your choices in this workbook, on the add-in's hidden sheet “Analyst settings”; they come back when the pane reads this workbook again." }),
    writeIndicatorSheets: async () => ({
      summary: "Wrote the sheets “Scorecard”, “Indicators” and “Observations”. Only sheets the add-in wrote were replaced.",
      counts: { red: 1, amber: 0, green: 1, notRated: 1, total: 3 },
    }),
    writeScorecard: async () => ({
      summary: "Wrote the sheet “Scorecard”. Only sheets the add-in wrote were replaced.",
      counts: { red: 1, amber: 0, green: 2, notRated: 0, total: 3 },
    }),
    selectCell: async () => undefined,
    readIndicatorSet: async () => ({ file: "Partnership.xlsx", sheet: "Indicators", indicators: INDICATOR_SET, warnings: [], savedChoices: null }),
    defaultFramework: async () => gapJobs.defaultFramework,
    parseFramework: async (text, fileName) => gapJobs.parseFramework(text, fileName),
    analyseGaps: async (request) => gapJobs.analyse(request),
    writeGapSheets: async () => ({ summary: "Wrote the sheets “Gap Analysis” and “Placements”. Only sheets the add-in wrote were replaced." }),
    checkReturn: async () => CHECKED_RETURN,
    writeValidationReport: async () => ({ summary: "Wrote the sheet “Validation report”. Only sheets the add-in wrote were replaced." }),
    watchEdits: async () => async () => undefined,
    templateChoices: async () => ({
      file: "Partnership.xlsx",
      sheet: "Indicators",
      agencies: ["Children's social care", "Police", "Health"],
      partnership: "Barnsley Safeguarding Children Partnership",
      indicators: 4,
    }),
    writeTemplate: async () => ({ summary: "Wrote the sheets “Return” and “Checks”. Only sheets the add-in wrote were replaced." }),
    writeAuditTemplate: async () => ({ summary: "Wrote the sheets “Audit”, “Actions” and “Audit checks”. Only sheets the add-in wrote were replaced." }),
    // The real collating, of files that could not be read (the file adapter's ExcelJS does not load
    // under jsdom): each is a rejected submission with the reader's reason.
    collateFiles: async (request) => {
      const result = collateReturns(
        request.files.map((f) => ({ file: f.name, unreadable: `“${f.name}” is not an Excel workbook (.xlsx): open it in Excel and save it as an Excel Workbook, then pick it again.` })),
        request.indicators ? { indicators: request.indicators } : {},
      );
      return { result, summary: collateSummary(result) };
    },
    writeCollation: async () => ({ summary: "Wrote the sheets “Submissions”, “Collated observations”, “Missing and conflicts” and “Issues”. Only sheets the add-in wrote were replaced." }),
    // The real engine on CSV files (see csvWorkbook).
    readOpenDataFiles: async (files) => {
      const sources: BenchmarkSource[] = [];
      const problems: string[] = [];
      const warnings: Warning[] = [];
      for (const f of files) {
        try {
          const read = openDataSource(csvWorkbook(f));
          sources.push(read.source);
          warnings.push(...read.warnings);
        } catch (e) {
          if (!isInputError(e)) throw e;
          problems.push(e.message);
        }
      }
      return { sources, areas: localAuthorities(sources), columns: publishedColumns(sources), problems, warnings };
    },
    readNeighbourFile: async (file) => {
      const list = readNeighbourList(csvWorkbook(file));
      return { file: file.name, list, authorities: list.entries.length };
    },
    compareArea: async (request) => benchmark(request.sources, { area: request.area, neighbours: request.neighbours }),
    suggestLinks: async (indicators, columns) => suggestBenchmarkMap(indicators, columns),
    readSavedBenchmarks: async () => null,
    saveBenchmarks: async () => ({ summary: "Wrote the sheet “Benchmark settings”. Only sheets the add-in wrote were replaced." }),
    writeReportBook: async (_request, _options, job) => {
      // As the real write reports: reading, building, the write beginning, then each request of it.
      job?.onProgress?.({ step: "reading", done: 0, total: 1 });
      job?.onProgress?.({ step: "building", done: 0, total: 1 });
      job?.onProgress?.({ step: "writing", done: 0, total: 1 });
      job?.onProgress?.({ step: "writing", done: 1, total: 2 });
      job?.onProgress?.({ step: "writing", done: 2, total: 2 });
      return { summary: "Wrote the sheets “Contents” and 9 content-area pages.", pages: 9, charts: 4, kept: 0 };
    },
    publishReportBook: async (_request, threshold) => ({
      fileName: "report-book-to-publish.xlsx",
      bytes: new Uint8Array([80, 75, 3, 4]),
      withheld: 3,
      summary: `2 counts from 1 to ${threshold} withheld, and 1 figure that would give one away; the book in this workbook is unchanged.`,
    }),
  };
  const all = { ...defaults, ...overrides };
  const mocks: Record<string, jest.Mock> = {};
  for (const [name, fn] of Object.entries(all) as [string, (...args: never[]) => unknown][]) mocks[name] = jest.fn(fn);
  return mocks as unknown as FakeOperations;
}

/** Elements a Tab key can reach, in document order: what keyboard users can get to. */
export function tabbable(root: ParentNode = document.body): HTMLElement[] {
  const candidates = root.querySelectorAll<HTMLElement>("button, input, select, textarea, a[href], [tabindex]");
  return [...candidates].filter((el) => {
    if (el.closest("[hidden]") || el.hasAttribute("data-tabster-dummy")) return false;
    if ((el as HTMLButtonElement).disabled) return false;
    return el.tabIndex >= 0;
  });
}
