/**
 * The checks made on a filled return, as data: one rule, one stable code, one severity, one
 * message template, the fields it reads, and its check. The form of a rule, how the rules run
 * and the checks of the specification that every template shares are in ../templates.
 *
 * Severities: "error" must be fixed before the return is accepted; "query" is accepted once
 * explained in the row's Commentary (so a query is raised only while the Commentary is empty);
 * "warning" is worth a look and never blocks. A "blocking" rule means the file cannot be
 * checked further (no specification, a damaged one, no Return sheet): the command line exits 2.
 *
 * Codes never change meaning and are never reused. They are grouped: RET00x the file and its
 * specification, RET01x the table's rows, RET02x–RET03x the figures, RET04x queries, RET05x cells.
 *
 * Messages name the cell ({where}, e.g. "Return!G19"), say what was found and what is expected.
 */
import type { ReturnIndicatorSpec, ReturnSpec } from "../model/model";
import { DEFAULT_RAG_RULE, rateValue } from "../rag";
import type { Details } from "../templates/layout";
import { catalogueOf, type CatalogueEntry, type CheckOptions, type Finding, type Params, type PhaseRule } from "../templates/rules";
import { agencyChanged, detailAt, otherPartnership, periodChanged, specRules, type FilePhaseContext, type SpecPhaseContext } from "../templates/spec-rules";
import { COMMENTARY_MAX, HEADINGS, labelKey, NOT_AVAILABLE, RETURN_SHEET, TEMPLATE_VERSIONS, type Column } from "./layout";
import type { Entry, IndicatorRow, MatchedReturn, ReturnSheet, ReturnSheetRead } from "./read";

export { fillMessage, whereText, type CatalogueEntry, type Finding, type Params } from "../templates/rules";

export type ValidateOptions = CheckOptions;

/** What the file-level rules see: whether a specification was found. */
export type FileContext = FilePhaseContext<ReturnSpec>;

/** What the specification-level rules see. */
export interface SpecContext extends SpecPhaseContext<ReturnSpec> {
  sheet: ReturnSheetRead;
}

/** What the rules about the filled-in table see. */
export interface ReturnContext {
  file: string;
  spec: ReturnSpec;
  sheet: ReturnSheet;
  matched: MatchedReturn;
  options: ValidateOptions;
}

export type ValidationRule = PhaseRule<"file", FileContext> | PhaseRule<"spec", SpecContext> | PhaseRule<"return", ReturnContext>;

// ---------------------------------------------------------------------------------------------
// Helpers the checks share.

/** A number for a message: at most two decimals, no binary noise. */
export function num(n: number): string {
  return String(Number(n.toFixed(2)));
}

function atRow(row: IndicatorRow, column: Column, params: Params = {}): Finding {
  return { cell: row.address(column), indicatorId: row.spec.id, params: { id: row.spec.id, name: row.spec.name, ...params } };
}

function isChoice(spec: ReturnIndicatorSpec): boolean {
  return !!spec.choices && spec.choices.length > 0;
}

function isPercent(spec: ReturnIndicatorSpec): boolean {
  return spec.unit === "percent" && !isChoice(spec);
}

const FIGURE_FIELDS = ["value", "numerator", "denominator"] as const;
type FigureField = (typeof FIGURE_FIELDS)[number];

/** The figure cells a row asks for: numerator and denominator only where the template offers them. */
function figureFields(row: IndicatorRow): FigureField[] {
  return row.spec.fraction ? [...FIGURE_FIELDS] : ["value"];
}

function entryOf(row: IndicatorRow, field: FigureField): Entry {
  return row[field];
}

/** What a figure cell should hold, in words, for "expected" in messages. */
function expectedFigure(row: IndicatorRow, field: FigureField): string {
  if (field !== "value") return "type a whole number, 0 or more";
  switch (row.spec.unit) {
    case "count":
      return "type a whole number, 0 or more";
    case "percent":
      return "type a percentage from 0 to 100, such as 87.5";
    case "rate":
      return "type a rate, 0 or more";
    case "days":
      return "type a number of days, 0 or more";
    case "other":
      return "type a number";
  }
}

/** What a figure is called in "... cannot be negative" and "... must be a whole number". */
function figureNoun(row: IndicatorRow, field: FigureField): string {
  if (field === "numerator") return "a numerator";
  if (field === "denominator") return "a denominator";
  switch (row.spec.unit) {
    case "count":
      return "a count";
    case "rate":
      return "a rate";
    case "days":
      return "a number of days";
    default:
      return "this figure";
  }
}

/** Whether a figure cell must hold a whole number, or a number that is not negative. */
function mustBeWhole(row: IndicatorRow, field: FigureField): boolean {
  return field !== "value" || row.spec.unit === "count";
}

function mustNotBeNegative(row: IndicatorRow, field: FigureField): boolean {
  return field !== "value" || row.spec.unit === "count" || row.spec.unit === "rate" || row.spec.unit === "days";
}

/** A row's figure when it is one that can be used: a number of the right kind, not marked not available. */
export function usableValue(row: IndicatorRow): number | null {
  const v = row.value;
  if (row.notAvailable || v.kind !== "number" || isChoice(row.spec)) return null;
  const n = v.value;
  if (isPercent(row.spec)) return n >= 0 && n <= 100 ? n : null;
  if (mustNotBeNegative(row, "value") && n < 0) return null;
  if (mustBeWhole(row, "value") && !Number.isInteger(n)) return null;
  return n;
}

function usableWhole(e: Entry): number | null {
  return e.kind === "number" && e.value >= 0 && Number.isInteger(e.value) ? e.value : null;
}

const ERROR_MEANINGS: Record<string, string> = {
  "#DIV/0!": "a formula divides by zero",
  "#REF!": "a formula refers to cells that were deleted",
  "#VALUE!": "a formula uses text where it needs a number",
  "#NAME?": "a formula uses a name Excel does not know",
  "#N/A": "a formula could not find a value",
  "#NUM!": "a formula's result is not a valid number",
  "#NULL!": "a formula refers to ranges that do not meet",
  "#SPILL!": "a formula's results have no room to spill",
  "#CALC!": "a formula could not be calculated",
};

function unexplained(row: IndicatorRow): boolean {
  return row.commentary === "";
}

function perRow(fn: (row: IndicatorRow, ctx: ReturnContext) => Finding | Finding[] | null): (ctx: ReturnContext) => Finding[] {
  return (ctx) =>
    ctx.matched.rows.flatMap((row) => {
      const found = fn(row, ctx);
      return found === null ? [] : Array.isArray(found) ? found : [found];
    });
}

function perFigure(fn: (row: IndicatorRow, field: FigureField, entry: Entry) => Finding | null): (ctx: ReturnContext) => Finding[] {
  return perRow((row) => figureFields(row).map((f) => fn(row, f, entryOf(row, f))).filter((x): x is Finding => x !== null));
}

/** The details above the table, where the Return sheet could be read. */
function detailsOf(ctx: SpecContext): Details | null {
  return ctx.sheet.ok ? ctx.sheet.sheet.details : null;
}

const SPEC_RULES = specRules<ReturnSpec, SpecContext>({ noun: "return", copy: "figures", template: "template" }, TEMPLATE_VERSIONS, (ctx) =>
  detailAt(RETURN_SHEET, detailsOf(ctx)?.version),
);

function directionWords(spec: ReturnIndicatorSpec): string {
  if (spec.polarity === "higher") return "higher is better";
  if (spec.polarity === "lower") return "lower is better";
  return spec.band ? `good is ${num(spec.band.low)} to ${num(spec.band.high)}` : "";
}

// ---------------------------------------------------------------------------------------------
// The rules.

export const RULES: readonly ValidationRule[] = [
  {
    code: "RET001",
    phase: "file",
    severity: "error",
    blocking: true,
    title: "The file is not a return made from a partnership template",
    message:
      '"{file}" is not a return made from a partnership template: it carries no return specification (the hidden sheet every template has), so there is nothing to check it against; fill in a template made with the template command.',
    fields: ["_spec sheet"],
    check: (ctx) => (ctx.specRead.status === "absent" ? [{ cell: null, params: { file: ctx.file } }] : []),
  },
  { code: "RET002", ...SPEC_RULES.unreadable }, // the specification cannot be read
  {
    code: "RET003",
    phase: "spec",
    severity: "error",
    title: "The return belongs to another partnership",
    message: "{where}: this return was made for {found}, not {expected}; send it to the partnership it was made for, or fill in {expected}'s own template.",
    fields: ["_spec partnership", "Partnership (Return sheet)"],
    check: (ctx) => otherPartnership(ctx, detailsOf(ctx), RETURN_SHEET),
  },
  { code: "RET004", ...SPEC_RULES.unknownVersion }, // a template version this tool does not know
  { code: "RET005", ...SPEC_RULES.olderVersion }, // an older template version (a warning)
  { code: "RET006", ...SPEC_RULES.changed }, // the specification changed: its checksum does not match
  {
    code: "RET007",
    phase: "spec",
    severity: "error",
    blocking: true,
    title: "The Return sheet or its table is missing",
    message: '"{file}" cannot be checked: {problem}; copy your figures into a new template.',
    fields: ["Return sheet", HEADINGS.id, HEADINGS.name, HEADINGS.value, HEADINGS.commentary],
    check: (ctx) => (ctx.sheet.ok ? [] : [{ cell: null, sheet: null, params: { file: ctx.file, problem: ctx.sheet.problem } }]),
  },
  {
    code: "RET008",
    phase: "return",
    severity: "error",
    title: "The agency has been changed",
    message: '{where}: the agency is {found}, but this return is for {expected}; put back "{expected}" (each agency fills in its own template).',
    fields: ["Agency (Return sheet)", "_spec agency"],
    check: (ctx) => agencyChanged(ctx.sheet.details, ctx.spec, RETURN_SHEET),
  },
  {
    code: "RET009",
    phase: "return",
    severity: "error",
    title: "The period has been changed",
    message: '{where}: the period is {found}, but this return is for {expected} ({start} to {end}); put back "{expected}".',
    fields: ["Period (Return sheet)", "_spec period"],
    check: (ctx) => periodChanged(ctx.sheet.details, ctx.spec, RETURN_SHEET),
  },
  {
    code: "RET010",
    phase: "return",
    severity: "error",
    title: "An indicator's row has been removed",
    message: "{where}: the row for {id} '{name}' is missing from the table (the template had it in row {row}); put it back, as the return must report every indicator in its template.",
    fields: [HEADINGS.id, "_spec indicators"],
    check: (ctx) =>
      ctx.matched.missing.map(({ spec }) => ({
        cell: null,
        indicatorId: spec.id,
        params: { id: spec.id, name: spec.name, row: spec.row },
      })),
  },
  {
    code: "RET011",
    phase: "return",
    severity: "error",
    title: "An indicator has been renamed",
    message: "{where}: indicator {id} is named \"{found}\" here but '{name}' in the template; put back the template's name, or if the row now reports something else, put back the whole row.",
    fields: [HEADINGS.id, HEADINGS.name, "_spec indicators"],
    check: perRow((row) => (labelKey(row.name) === labelKey(row.spec.name) ? null : atRow(row, "name", { found: row.name || "(blank)" }))),
  },
  {
    code: "RET012",
    phase: "return",
    severity: "warning",
    title: "An indicator's row has been moved",
    message: "{where}: the row for {id} '{name}' has been moved out of the template's order; rows are matched by ID, so it has still been read, but keep the template's order.",
    fields: [HEADINGS.id, "_spec indicators"],
    check: (ctx) => {
      let furthest = -1;
      const out: Finding[] = [];
      for (const row of ctx.matched.rows) {
        if (row.index < furthest) out.push(atRow(row, "id"));
        furthest = Math.max(furthest, row.index);
      }
      return out;
    },
  },
  {
    code: "RET013",
    phase: "return",
    severity: "error",
    title: "An indicator ID that is not in the template",
    message: '{where}: "{found}" is not an indicator ID of this return; remove the row, or if it replaced one of the template\'s indicators, put back that indicator\'s ID.',
    fields: [HEADINGS.id, "_spec indicators"],
    check: (ctx) => ctx.matched.unknown.filter((r) => r.id !== "").map((r) => ({ cell: r.address("id"), params: { found: r.id } })),
  },
  {
    code: "RET014",
    phase: "return",
    severity: "error",
    title: "A row added by hand holds figures",
    message: "{where}: row {row} has entries but no indicator ID, so they cannot be matched to an indicator; move them to the right indicator's row and remove this row.",
    fields: [HEADINGS.id, HEADINGS.value, HEADINGS.numerator, HEADINGS.denominator, HEADINGS.notAvailable, HEADINGS.commentary],
    check: (ctx) => ctx.matched.unknown.filter((r) => r.id === "" && r.hasEntries).map((r) => ({ cell: r.address("id"), params: { row: r.row } })),
  },
  {
    code: "RET015",
    phase: "return",
    severity: "error",
    title: "An indicator appears twice",
    message: "{where}: {id} '{name}' appears again in row {row} (it is first in row {first}); keep one row per indicator, as only the first is read.",
    fields: [HEADINGS.id],
    check: (ctx) =>
      ctx.matched.duplicates.map(({ row, first }) => ({
        cell: row.address("id"),
        indicatorId: first.spec.id,
        params: { id: first.spec.id, name: first.spec.name, row: row.row, first: first.row },
      })),
  },
  {
    code: "RET016",
    phase: "return",
    severity: "warning",
    title: "A target has been changed on the sheet",
    message: "{where}: the target for {id} '{name}' shows {found}, but the template's target is {expected}; the template's target is the one used.",
    fields: [HEADINGS.target, "_spec target"],
    check: perRow((row) => {
      if (row.target.kind === "blank" && row.spec.target === null) return null;
      if (row.target.kind === "number" && row.spec.target !== null && Math.abs(row.target.value - row.spec.target) < 1e-9) return null;
      const found = row.target.kind === "number" ? row.target.shown : row.target.kind === "text" ? `"${row.target.text}"` : "nothing";
      return atRow(row, "target", { found, expected: row.spec.target === null ? "none" : num(row.spec.target) });
    }),
  },
  {
    code: "RET020",
    phase: "return",
    severity: "error",
    title: "A value is missing",
    message: `{where}: there is no value for {id} '{name}'; type the figure, or if it is not available choose "${NOT_AVAILABLE}" in {naCell} and say why in {commentaryCell}.`,
    fields: [HEADINGS.value, HEADINGS.notAvailable],
    check: perRow((row) =>
      row.value.kind === "blank" && !row.notAvailable ? atRow(row, "value", { naCell: row.address("notAvailable"), commentaryCell: row.address("commentary") }) : null,
    ),
  },
  {
    code: "RET021",
    phase: "return",
    severity: "error",
    title: "Marked not available without a reason",
    message: "{where}: {id} '{name}' is marked not available but no reason is given; say why in this Commentary cell.",
    fields: [HEADINGS.notAvailable, HEADINGS.commentary],
    check: perRow((row) => (row.notAvailable && unexplained(row) ? atRow(row, "commentary") : null)),
  },
  {
    code: "RET022",
    phase: "return",
    severity: "error",
    title: "A value is given and also marked not available",
    message: "{where}: {id} '{name}' has a value ({found}) and is also marked not available; clear one of them.",
    fields: [HEADINGS.value, HEADINGS.notAvailable],
    check: perRow((row) => {
      if (!row.notAvailable || row.value.kind === "blank") return null;
      const found = row.value.kind === "number" ? row.value.shown : row.value.kind === "text" ? `"${row.value.text}"` : row.value.kind === "error" ? row.value.error : "a formula";
      return atRow(row, "notAvailable", { found });
    }),
  },
  {
    code: "RET023",
    phase: "return",
    severity: "error",
    title: "Text where a number is expected",
    message: '{where}: the {field} for {id} \'{name}\' is "{found}", which is not a number; {expected}.',
    fields: [HEADINGS.value, HEADINGS.numerator, HEADINGS.denominator, HEADINGS.unit],
    check: perFigure((row, field, e) => {
      if (e.kind !== "text" || (field === "value" && isChoice(row.spec))) return null;
      let expected = expectedFigure(row, field);
      if (e.mark && field === "value") expected += `; to show the figure is not available, leave the value blank and choose "${NOT_AVAILABLE}" in ${row.address("notAvailable")}`;
      return atRow(row, field, { field, found: e.text, expected });
    }),
  },
  {
    code: "RET024",
    phase: "return",
    severity: "error",
    title: "An Excel error value",
    message: "{where}: the {field} for {id} '{name}' shows the error {found} ({meaning}); type the figure, or correct the formula.",
    fields: [HEADINGS.value, HEADINGS.numerator, HEADINGS.denominator, HEADINGS.commentary],
    check: perRow((row) => {
      const out: Finding[] = [];
      for (const f of figureFields(row)) {
        const e = entryOf(row, f);
        if (e.kind === "error") out.push(atRow(row, f, { field: f, found: e.error, meaning: ERROR_MEANINGS[e.error] ?? "a formula has gone wrong" }));
      }
      if (row.commentaryError !== undefined) {
        out.push(atRow(row, "commentary", { field: "commentary", found: row.commentaryError, meaning: ERROR_MEANINGS[row.commentaryError] ?? "a formula has gone wrong" }));
      }
      return out;
    }),
  },
  {
    code: "RET025",
    phase: "return",
    severity: "error",
    title: "A negative figure",
    message: "{where}: the {field} for {id} '{name}' is {found}; {what} cannot be negative.",
    fields: [HEADINGS.value, HEADINGS.numerator, HEADINGS.denominator, HEADINGS.unit],
    check: perFigure((row, field, e) =>
      e.kind === "number" && e.value < 0 && mustNotBeNegative(row, field) && !(field === "value" && isPercent(row.spec))
        ? atRow(row, field, { field, found: e.shown, what: figureNoun(row, field) })
        : null,
    ),
  },
  {
    code: "RET026",
    phase: "return",
    severity: "error",
    title: "A count that is not a whole number",
    message: "{where}: the {field} for {id} '{name}' is {found}; {what} must be a whole number.",
    fields: [HEADINGS.value, HEADINGS.numerator, HEADINGS.denominator, HEADINGS.unit],
    check: perFigure((row, field, e) =>
      e.kind === "number" && !Number.isInteger(e.value) && mustBeWhole(row, field) ? atRow(row, field, { field, found: e.shown, what: figureNoun(row, field) }) : null,
    ),
  },
  {
    code: "RET027",
    phase: "return",
    severity: "error",
    title: "A percentage outside 0 to 100",
    message: "{where}: the value for {id} '{name}' is {found}; a percentage must be between 0 and 100.",
    fields: [HEADINGS.value, HEADINGS.unit],
    check: perRow((row) =>
      isPercent(row.spec) && row.value.kind === "number" && (row.value.value < 0 || row.value.value > 100) ? atRow(row, "value", { found: row.value.shown }) : null,
    ),
  },
  {
    code: "RET028",
    phase: "return",
    severity: "error",
    title: "A numerator above its denominator",
    message: "{where}: the numerator for {id} '{name}' ({numerator}) is larger than the denominator ({denominator}), which would make the percentage more than 100; check both.",
    fields: [HEADINGS.numerator, HEADINGS.denominator],
    check: perRow((row) => {
      if (!row.spec.fraction) return null;
      const n = usableWhole(row.numerator);
      const d = usableWhole(row.denominator);
      return n !== null && d !== null && n > d ? atRow(row, "numerator", { numerator: num(n), denominator: num(d) }) : null;
    }),
  },
  {
    code: "RET029",
    phase: "return",
    severity: "error",
    title: "A value that disagrees with its numerator and denominator",
    message:
      "{where}: the value for {id} '{name}' is {found}, but {numerator} out of {denominator} is {computed}%; correct the value or the numerator and denominator (they may differ by 0.1 percentage points at most).",
    fields: [HEADINGS.value, HEADINGS.numerator, HEADINGS.denominator],
    check: perRow((row) => {
      const v = usableValue(row);
      const n = usableWhole(row.numerator);
      const d = usableWhole(row.denominator);
      if (!row.spec.fraction || v === null || n === null || d === null || d === 0 || n > d) return null;
      const computed = (n / d) * 100;
      // 0.1 percentage points: room for a value rounded to one decimal place, and no more.
      if (Math.abs(computed - v) <= 0.1 + 1e-9) return null;
      return atRow(row, "value", { found: row.value.kind === "number" ? row.value.shown : num(v), numerator: num(n), denominator: num(d), computed: num(computed) });
    }),
  },
  {
    code: "RET030",
    phase: "return",
    severity: "warning",
    title: "A numerator without a denominator, or the other way round",
    message: "{where}: {id} '{name}' has a {given} but no {missing}; give both, or neither.",
    fields: [HEADINGS.numerator, HEADINGS.denominator],
    check: perRow((row) => {
      if (!row.spec.fraction) return null;
      const hasN = row.numerator.kind !== "blank";
      const hasD = row.denominator.kind !== "blank";
      if (hasN === hasD) return null;
      return hasN ? atRow(row, "denominator", { given: "numerator", missing: "denominator" }) : atRow(row, "numerator", { given: "denominator", missing: "numerator" });
    }),
  },
  {
    code: "RET031",
    phase: "return",
    severity: "error",
    title: "An answer that is not one of the choices",
    message: '{where}: the answer for {id} \'{name}\' is "{found}"; choose one of: {choices}.',
    fields: [HEADINGS.value],
    check: perRow((row) => {
      const choices = row.spec.choices;
      if (!choices || !choices.length) return null;
      const v = row.value;
      const text = v.kind === "text" ? v.text : v.kind === "number" ? v.shown : null;
      if (text === null || choices.some((c) => labelKey(c) === labelKey(text))) return null;
      return atRow(row, "value", { found: text, choices: choices.join(", ") });
    }),
  },
  {
    code: "RET032",
    phase: "return",
    severity: "warning",
    title: "A percentage that looks like a fraction",
    message: "{where}: the value for {id} '{name}' is {found}, which means {found} per cent; if you meant {scaled} per cent, type {scaled}.",
    fields: [HEADINGS.value, HEADINGS.unit],
    check: perRow((row) => {
      const v = row.value;
      if (!isPercent(row.spec) || v.kind !== "number" || v.percentFormat || v.shown.endsWith("%")) return null;
      if (!(v.value > 0 && v.value < 1)) return null;
      // With a numerator and denominator the value is checked against them instead (RET029).
      if (row.numerator.kind === "number" && row.denominator.kind === "number") return null;
      return atRow(row, "value", { found: v.shown, scaled: num(v.value * 100) });
    }),
  },
  {
    code: "RET033",
    phase: "return",
    severity: "warning",
    title: "A figure typed with words or marks beside it",
    message: '{where}: the value for {id} \'{name}\' was typed as "{found}" and is read as {read}; type the figure alone and put any note (provisional, estimated, revised) in {commentaryCell}.',
    fields: [HEADINGS.value],
    check: perRow((row) => {
      const v = row.value;
      // A plain number or percentage typed as text is fine; a note or flag beside it would be lost.
      if (v.kind !== "number" || !v.fromText || /^\s*[-+]?[\d,]*\.?\d+\s*%?\s*$/.test(v.shown)) return null;
      return atRow(row, "value", { found: v.shown, read: num(v.value), commentaryCell: row.address("commentary") });
    }),
  },
  {
    code: "RET040",
    phase: "return",
    severity: "query",
    title: "Worse than target, not explained",
    message: "{where}: the value for {id} '{name}' is {found} against a target of {target} ({direction}), which is red; explain it in {commentaryCell}.",
    fields: [HEADINGS.value, HEADINGS.commentary, "_spec target", "_spec polarity", "_spec rag"],
    check: perRow((row, ctx) => {
      const v = usableValue(row);
      if (v === null || !unexplained(row)) return null;
      const thresholds = ctx.spec.rag ?? DEFAULT_RAG_RULE;
      if (rateValue(v, row.spec.target, row.spec.polarity, thresholds, row.spec.band ?? null) !== "red") return null;
      const target = row.spec.polarity === "band" && row.spec.band ? `${num(row.spec.band.low)} to ${num(row.spec.band.high)}` : num(row.spec.target ?? 0);
      return atRow(row, "value", { found: num(v), target, direction: directionWords(row.spec), commentaryCell: row.address("commentary") });
    }),
  },
  {
    code: "RET041",
    phase: "return",
    severity: "query",
    title: "A large change since the last return, not explained",
    message: "{where}: the value for {id} '{name}' is {found}, {change} since the last return ({previous}); explain the change in {commentaryCell}.",
    fields: [HEADINGS.value, HEADINGS.commentary, "_spec previous", "_spec changeThreshold"],
    check: perRow((row, ctx) => {
      const v = usableValue(row);
      const p = row.spec.previous;
      if (v === null || p === null || p === undefined || !unexplained(row)) return null;
      const change = describeChange(v, p, isPercent(row.spec), ctx.spec.changeThreshold);
      return change === null ? null : atRow(row, "value", { found: num(v), previous: num(p), change, commentaryCell: row.address("commentary") });
    }),
  },
  {
    code: "RET050",
    phase: "return",
    severity: "warning",
    title: "A formula in a text cell",
    message: '{where}: the commentary for {id} \'{name}\' is a formula ({formula}); only the text it shows ("{text}") is kept, never the formula, so type the commentary as plain text.',
    fields: [HEADINGS.commentary],
    check: perRow((row) => (row.commentaryFormula === undefined ? null : atRow(row, "commentary", { formula: row.commentaryFormula, text: row.commentary }))),
  },
  {
    code: "RET052",
    phase: "return",
    severity: "error",
    title: "A formula without a calculated result",
    message:
      "{where}: the {field} for {id} '{name}' is a formula ({formula}) saved without its result (the program that saved it did not calculate); type the figure, or open the file in Excel and save it again.",
    fields: [HEADINGS.value, HEADINGS.numerator, HEADINGS.denominator],
    check: perFigure((row, field, e) => (e.kind === "noResult" ? atRow(row, field, { field, formula: e.formula }) : null)),
  },
  {
    code: "RET053",
    phase: "return",
    severity: "warning",
    title: "Commentary longer than the template allows",
    message: `{where}: the commentary for {id} '{name}' is {length} characters long; keep it to ${COMMENTARY_MAX}.`,
    fields: [HEADINGS.commentary],
    check: perRow((row) => (row.commentary.length > COMMENTARY_MAX ? atRow(row, "commentary", { length: row.commentary.length }) : null)),
  },
];

/**
 * The change from `previous` to `value` in words, when it is larger than the threshold: in
 * percentage points for a percentage, otherwise relative to the previous value. From 0, any
 * change is unbounded in relative terms, so any change is large.
 */
export function describeChange(value: number, previous: number, percent: boolean, threshold: number): string | null {
  const diff = value - previous;
  const dir = diff > 0 ? "up" : "down";
  if (percent) {
    return Math.abs(diff) > threshold + 1e-9 ? `${dir} ${num(Math.abs(diff))} percentage points` : null;
  }
  if (previous === 0) return value === 0 ? null : `${dir} from 0`;
  const relative = (Math.abs(diff) / Math.abs(previous)) * 100;
  return relative > threshold + 1e-9 ? `${dir} ${num(relative)}%` : null;
}

/** Every rule, for printing: into the template's Checks sheet, the README, or a help panel. */
export function ruleCatalogue(): CatalogueEntry[] {
  return catalogueOf(RULES);
}
