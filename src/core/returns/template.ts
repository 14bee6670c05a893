/**
 * The return template for one agency and period: a "Return" sheet an agency lead fills in, a
 * "Checks" sheet listing what will be checked, and the specification on a very hidden sheet.
 *
 * Decisions:
 * - Percentages are typed in percent units (87.5 means 87.5%), the contract's convention, so the
 *   Value cells of percentage rows are plain numbers formatted "0.0#", not percentage-formatted.
 *   A percentage format would make Excel turn a typed 87.5 into 87.5% but LibreOffice into
 *   8750%. Typing "87.5%" still works everywhere: Excel stores 0.875 formatted as a percentage,
 *   which the validator reads as 87.5, and text "87.5%" is read as 87.5 too.
 * - Numerator and denominator are offered (not required) for percentage rows, so that the
 *   validator can check the percentage against them.
 * - Only the entry cells are unlocked; the sheet is protected without a password, to prevent
 *   slips rather than to keep anyone out.
 * - Every entry cell has a data-validation rule with an input prompt, and the validator checks
 *   the same things again, because other tools (and paste) bypass data validation.
 */
import { InputError } from "../errors";
import { cellAddress, columnLetters } from "../grid/address";
import type { Band, Indicator, Period, Polarity, ReturnIndicatorSpec, ReturnSpec, Unit } from "../model/model";
import type { CellStyle, ConditionalFormatPlan, DataValidationPlan, PlanValue, SheetPlan, WorkbookPlan } from "../plan/plan";
import { landscapeOnePageWide } from "../plan/print";
import { wrappedRowHeights } from "../plan/units";
import { checksSheetPlan, type ChecksSheetWords } from "../templates/checks-sheet";
import {
  CHECKS_SHEET,
  CHOICE_LABEL,
  COLUMN_ORDER,
  COMMENTARY_MAX,
  DEFAULT_CHANGE_THRESHOLD,
  DETAIL_LABELS,
  HEADINGS,
  NOT_AVAILABLE,
  RETURN_SHEET,
  RETURN_TABLE,
  TEMPLATE_VERSIONS,
  UNIT_LABELS,
  type Column,
} from "./layout";
import { ruleCatalogue } from "./rules";
import { sealSpec, specSheetPlan } from "./spec";

/** An indicator as the template takes it: a row of the indicator set, perhaps with a list of answers. */
export type ReturnIndicatorInput = Indicator & { choices?: readonly string[] };

export interface ReturnTemplateInput {
  /** The agency's indicators, in the order they are to appear. Each needs an ID. */
  indicators: readonly ReturnIndicatorInput[];
  partnership: string;
  agency: string;
  period: Period;
  /** YYYY-MM-DD, or null/absent when no date is set. */
  due?: string | null;
  /** Last return's values by indicator ID, in the indicator's units (percent units for percentages). */
  previous?: Readonly<Record<string, number | null | undefined>>;
  templateVersion?: string;
  /** See DEFAULT_CHANGE_THRESHOLD. */
  changeThreshold?: number;
  /** RAG thresholds (shares of target) for the worse-than-target query; default 95% / 90%. */
  rag?: { green: number; amber: number };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2025-04-01" -> "1 April 2025". */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** What kind of answer a row takes, which decides its validation, format and prompt. */
export type EntryKind = Unit | "choice";

export function entryKind(ind: Pick<ReturnIndicatorSpec, "unit" | "choices">): EntryKind {
  return ind.choices && ind.choices.length ? "choice" : ind.unit;
}

const VALUE_FORMATS: Record<EntryKind, string> = {
  count: "#,##0",
  percent: "0.0#",
  rate: "General",
  days: "General",
  other: "General",
  choice: "@",
};

const ENTRY_FILL = "#FFF2CC";
const LOCKED_FILL = "#EDEDED";

/** The rows of the Return sheet above the table, and where the table starts. */
function instructions(input: ReturnTemplateInput, hasFractions: boolean, hasChoices: boolean): string[] {
  const lines = [
    "Type each figure in the Value column. Only the yellow cells can be changed.",
    "Percentages: type 87.5 or 87.5% for 87.5 per cent. Numbers of children and cases are whole numbers; rates and days may have decimals.",
  ];
  if (hasFractions) lines.push("Where Numerator and Denominator are yellow, also give the two numbers the percentage is worked out from, if you have them.");
  if (hasChoices) lines.push("Where the unit is Choice, pick the answer from the list in the Value cell.");
  lines.push(
    `If a figure is not available, leave Value blank, choose "${NOT_AVAILABLE}" in the ${HEADINGS.notAvailable} column, and say why in ${HEADINGS.commentary}.`,
    `Use ${HEADINGS.commentary} to explain a figure that is worse than its target or has changed a lot since the last return; otherwise it will be queried.`,
    "Do not add, remove, rename or move indicator rows, or change the agency or period: the return is checked against the specification saved inside this file.",
    input.due ? `Save the file as an Excel workbook (.xlsx) and send it back by ${longDate(input.due)}.` : "Save the file as an Excel workbook (.xlsx) and send it back by the date you were given.",
  );
  return lines;
}

function polarityLabel(polarity: Polarity | null, band: Band | null | undefined): string {
  if (polarity === "higher") return "Higher";
  if (polarity === "lower") return "Lower";
  if (polarity === "band" && band) return `${band.low} to ${band.high}`;
  return "";
}

/** The spec's indicators from the input, refusing what the validator could not match later. */
function specIndicators(input: ReturnTemplateInput, firstDataRow: number): ReturnIndicatorSpec[] {
  if (input.indicators.length === 0) {
    throw new InputError(`There are no indicators for ${input.agency}, so there is nothing to put in a return.`);
  }
  const seen = new Set<string>();
  return input.indicators.map((ind, i) => {
    const id = (ind.id ?? "").trim();
    if (id === "") {
      throw new InputError(`The indicator "${ind.name}" has no Indicator ID; a return matches its rows by ID, so give every indicator an ID in the indicator set.`);
    }
    if (seen.has(id.toLowerCase())) throw new InputError(`The Indicator ID ${id} is used twice for ${input.agency}; each indicator in a return needs its own ID.`);
    seen.add(id.toLowerCase());
    const unit: Unit = ind.unit ?? "other";
    const choices = (ind.choices ?? []).map((c) => c.trim()).filter((c) => c !== "");
    // Excel's in-cell list takes its answers as one comma-separated text of at most 255 characters.
    if (choices.some((c) => c.includes(",")) || choices.join(",").length > 255) {
      throw new InputError(`The answers for ${id} cannot be offered as a list: keep them free of commas and under 255 characters in all.`);
    }
    const spec: ReturnIndicatorSpec = {
      id,
      name: ind.name.replace(/\s+/g, " ").trim(),
      unit,
      polarity: ind.polarity,
      target: ind.target,
      fraction: unit === "percent" && choices.length === 0,
      row: firstDataRow + i,
      previous: input.previous?.[id] ?? null,
      band: ind.band ?? null,
    };
    if (choices.length) spec.choices = choices;
    return spec;
  });
}

/** The spec the template carries, sealed with its checksum. */
export function buildReturnSpec(input: ReturnTemplateInput): ReturnSpec {
  return sealSpec({
    kind: "safeguarding-return",
    partnership: input.partnership.trim(),
    agency: input.agency.trim(),
    period: input.period,
    due: input.due ?? null,
    templateVersion: input.templateVersion ?? TEMPLATE_VERSIONS.current,
    changeThreshold: input.changeThreshold ?? DEFAULT_CHANGE_THRESHOLD,
    ...(input.rag ? { rag: input.rag } : {}),
    indicators: specIndicators(input, returnLayout(input).firstDataRow),
  });
}

export interface ReturnLayout {
  instructionRows: string[];
  /** 1-based rows: the six details, the instructions' heading, the first instruction, the table's headings, its first indicator. */
  detailsRow: number;
  instructionsHeadingRow: number;
  firstInstructionRow: number;
  headerRow: number;
  firstDataRow: number;
}

/** Rows of the Return sheet: the title, a blank, six details, a blank, the instructions, a blank, the table. */
export function returnLayout(input: ReturnTemplateInput): ReturnLayout {
  const hasFractions = input.indicators.some((i) => i.unit === "percent" && !(i.choices && i.choices.length));
  const hasChoices = input.indicators.some((i) => i.choices && i.choices.length);
  const instructionRows = instructions(input, hasFractions, hasChoices);
  const detailsRow = 3;
  const instructionsHeadingRow = detailsRow + Object.keys(DETAIL_LABELS).length + 1;
  const firstInstructionRow = instructionsHeadingRow + 1;
  const headerRow = firstInstructionRow + instructionRows.length + 1;
  return { instructionRows, detailsRow, instructionsHeadingRow, firstInstructionRow, headerRow, firstDataRow: headerRow + 1 };
}

const col = (c: Column): number => COLUMN_ORDER.indexOf(c);
const letter = (c: Column): string => columnLetters(col(c));

/** Consecutive rows with the same key, as [firstRow, lastRow, key]. */
function runs<K>(rows: readonly { row: number; key: K }[]): [number, number, K][] {
  const out: [number, number, K][] = [];
  for (const { row, key } of rows) {
    const last = out[out.length - 1];
    if (last && last[2] === key && last[1] === row - 1) last[1] = row;
    else out.push([row, row, key]);
  }
  return out;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + "\u2026";
}

function valueValidation(kind: EntryKind, range: string, choices: readonly string[]): DataValidationPlan {
  const na = `If it is not available, leave this blank and choose ${NOT_AVAILABLE}.`;
  switch (kind) {
    case "count":
      return {
        range, kind: "whole", operator: "greaterThanOrEqual", min: 0, allowBlank: true,
        prompt: { title: "A whole number", message: `A whole number, 0 or more. ${na}` },
        error: { title: "Not a whole number", message: "This figure must be a whole number, 0 or more.", style: "stop" },
      };
    case "percent":
      return {
        range, kind: "decimal", operator: "between", min: 0, max: 100, allowBlank: true,
        prompt: { title: "A percentage", message: `A percentage from 0 to 100: type 87.5 or 87.5% for 87.5 per cent. ${na}` },
        error: { title: "Not a percentage", message: "A percentage must be between 0 and 100 (type 87.5 for 87.5 per cent).", style: "stop" },
      };
    case "rate":
    case "days":
      return {
        range, kind: "decimal", operator: "greaterThanOrEqual", min: 0, allowBlank: true,
        prompt: { title: kind === "rate" ? "A rate" : "A number of days", message: `A number, 0 or more; decimals are allowed. ${na}` },
        error: { title: "Not a number", message: "This figure must be a number, 0 or more.", style: "stop" },
      };
    case "other":
      return {
        range, kind: "decimal", operator: "between", min: -1e12, max: 1e12, allowBlank: true,
        prompt: { title: "A number", message: `A number; decimals are allowed. ${na}` },
        error: { title: "Not a number", message: "This figure must be a number.", style: "stop" },
      };
    case "choice":
      return {
        range, kind: "list", items: [...choices], allowBlank: true,
        prompt: { title: "Choose an answer", message: truncate(`Pick one of: ${choices.join(", ")}. ${na}`, 255) },
        error: { title: "Not one of the answers", message: truncate(`Pick one of: ${choices.join(", ")}.`, 225), style: "stop" },
      };
  }
}

/** The Indicator column's width, in characters. */
const NAME_WIDTH = 55;

function returnSheetPlan(input: ReturnTemplateInput, spec: ReturnSpec): SheetPlan {
  const { instructionRows, detailsRow, instructionsHeadingRow, firstInstructionRow, headerRow, firstDataRow } = returnLayout(input);
  const lastRow = firstDataRow + spec.indicators.length - 1;
  const lastCol = COLUMN_ORDER.length - 1;
  const rows = spec.indicators.map((ind) => ({ ind, row: ind.row, kind: entryKind(ind) }));
  const range = (c: Column, from: number, to: number) => `${letter(c)}${from}:${letter(c)}${to}`;

  const details: PlanValue[][] = [
    [DETAIL_LABELS.partnership, spec.partnership],
    [DETAIL_LABELS.agency, spec.agency],
    [DETAIL_LABELS.period, spec.period.label],
    [DETAIL_LABELS.dates, `${longDate(spec.period.start)} to ${longDate(spec.period.end)}`],
    [DETAIL_LABELS.due, spec.due ? longDate(spec.due) : "Not set"],
    [DETAIL_LABELS.version, spec.templateVersion],
  ];
  const table: PlanValue[][] = [
    COLUMN_ORDER.map((c) => HEADINGS[c]),
    ...rows.map(({ ind, kind }) => [
      ind.id,
      ind.name,
      kind === "choice" ? CHOICE_LABEL : UNIT_LABELS[ind.unit],
      polarityLabel(ind.polarity, ind.band),
      ind.target,
      ind.previous ?? null,
      null,
      null,
      null,
      null,
      null,
    ]),
  ];

  const valueRuns = runs(rows.map(({ row, kind }) => ({ row, key: kind })));
  const fractionRuns = runs(rows.map(({ ind, row }) => ({ row, key: ind.fraction }))).filter(([, , f]) => f);
  const lockedFractionRuns = runs(rows.map(({ ind, row }) => ({ row, key: ind.fraction }))).filter(([, , f]) => !f);
  // A list validation cannot be shared by rows with different answers, so choice rows go one by one.
  const choiceRows = rows.filter((r) => r.kind === "choice");

  const dataValidations: DataValidationPlan[] = [];
  for (const [from, to, kind] of valueRuns) {
    if (kind === "choice") continue;
    dataValidations.push(valueValidation(kind, range("value", from, to), []));
  }
  for (const { row, ind } of choiceRows) dataValidations.push(valueValidation("choice", range("value", row, row), ind.choices ?? []));
  for (const [from, to] of fractionRuns) {
    for (const c of ["numerator", "denominator"] as const) {
      dataValidations.push({
        range: range(c, from, to), kind: "whole", operator: "greaterThanOrEqual", min: 0, allowBlank: true,
        prompt: {
          title: c === "numerator" ? "Numerator (optional)" : "Denominator (optional)",
          message: c === "numerator"
            ? "How many met the measure: a whole number, 0 or more. The percentage should be the numerator divided by the denominator, times 100."
            : "How many the percentage is out of: a whole number, 0 or more.",
        },
        error: { title: "Not a whole number", message: "This must be a whole number, 0 or more.", style: "stop" },
      });
    }
  }
  dataValidations.push(
    {
      range: range("notAvailable", firstDataRow, lastRow), kind: "list", items: [NOT_AVAILABLE], allowBlank: true,
      prompt: { title: "Figure not available?", message: `Choose ${NOT_AVAILABLE} only when you cannot give the figure, and say why in ${HEADINGS.commentary}. Otherwise leave blank.` },
      error: { title: "Choose from the list", message: `Leave blank, or choose ${NOT_AVAILABLE}.`, style: "stop" },
    },
    {
      range: range("commentary", firstDataRow, lastRow), kind: "textLength", max: COMMENTARY_MAX, allowBlank: true,
      prompt: { title: "Commentary", message: `Explain a figure that is not available, worse than target or much changed since the last return. Up to ${COMMENTARY_MAX} characters.` },
      error: { title: "Commentary too long", message: `Commentary can be up to ${COMMENTARY_MAX} characters.`, style: "stop" },
    },
  );

  // Live highlights: the workbook itself marks a figure that cannot be right, as it is typed, and
  // the mark goes as soon as it is fixed, in Excel and LibreOffice alike, with no add-in running.
  // A fixed handful of rules over whole columns, never one per row. Words for every problem come
  // from "Check my return" and the validate command; the colour only points at the cell.
  const v = `${letter("value")}${firstDataRow}`;
  const unit = `$${letter("unit")}${firstDataRow}`;
  const num = `$${letter("numerator")}${firstDataRow}`;
  const den = `$${letter("denominator")}${firstDataRow}`;
  const na = `$${letter("notAvailable")}${firstDataRow}`;
  const note = `$${letter("commentary")}${firstDataRow}`;
  const wrong = { fill: "#FFC7CE", fontColor: "#9C0006" };
  const conditionalFormats: ConditionalFormatPlan[] = [
    {
      kind: "expression",
      range: range("value", firstDataRow, lastRow),
      // IF, not AND, around each test: AND evaluates every argument, so INT("some words") would
      // turn the whole rule into an error and the wrong figure would show no mark.
      formula:
        `IF(ISNUMBER(${v}),OR(${v}<0,AND(${unit}="${UNIT_LABELS.percent}",${v}>100),AND(${unit}="${UNIT_LABELS.count}",${v}<>INT(${v}))),` +
        `IF(ISTEXT(${v}),AND(${unit}<>"${CHOICE_LABEL}",ISERROR(VALUE(${v}))),ISERROR(${v})))`,
      style: wrong,
      priority: 1,
    },
    {
      // Rows without a fraction have both cells empty and locked, so one rule covers every row.
      kind: "expression",
      range: `${letter("numerator")}${firstDataRow}:${letter("denominator")}${lastRow}`,
      formula: `AND(ISNUMBER(${num}),ISNUMBER(${den}),${num}>${den})`,
      style: wrong,
      priority: 2,
    },
    {
      kind: "expression",
      range: range("commentary", firstDataRow, lastRow),
      formula: `AND(${na}<>"",LEN(TRIM(${note}))=0)`,
      style: wrong,
      priority: 3,
    },
  ];

  const unlocked = [
    range("value", firstDataRow, lastRow),
    range("notAvailable", firstDataRow, lastRow),
    range("commentary", firstDataRow, lastRow),
    ...fractionRuns.flatMap(([from, to]) => [range("numerator", from, to), range("denominator", from, to)]),
  ];
  const entryStyle: CellStyle = { fill: ENTRY_FILL };

  return {
    name: RETURN_SHEET,
    blocks: [
      { at: "A1", values: [[`${spec.partnership ? spec.partnership + ": " : ""}agency return for ${spec.agency}, ${spec.period.label}`]] },
      { at: `A${detailsRow}`, values: details },
      { at: `A${instructionsHeadingRow}`, values: [["How to fill in this return"]] },
      { at: `A${firstInstructionRow}`, values: instructionRows.map((line, i) => [`${i + 1}. ${line}`]) },
      { at: `A${headerRow}`, values: table },
    ],
    numberFormats: [
      { range: range("id", firstDataRow, lastRow), format: "@" },
      { range: range("name", firstDataRow, lastRow), format: "@" },
      ...valueRuns.flatMap(([from, to, kind]) => [
        { range: range("value", from, to), format: VALUE_FORMATS[kind] },
        { range: range("target", from, to), format: VALUE_FORMATS[kind] === "@" ? "General" : VALUE_FORMATS[kind] },
        { range: range("previous", from, to), format: VALUE_FORMATS[kind] === "@" ? "General" : VALUE_FORMATS[kind] },
      ]),
      ...fractionRuns.flatMap(([from, to]) => [
        { range: range("numerator", from, to), format: "#,##0" },
        { range: range("denominator", from, to), format: "#,##0" },
      ]),
      // Text format: what is typed here stays text, so "=..." typed in Excel is not made a formula.
      { range: range("commentary", firstDataRow, lastRow), format: "@" },
    ],
    styles: [
      { range: "A1", style: { bold: true, size: 14 } },
      { range: `A${detailsRow}:A${detailsRow + details.length - 1}`, style: { bold: true } },
      { range: `A${instructionsHeadingRow}`, style: { bold: true } },
      // Bold headings for tools that do not draw Excel's table styles (LibreOffice among them).
      { range: `A${headerRow}:${cellAddress(headerRow - 1, lastCol)}`, style: { bold: true } },
      ...unlocked.map((r) => ({ range: r, style: entryStyle })),
      ...lockedFractionRuns.flatMap(([from, to]) => [
        { range: range("numerator", from, to), style: { fill: LOCKED_FILL } },
        { range: range("denominator", from, to), style: { fill: LOCKED_FILL } },
      ]),
      { range: `${letter("name")}${firstDataRow}:${letter("name")}${lastRow}`, style: { wrap: true } },
      { range: `${letter("commentary")}${firstDataRow}:${letter("commentary")}${lastRow}`, style: { wrap: true } },
    ],
    tables: [{ name: RETURN_TABLE, range: `A${headerRow}:${cellAddress(lastRow - 1, lastCol)}`, style: "TableStyleLight9" }],
    dataValidations,
    conditionalFormats,
    columnWidths: [
      { col: col("id"), width: 16 },
      { col: col("name"), width: NAME_WIDTH },
      { col: col("unit"), width: 9 },
      { col: col("polarity"), width: 10 },
      { col: col("target"), width: 9 },
      { col: col("previous"), width: 12 },
      { col: col("value"), width: 11 },
      { col: col("numerator"), width: 12 },
      { col: col("denominator"), width: 13 },
      { col: col("notAvailable"), width: 15 },
      { col: col("commentary"), width: 60 },
    ],
    // A long indicator name wraps in its column, its row given the lines it needs (neither Excel nor
    // LibreOffice grows a row by itself); rows of a one-line name keep Excel's own height, so they
    // still grow as commentary is typed.
    rowHeights: wrappedRowHeights(spec.indicators.map((ind) => ({ row: ind.row - 1, cells: [{ text: ind.name, width: NAME_WIDTH }] }))),
    // Printed to check before sending: one A4 page across, the table's headings on every page.
    print: landscapeOnePageWide("A4", headerRow - 1),
    protection: { protect: true, unlocked },
  };
}

/** The Checks sheet's words: what a return is called, and where its queries are explained. */
const CHECKS: ChecksSheetWords = { sheet: CHECKS_SHEET, table: "ReturnChecks", noun: "return", explainIn: "Commentary" };

export function returnTemplatePlan(input: ReturnTemplateInput): WorkbookPlan {
  const spec = buildReturnSpec(input);
  return {
    sheets: [returnSheetPlan(input, spec), checksSheetPlan(CHECKS, ruleCatalogue()), specSheetPlan(spec)],
    activeSheet: RETURN_SHEET,
  };
}
