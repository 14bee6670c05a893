/**
 * What the panels can ask of the workbook. The panels receive an Operations object as a prop and
 * never touch Office.js themselves: the real one (office/excel-operations.ts) runs in Excel, and
 * tests hand in fakes. Each operation resolves with plain data to show, or rejects; the panel
 * shows the rejection's message (see describeError).
 *
 * Only types come from the engine here: the engine itself loads lazily, inside the operations,
 * so that the pane opens quickly.
 */
import type { AreaSummary, BenchmarkResult, BenchmarkSource, MapSuggestion, NeighbourList, PublishedColumn } from "../core/benchmark";
import type { CollateResult } from "../core/collate";
import type { GridWorkbook } from "../core/grid/grid";
import type { IngestDetail, LayoutOverrides } from "../core/ingest";
import type { GapResult, PlacementOverrides } from "../core/gap";
import type { AnalystChoices, BenchmarkMap, BenchmarkSettings, Framework, Indicator, IngestResult, Polarity, ReadingRecipe, ValidationIssue, Warning } from "../core/model";
import type { LayoutKey, RecipeUse } from "../core/recipes";
import type { ScorecardGroupBy } from "../core/scorecard/rows";

/** How to write, when the pane has asked the person first. */
export interface WriteOptions {
  /**
   * Sheets the person said may be replaced, answering the question a write asked instead of
   * replacing them (a sheet changed by hand since the add-in wrote it, or one that is theirs).
   */
  replace?: readonly string[];
}

/**
 * A write that stopped to ask first: nothing was written. The pane shows `question` with
 * "Replace" and "Keep" and, on Replace, runs the write again with `replace: sheets`.
 */
export interface ReplaceQuestion {
  question: string;
  sheets: string[];
}

export interface OperationResult {
  /** One or two sentences saying what was done, shown to the user as written. */
  summary: string;
}

/** A workbook as read for the Import section: what the engine needs to read it again. */
export interface ImportedWorkbook {
  /** The workbook's name, for messages. */
  file: string;
  /** The analyst's sheets as read, kept so that corrections re-run without going back to Excel. */
  workbook: GridWorkbook;
  /** Sheets left out because the add-in wrote them (reading them would count every figure twice). */
  ownSheets: string[];
  /** The benchmark settings the add-in kept in this workbook, if any (read with the rest, at no extra cost). */
  savedBenchmarks?: BenchmarkSettings | null;
  /** The Analyst tab's choices the add-in kept in this workbook, if any (read with the rest, at no extra cost). */
  savedChoices?: AnalystChoices | null;
  /** Each sheet's layout key, by sheet name: what a reading recipe finds the sheet by. */
  layoutKeys?: Record<string, LayoutKey>;
}

/** A workbook read, and read with the corrections its kept reading recipe gives each sheet's layout. */
export interface WorkbookRead {
  imported: ImportedWorkbook;
  extraction: Extraction;
  /** The corrections the reading used: those the kept recipe gives (none where it keeps none or fits no sheet). */
  applied: LayoutOverrides;
  /** What the kept recipe did, or null where it did nothing. */
  recipe: RecipeUse | null;
}

/** A workbook read again with a recipe from a file. */
export interface RecipeReading {
  extraction: Extraction;
  applied: LayoutOverrides;
  use: RecipeUse;
}

/** What the engine found, with or without the analyst's corrections. */
export interface Extraction {
  /** Observations, indicators, warnings and the layout each sheet was read with. */
  detail: IngestDetail;
  /**
   * Why nothing could be read, in a sentence, when no sheet looked like a table of figures.
   * The layouts are still there, so the analyst can correct them and read again.
   */
  problem: string | null;
}

/** A polarity or target the analyst gives an indicator that lacks one. */
export interface RatingAddition {
  indicatorId: string | null;
  indicator: string;
  polarity?: Polarity;
  /** In the indicator's units: 90 means 90% for a percentage. */
  target?: number;
}

export interface ScorecardSettings {
  /** Green where at least this percentage of target is achieved (95 means 95%). */
  greenPercent: number;
  /** Amber where at least this percentage; red below. */
  amberPercent: number;
  groupBy: ScorecardGroupBy;
  additions: RatingAddition[];
  /** Official statistics to set beside the linked indicators (the Benchmarks section's choices). */
  benchmarks?: ScorecardBenchmarkRequest;
  /** The Analyst tab's choices, kept in the workbook (the hidden "Analyst settings" sheet) with what is written. */
  keep?: AnalystChoices;
}

/** What the scorecard is compared with: the files read, the area, the neighbours and the map. */
export interface ScorecardBenchmarkRequest {
  sources: BenchmarkSource[];
  area: string;
  neighbours: NeighbourList | null;
  map: BenchmarkMap;
  /** Kept in the workbook with the Scorecard, so that the pane finds them again. */
  settings: BenchmarkSettings;
}

/** A local authority the open-data files have figures for, as the area box offers it. */
export type AreaChoice = AreaSummary;

/** The open-data files the person picked, read. Nothing is kept but in the pane, and nothing leaves the computer. */
export interface OpenDataFiles {
  sources: BenchmarkSource[];
  /** Every local authority in the files, by name. */
  areas: AreaChoice[];
  /** Every published column and its breakdowns: what an indicator can be linked to. */
  columns: PublishedColumn[];
  /** Files that could not be used, each in one sentence naming it; the others are still read. */
  problems: string[];
  warnings: Warning[];
}

/** A neighbour list the person picked, read. */
export interface NeighbourFile {
  file: string;
  list: NeighbourList;
  /** How many authorities it lists neighbours for. */
  authorities: number;
}

export interface BenchmarkRequest {
  sources: BenchmarkSource[];
  /** A name, a nine-character code or a three-digit number. */
  area: string;
  neighbours: NeighbourList | null;
}

/** Ratings of each scorecard row's latest figure. */
export interface RagTally {
  red: number;
  amber: number;
  green: number;
  notRated: number;
  /** Rows on the scorecard. */
  total: number;
}

export interface ScorecardResult extends OperationResult {
  counts: RagTally;
  /** With benchmarks: how many indicators got comparators, and each link that could not be used, in words. */
  benchmarks?: { linked: number; notes: string[] };
}

export interface IndicatorSheetsRequest {
  data: IngestResult;
  settings: ScorecardSettings;
  /** Also write the Scorecard sheet, with `settings`. */
  includeScorecard: boolean;
}

export interface IndicatorSheetsResult extends OperationResult {
  /** The scorecard's counts, when it was written. */
  counts: RagTally | null;
}

/** The workbook's indicator set, as read for the gap analysis. */
export interface IndicatorSetResult {
  file: string;
  /** The sheet it was read from. */
  sheet: string | null;
  indicators: Indicator[];
  warnings: Warning[];
  /** The Analyst tab's choices the add-in kept in this workbook, if any (read with the set). */
  savedChoices?: AnalystChoices | null;
}

export interface GapRequest {
  indicators: Indicator[];
  framework: Framework;
  /** The analyst's confirmed or changed placements, by indicator ID or name. */
  overrides: PlacementOverrides;
  /** Also write the Indicators sheet (the set with the measures the analyst added). */
  writeIndicators?: boolean;
  /** The Analyst tab's choices, kept in the workbook with the sheets written. */
  keep?: AnalystChoices;
}

export interface GapView {
  result: GapResult;
  /** Each area's gaps in words, by area name ("No outcome information; nothing from frontline staff."). */
  words: Record<string, string>;
}

/** A filled return or Section 11 audit, checked. */
export interface ReturnCheck {
  /** What the workbook holds, by the specification it carries. */
  kind: "return" | "section-11-audit";
  file: string;
  /** False when the workbook holds no return the add-in can check (no specification or no Return sheet). */
  readable: boolean;
  /** No errors; queries and warnings allowed. */
  valid: boolean;
  agency: string | null;
  partnership: string | null;
  /** The period's label ("Q2 2025/26"). */
  period: string | null;
  counts: { errors: number; queries: number; warnings: number };
  /** Each with the cell to look at, where there is one, in reading order. */
  issues: ValidationIssue[];
}

/** What a return template can be made for, from the workbook's indicator set. */
export interface TemplateChoices {
  file: string;
  sheet: string | null;
  agencies: string[];
  /** The partnership's name as the set gives it. */
  partnership: string;
  indicators: number;
}

export interface TemplateRequest {
  agency: string;
  /** A period label ("Q2 2025/26"). */
  period: string;
  /** YYYY-MM-DD, or null for none. */
  due: string | null;
  /** The partnership's name on the return; null for the set's own. */
  partnership: string | null;
}

/** A Section 11 self-audit for one agency and period. */
export interface AuditTemplateRequest {
  agency: string;
  /** A period label ("2025/26"). */
  period: string;
  /** YYYY-MM-DD, or null for none. */
  due: string | null;
  /** The partnership's name on the audit; null for none. */
  partnership: string | null;
}

/** A file the person picked: its name and its bytes, as the browser read them. */
export interface ReturnFile {
  name: string;
  bytes: Uint8Array;
}

export interface CollationRequest {
  files: ReturnFile[];
  /** The indicator set, whose agencies are the returns expected; without it nothing is "missing". */
  indicators?: Indicator[];
}

/** A collation, with its one-line summary ("2 returns: 1 accepted, 1 rejected; …"). */
export interface CollationView {
  result: CollateResult;
  summary: string;
}

/**
 * How far a long job has got: which step, and how much of it is done: rows of the workbook read,
 * files read, or (while writing) the requests sent of all there are.
 */
export interface Progress {
  step: "reading" | "building" | "writing";
  done: number;
  total: number;
  /** What `done` and `total` count, where it is not the write's requests. */
  unit?: "rows" | "files";
}

/**
 * How a long job reports and is stopped. Stopping is honoured only where it leaves nothing half
 * done: while reading (which changes nothing) and before a write's first request. Once the write
 * has begun (a "writing" progress with `done` 0) it runs to its end, so that no sheet is left
 * half-written; a write Excel fails part way is reported sheet by sheet as before.
 */
export interface LongJob {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

/** The report book: built from the indicator sheets, with the framework the Gap section uses. */
export interface ReportBookRequest {
  framework: Framework | null;
  /**
   * The RAG thresholds of the Scorecard section; null where the pane has not yet found the
   * choices kept in the workbook, and then the kept thresholds are used (or the defaults).
   */
  settings: ScorecardSettings | null;
  /** The Analyst tab's choices, kept in the workbook with the book. */
  keep?: AnalystChoices;
}

export interface ReportBookResult extends OperationResult {
  pages: number;
  charts: number;
  /** Pages whose story or actions were kept from the earlier book. */
  kept: number;
  /** The Analyst tab's choices the add-in kept in this workbook, as read with the book's sheets. */
  savedChoices?: AnalystChoices | null;
}

/** A copy of the book to publish, as a file to download: the book in the workbook is left as it is. */
export interface PublishedBook {
  fileName: string;
  bytes: Uint8Array;
  /** Figures withheld, and why, in a sentence. */
  summary: string;
  withheld: number;
}

export interface Operations {
  /** Writes the sample scorecard sheet into the open workbook (replacing an earlier copy of it, and nothing else). */
  writeSampleSheet(options?: WriteOptions): Promise<OperationResult>;

  /**
   * Reads every sheet of the open workbook and what the engine finds in it, with the corrections
   * the reading recipe kept in the workbook gives each sheet's layout, and the choices kept there.
   * Writes nothing; `job` hears of the rows read and may stop it.
   */
  readWorkbook(job?: LongJob): Promise<WorkbookRead>;
  /** Reads the sheets already read again, with the analyst's corrections; no trip to Excel. */
  extract(imported: ImportedWorkbook, overrides: LayoutOverrides): Promise<Extraction>;
  /** A reading recipe from a file's text; rejects with the first problem in words. */
  parseRecipe(text: string, fileName: string): Promise<ReadingRecipe>;
  /** Reads the sheets already read again, each with the corrections the recipe keeps for its layout; no trip to Excel. */
  readWithRecipe(imported: ImportedWorkbook, recipe: ReadingRecipe): Promise<RecipeReading>;
  /** Keeps the Analyst tab's choices in this workbook (the hidden sheet "Analyst settings"), writing nothing else. */
  saveChoices(choices: AnalystChoices, options?: WriteOptions): Promise<OperationResult>;
  /** Writes the Indicators and Observations sheets (and the Scorecard) as the add-in's own sheets. */
  writeIndicatorSheets(request: IndicatorSheetsRequest, options?: WriteOptions, job?: LongJob): Promise<IndicatorSheetsResult>;
  /** Writes the Scorecard sheet alone, replacing the add-in's earlier one. */
  writeScorecard(data: IngestResult, settings: ScorecardSettings, options?: WriteOptions, job?: LongJob): Promise<ScorecardResult>;

  /** Reads the workbook's indicator set (the add-in's Indicators sheet first). Writes nothing. */
  readIndicatorSet(): Promise<IndicatorSetResult>;
  /** The built-in content-area framework. */
  defaultFramework(): Promise<Framework>;
  /** A framework from a partnership's JSON file; rejects with the first problem in words. */
  parseFramework(text: string, fileName: string): Promise<Framework>;
  /** The gap analysis; no trip to Excel. */
  analyseGaps(request: GapRequest): Promise<GapView>;
  /** Writes the Gap Analysis and Placements sheets (and the Indicators sheet when asked). */
  writeGapSheets(request: GapRequest, options?: WriteOptions, job?: LongJob): Promise<OperationResult>;

  /** Reads the workbook and checks the return in it. Writes nothing. */
  checkReturn(): Promise<ReturnCheck>;
  /** Writes the Validation report sheet for the return in this workbook. */
  writeValidationReport(options?: WriteOptions): Promise<OperationResult>;
  /**
   * Calls `onEdit` after each change to any sheet, until the returned function is called (which
   * removes the handler from Excel).
   */
  watchEdits(onEdit: () => void): Promise<() => Promise<void>>;
  /** What a template can be made for: the indicator set's agencies. Writes nothing. */
  templateChoices(): Promise<TemplateChoices>;
  /** Writes a return template (Return, Checks and its hidden specification) as sheets of this workbook. */
  writeTemplate(request: TemplateRequest, options?: WriteOptions): Promise<OperationResult>;
  /** Writes a Section 11 self-audit (Audit, Actions, Audit checks and its hidden specification) as sheets of this workbook. */
  writeAuditTemplate(request: AuditTemplateRequest, options?: WriteOptions): Promise<OperationResult>;

  /**
   * Reads the picked return and audit files (a file that cannot be read takes part as rejected,
   * with its reason) and collates them, with the workbook's action log as it stands (read, never
   * written).
   */
  collateFiles(request: CollationRequest, job?: LongJob): Promise<CollationView>;
  /**
   * Writes the collated sheets (Submissions, Collated observations, and for audits the summary,
   * challenge list and action log) as the add-in's own sheets. The action log is merged into the
   * log as the workbook holds it at the moment of writing, so no edit made by hand is lost.
   */
  writeCollation(result: CollateResult, options?: WriteOptions, job?: LongJob): Promise<OperationResult>;

  /** Shows a cell: activates its sheet and selects it. */
  selectCell(sheet: string, cell: string): Promise<void>;

  /** Reads the open-data files the person picked (a file that cannot be used is a problem in words); no trip to Excel. */
  readOpenDataFiles(files: ReturnFile[]): Promise<OpenDataFiles>;
  /** Reads a statistical-neighbour list the person picked; rejects with one sentence when it is not one. */
  readNeighbourFile(file: ReturnFile): Promise<NeighbourFile>;
  /** One area against England, its region and its neighbours, for every published indicator; no trip to Excel. */
  compareArea(request: BenchmarkRequest): Promise<BenchmarkResult>;
  /** Links suggested from the indicators' names, each with how sure; no trip to Excel. */
  suggestLinks(indicators: Indicator[], columns: PublishedColumn[]): Promise<MapSuggestion>;
  /** The benchmark settings kept in this workbook, or null. Reads only the add-in's register and that sheet. */
  readSavedBenchmarks(): Promise<BenchmarkSettings | null>;
  /** Keeps the benchmark settings in this workbook (a hidden sheet the add-in owns). */
  saveBenchmarks(settings: BenchmarkSettings, options?: WriteOptions): Promise<OperationResult>;

  /**
   * Writes the report book (a contents page and a page per content area) from the indicator
   * sheets, keeping what was written in an earlier book's story and action boxes; `job` hears of
   * each step, and of each request while writing, and may stop it before the write begins.
   */
  writeReportBook(request: ReportBookRequest, options?: WriteOptions, job?: LongJob): Promise<ReportBookResult>;
  /** Makes a copy of the book to publish, small numbers withheld, as a file; writes nothing into the workbook. */
  publishReportBook(request: ReportBookRequest, threshold: number): Promise<PublishedBook>;
}
