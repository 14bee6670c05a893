/**
 * The engine's model: the shapes of ../shared/contract/CLI.md as zod schemas, so that every
 * file we read (an indicator set, an ingest JSON, a framework, a return's specification) is
 * checked at the boundary and every JSON we write has exactly the contract's fields.
 * Field names and meanings follow the contract; extra fields are additions, never renames.
 */
import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date written YYYY-MM-DD");

/** A period: both dates inclusive. Quarters are financial-year quarters (Q1 = April to June). */
export const PeriodSchema = z.object({
  start: isoDate,
  end: isoDate,
  label: z.string(),
});
export type Period = z.infer<typeof PeriodSchema>;

export const UnitSchema = z.enum(["count", "percent", "rate", "days", "other"]);
export type Unit = z.infer<typeof UnitSchema>;

/** `higher`: a higher value is better. `lower`: lower is better. `band`: good is between two values. */
export const PolaritySchema = z.enum(["higher", "lower", "band"]);
export type Polarity = z.infer<typeof PolaritySchema>;

/**
 * `low_reliability` is the statistics mark `u` and `not_available` the marks `x` and `:` of
 * official statistics (../shared/contract/CLI.md): a figure that was not collected or published.
 */
export const ObservationStatusSchema = z.enum(["ok", "suppressed", "missing", "not_applicable", "low_reliability", "not_available"]);
export type ObservationStatus = z.infer<typeof ObservationStatusSchema>;

export const RagSchema = z.enum(["green", "amber", "red"]);
export type Rag = z.infer<typeof RagSchema>;

/** Where a figure came from: the file, sheet and A1 cell. */
export const SourceCellSchema = z.object({
  file: z.string(),
  sheet: z.string(),
  cell: z.string(),
});
export type SourceCell = z.infer<typeof SourceCellSchema>;

/**
 * The place a figure describes, where a file gives one row per area (official statistics: England,
 * regions, every local authority). `code` is the current nine-character code (E08000016);
 * `oldCode` (an addition) the three-digit code the Department for Education also publishes (370).
 */
export const AreaSchema = z.object({
  code: z.string().nullable(),
  name: z.string(),
  level: z.string(),
  oldCode: z.string().nullable().optional(),
});
export type Area = z.infer<typeof AreaSchema>;

export const ObservationSchema = z.object({
  /** The label as written in the source. */
  indicator: z.string(),
  indicatorId: z.string().nullable(),
  agency: z.string().nullable(),
  period: PeriodSchema,
  /** Null unless status is ok. Percentages are in percent units (87.5 means 87.5 %). */
  value: z.number().nullable(),
  status: ObservationStatusSchema,
  unit: UnitSchema,
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  target: z.number().nullable(),
  polarity: PolaritySchema.nullable(),
  /** Null where there is no target, no polarity, or no value. */
  rag: RagSchema.nullable(),
  source: SourceCellSchema,
  /** Addition: the mark as written for a suppressed or not-applicable figure ("<5", "n/a"). */
  mark: z.string().optional(),
  /** Addition: the agency's commentary on the figure, where it came from a return. */
  commentary: z.string().optional(),
  /** The area the figure describes, where the source has one row per area; `agency` is then null. */
  area: AreaSchema.nullable().optional(),
  /** The values of the source's breakdown (filter) columns for this figure, by heading. */
  breakdown: z.record(z.string(), z.string()).nullable().optional(),
});
export type Observation = z.infer<typeof ObservationSchema>;

export const InformationTypeSchema = z.enum(["quantity", "quality", "outcome"]);
export type InformationType = z.infer<typeof InformationTypeSchema>;

/** The framework's four sources of information (004_67d49ac43a78e918.txt, Module 1). */
export const InformationSourceSchema = z.enum([
  "children_parents",
  "frontline_staff",
  "case_records",
  "management_information",
]);
export type InformationSource = z.infer<typeof InformationSourceSchema>;

/** A good band for `band` polarity: good is low..high inclusive. */
export const BandSchema = z.object({ low: z.number(), high: z.number() });
export type Band = z.infer<typeof BandSchema>;

/** One row of an indicator set: the definition of something a partnership tracks. */
export const IndicatorSchema = z.object({
  id: z.string().nullable(),
  name: z.string().min(1),
  agency: z.string().nullable(),
  unit: UnitSchema.nullable(),
  polarity: PolaritySchema.nullable(),
  target: z.number().nullable(),
  band: BandSchema.nullable().optional(),
  contentArea: z.string().nullable(),
  type: InformationTypeSchema.nullable(),
  source: InformationSourceSchema.nullable(),
  frequency: z.string().nullable(),
  /** Comparators where the set holds them (England, region, statistical neighbours). */
  comparators: z.record(z.string(), z.number()).optional(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const IndicatorSetSchema = z.object({
  name: z.string().optional(),
  indicators: z.array(IndicatorSchema),
});
export type IndicatorSet = z.infer<typeof IndicatorSetSchema>;

export const WarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
});
export type Warning = z.infer<typeof WarningSchema>;

/** `ingest --json` output. */
export const IngestResultSchema = z.object({
  observations: z.array(ObservationSchema),
  indicators: z.array(IndicatorSchema),
  warnings: z.array(WarningSchema),
});
export type IngestResult = z.infer<typeof IngestResultSchema>;

// ---------------------------------------------------------------------------------------------
// The content-area framework (004_67d49ac43a78e918.txt). A partnership edits it as a JSON file.

export const AreaGroupSchema = z.enum(["practice", "organisational", "wider"]);
export type AreaGroup = z.infer<typeof AreaGroupSchema>;

export const CatalogueMeasureSchema = z.object({
  name: z.string().min(1),
  area: z.string(),
  subArea: z.string().nullable(),
  type: InformationTypeSchema,
  source: InformationSourceSchema,
  /** The document the measure is taken from, by file name. */
  cite: z.string(),
  /**
   * Addition: other wordings of the same measure, each with the document it is written in, kept
   * where obvious duplicates were merged (so that a search for either wording finds the measure).
   */
  aliases: z.array(z.object({ name: z.string().min(1), cite: z.string() })).optional(),
});
export type CatalogueMeasure = z.infer<typeof CatalogueMeasureSchema>;

export const ContentAreaSchema = z.object({
  name: z.string().min(1),
  group: AreaGroupSchema,
  subAreas: z.array(z.string()),
  /** What good looks like, in a few sentences (Module 2). */
  goodLooksLike: z.string(),
  /** Questions for scrutiny (Module 3). */
  questions: z.array(z.string()),
  /** Words that place an indicator in this area when nothing else does. */
  keywords: z.array(z.string()),
  /** The partnership's own mark that this area is a priority (framework step 6). */
  priority: z.boolean().optional(),
});
export type ContentArea = z.infer<typeof ContentAreaSchema>;

export const FrameworkSchema = z.object({
  name: z.string(),
  version: z.string(),
  cite: z.string(),
  areas: z.array(ContentAreaSchema).min(1),
  /** Sources and methods (Module 4), by source. */
  methods: z.record(InformationSourceSchema, z.array(z.string())),
  catalogue: z.array(CatalogueMeasureSchema),
});
export type Framework = z.infer<typeof FrameworkSchema>;

// ---------------------------------------------------------------------------------------------
// Returns: the specification a template carries, and the issues validation finds.

export const ReturnIndicatorSpecSchema = z.object({
  id: z.string(),
  name: z.string(),
  unit: UnitSchema,
  polarity: PolaritySchema.nullable(),
  target: z.number().nullable(),
  /** Whether numerator and denominator are asked for. */
  fraction: z.boolean(),
  /** For a choice: the answers allowed. */
  choices: z.array(z.string()).optional(),
  /** Row of the indicator in the Return sheet, 1-based, as written. */
  row: z.number().int().positive(),
  /** Last return's value, for the change-since-last-return query. */
  previous: z.number().nullable().optional(),
  /** Addition: the good band, for `band` polarity (the worse-than-target query rates against it). */
  band: BandSchema.nullable().optional(),
});
export type ReturnIndicatorSpec = z.infer<typeof ReturnIndicatorSpecSchema>;

export const ReturnSpecSchema = z.object({
  kind: z.literal("safeguarding-return"),
  partnership: z.string(),
  agency: z.string(),
  period: PeriodSchema,
  due: isoDate.nullable(),
  templateVersion: z.string(),
  /** Percentage-point (percent units) or relative change above which an unexplained change is queried. */
  changeThreshold: z.number().positive(),
  indicators: z.array(ReturnIndicatorSpecSchema),
  /** Addition: the RAG thresholds (shares of target) the worse-than-target query uses; default 95% / 90%. */
  rag: z.object({ green: z.number().positive(), amber: z.number().positive() }).optional(),
  /** SHA-256 of the rest of the spec, so that an edited specification is detected. */
  checksum: z.string(),
});
export type ReturnSpec = z.infer<typeof ReturnSpecSchema>;

/** error: must be fixed. query: allowed once explained in the commentary. warning: worth a look. */
export const SeveritySchema = z.enum(["error", "query", "warning"]);
export type Severity = z.infer<typeof SeveritySchema>;

export const ValidationIssueSchema = z.object({
  code: z.string(),
  severity: SeveritySchema,
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
  message: z.string(),
  /** Addition: the indicator the issue is about, where there is one. */
  indicatorId: z.string().nullable().optional(),
});
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;

// ---------------------------------------------------------------------------------------------
// Benchmarks: the partnership's own indicators mapped to published official statistics.

/**
 * One of the partnership's indicators compared with one published figure: which indicator (by
 * ID, or by name where the set gives none), then where the published figure is: the open-data
 * file (by file name; the file itself is picked each time), the indicator column as published
 * and the breakdown's values. A file with one row per area and period needs no breakdown.
 */
export const BenchmarkLinkSchema = z
  .object({
    indicatorId: z.string().min(1).nullable().optional(),
    /** The indicator's name, so that the map reads on its own and matches where there is no ID. */
    indicator: z.string().min(1).nullable().optional(),
    /** The open-data file's name ("children-in-need.csv"); absent: whichever file given has the column. */
    file: z.string().min(1).nullable().optional(),
    /** The indicator column as published ("rereferrals_percent"). */
    column: z.string().min(1),
    /** The values of the file's breakdown columns, by heading ({ "category": "Children in need" }). */
    breakdown: z.record(z.string(), z.string()).optional(),
  })
  .refine((l) => Boolean(l.indicatorId) || Boolean(l.indicator), { message: "give the indicator's ID or its name" });
export type BenchmarkLink = z.infer<typeof BenchmarkLinkSchema>;

/** The map a partnership keeps (`ingest --benchmark-map MAP.json`, and the pane's Benchmarks section). */
export const BenchmarkMapSchema = z.object({
  name: z.string().optional(),
  links: z.array(BenchmarkLinkSchema),
});
export type BenchmarkMap = z.infer<typeof BenchmarkMapSchema>;

/**
 * What the task pane keeps in the workbook for its Benchmarks section (on a hidden sheet the
 * add-in owns): the area, the names of the files last used (the files themselves are picked
 * each time; nothing is stored but their names) and the map.
 */
export const BenchmarkSettingsSchema = z.object({
  area: z.string().nullable(),
  neighbourFile: z.string().nullable(),
  files: z.array(z.string()),
  map: BenchmarkMapSchema,
});
export type BenchmarkSettings = z.infer<typeof BenchmarkSettingsSchema>;

// ---------------------------------------------------------------------------------------------
// What an analyst decided, kept for next quarter: how each sheet is read (a reading recipe), and
// the task pane's other choices (kept in the workbook on a hidden sheet the add-in owns).

/** What a column holds. Only value, numerator and denominator columns give observations. */
export const ColumnRoleSchema = z.enum([
  "indicator",
  "id",
  "agency",
  "period",
  "unit",
  "polarity",
  "target",
  "value",
  "numerator",
  "denominator",
  "rag",
  /** The status of the row's figure ("suppressed", "missing"), as a machine export gives it. */
  "status",
  "commentary",
  "outturn",
  "trend",
  "comparator",
  "total",
  /** The places the rows describe (local authorities, regions, England). */
  "area",
  /** A breakdown of the row's figures ("Gender", "Seniority"), where the rows are areas. */
  "breakdown",
  /** An identifier or code of the row's entity (a local authority code, a school's URN): never a figure. */
  "code",
  "ignore",
]);

/** A zero-based row or column of a sheet, within Excel's grid. */
const rowIndex = z.number().int().min(0).max(1_048_575);
const columnIndex = z.number().int().min(0).max(16_383);

/** A correction to one column of a sheet's reading. */
export const ColumnOverrideSchema = z
  .object({
    /** Zero-based absolute column. */
    col: columnIndex,
    role: ColumnRoleSchema.optional(),
    /** The period of a figure column; null says the column has none. */
    period: PeriodSchema.nullable().optional(),
    /** The indicator a figure column measures (a matrix or periods-down sheet). */
    measure: z.string().nullable().optional(),
    /** The agency a figure column belongs to (agencies across the columns). */
    agency: z.string().nullable().optional(),
  })
  .strict();

/**
 * An analyst's corrections to how one sheet is read (the Import panel's, or a recipe's). Each
 * replaces what the detector would have decided; rows and columns are zero-based and absolute.
 */
export const LayoutOverrideSchema = z
  .object({
    /** Leave the sheet out altogether. */
    skip: z.boolean().optional(),
    /** Zero-based absolute rows of the heading block. */
    headerRows: z.array(rowIndex).optional(),
    firstDataRow: rowIndex.optional(),
    lastDataRow: rowIndex.optional(),
    indicatorColumn: columnIndex.nullable().optional(),
    idColumn: columnIndex.nullable().optional(),
    agencyColumn: columnIndex.nullable().optional(),
    periodColumn: columnIndex.nullable().optional(),
    /** The agency of the whole sheet ("which sheet is which agency"). */
    sheetAgency: z.string().nullable().optional(),
    /** The period of the whole sheet, for a matrix whose title does not say it. */
    titlePeriod: PeriodSchema.nullable().optional(),
    columns: z.array(ColumnOverrideSchema).optional(),
  })
  .strict();

/**
 * One sheet's corrections in a reading recipe, keyed by the sheet's layout: `key` comes from the
 * sheet's headings and the shape of its name, never its figures (src/core/recipes/layout-key.ts),
 * so that next quarter's sheet of the same layout finds it. `sheet` and `headings` are there for
 * people reading the recipe; only `key` decides which sheet it applies to.
 */
export const RecipeSheetSchema = z
  .object({
    key: z.string().regex(/^v1-[0-9a-f]{14}$/, "a layout key as the add-in writes it (v1- and 14 hexadecimal digits)"),
    sheet: z.string().min(1),
    headings: z.array(z.string()),
    override: LayoutOverrideSchema,
  })
  .strict();
export type RecipeSheet = z.infer<typeof RecipeSheetSchema>;

/**
 * A reading recipe: the corrections an analyst made to how a workbook's sheets are read, kept in
 * the workbook (the pane) or as a file (`ingest --recipe RECIPE.json`), so that a workbook of the
 * same layout is read the same way by either.
 */
export const ReadingRecipeSchema = z
  .object({
    kind: z.literal("reading-recipe"),
    version: z.literal(1),
    /** The workbook the corrections were made on, for people reading the recipe. */
    from: z.string().nullable().optional(),
    sheets: z.array(RecipeSheetSchema),
  })
  .strict();
export type ReadingRecipe = z.infer<typeof ReadingRecipeSchema>;

/** A polarity or target the analyst gave an indicator that lacked one. */
export const KeptRatingSchema = z.object({
  indicatorId: z.string().min(1).nullable(),
  indicator: z.string().min(1),
  polarity: z.enum(["higher", "lower"]).optional(),
  target: z.number().finite().optional(),
});
export type KeptRating = z.infer<typeof KeptRatingSchema>;

/** Where the analyst confirmed or put an indicator in the framework, by indicator ID or name (the gap analysis's key). */
export const KeptPlacementSchema = z.object({
  indicator: z.string().min(1),
  area: z.string().nullable().optional(),
  subArea: z.string().nullable().optional(),
  type: InformationTypeSchema.nullable().optional(),
  source: InformationSourceSchema.nullable().optional(),
});
export type KeptPlacement = z.infer<typeof KeptPlacementSchema>;

/**
 * The Analyst tab's choices, kept in the workbook so that the pane finds them next time: RAG
 * thresholds (percent of target), how the scorecard groups its rows, polarities and targets given,
 * placements confirmed or changed, the priority areas (null while the framework's own stand), the
 * framework used (by name; a partnership's own file is loaded again each time), the largest count
 * withheld from a copy to publish, and the reading recipe. Null or empty: not chosen.
 */
export const AnalystChoicesSchema = z.object({
  thresholds: z.object({ green: z.number().finite(), amber: z.number().finite() }).nullable(),
  groupBy: z.enum(["agency", "contentArea"]).nullable(),
  ratings: z.array(KeptRatingSchema),
  placements: z.array(KeptPlacementSchema),
  priorities: z.array(z.string()).nullable(),
  framework: z.object({ name: z.string(), file: z.string().nullable() }).nullable(),
  publishThreshold: z.number().int().min(1).max(100).nullable(),
  recipe: ReadingRecipeSchema.nullable(),
});
export type AnalystChoices = z.infer<typeof AnalystChoicesSchema>;
