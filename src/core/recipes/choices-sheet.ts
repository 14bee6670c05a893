/**
 * The Analyst tab's choices kept in the workbook: a hidden sheet the add-in owns, "Analyst
 * settings", written through its register like its other sheets, so that the choices travel with
 * the workbook and come back when the pane reads it again. Hidden, not very hidden: anyone can
 * unhide it and read it. One row a choice: what it is, what it is for (in words, for people), and
 * the choice itself, as text or, for the structured ones, as JSON checked by the model's schemas
 * when read back. Every cell is text, so that nothing reads it as figures and nothing in it is
 * ever written as a formula. A JSON longer than a cell holds carries on in the cells to its right.
 *
 * Read back leniently, as the benchmark settings are: a row the add-in cannot use is passed over,
 * so that a person's edit only ever loses what they changed.
 */
import type { Grid } from "../grid/grid";
import {
  KeptPlacementSchema,
  KeptRatingSchema,
  RecipeSheetSchema,
  type AnalystChoices,
  type KeptPlacement,
  type KeptRating,
  type RecipeSheet,
} from "../model/model";
import type { SheetPlan } from "../plan/plan";

export const ANALYST_SETTINGS_SHEET = "Analyst settings";

const TITLE =
  "The choices the safeguarding scorecard add-in keeps for this workbook's Analyst tab: RAG thresholds, how the scorecard is grouped, polarities and targets given, placements in the framework, priority areas, and corrections to how each sheet is read. Change them in the add-in; they come back when it reads this workbook.";
export const SETTINGS_HEADINGS = ["What", "For", "Choice"] as const;

/** The first column's words, one per kind of row. */
export const LABELS = {
  green: "Green at least (% of target)",
  amber: "Amber at least (% of target)",
  groupBy: "Group scorecard rows by",
  publish: "Withhold counts from 1 to",
  framework: "Framework",
  priorities: "Priority areas",
  rating: "Polarity and target",
  placement: "Placement",
  correction: "Reading correction",
  recipeFrom: "Corrections made on",
} as const;

const GROUP_WORDS = { agency: "agency", contentArea: "content area" } as const;
/** Excel holds 32,767 characters in a cell; JSON is cut well short of that and carried on to the right. */
export const CELL_TEXT = 30_000;

type Row = (string | null)[];

function pieces(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CELL_TEXT) out.push(text.slice(i, i + CELL_TEXT));
  return out.length > 0 ? out : [""];
}

const jsonRow = (what: string, forWhom: string, value: unknown): Row => [what, forWhom, ...pieces(JSON.stringify(value))];

function ratingFor(r: KeptRating): string {
  return r.indicatorId ? `${r.indicatorId} ${r.indicator}` : r.indicator;
}

export function analystSettingsSheet(choices: AnalystChoices): SheetPlan {
  const rows: Row[] = [];
  if (choices.thresholds) {
    rows.push([LABELS.green, null, String(choices.thresholds.green)], [LABELS.amber, null, String(choices.thresholds.amber)]);
  }
  if (choices.groupBy) rows.push([LABELS.groupBy, null, GROUP_WORDS[choices.groupBy]]);
  if (choices.publishThreshold !== null) rows.push([LABELS.publish, null, String(choices.publishThreshold)]);
  if (choices.framework) rows.push([LABELS.framework, choices.framework.name, choices.framework.file]);
  if (choices.priorities) rows.push(jsonRow(LABELS.priorities, choices.priorities.join(", ") || "none", choices.priorities));
  for (const r of choices.ratings) rows.push(jsonRow(LABELS.rating, ratingFor(r), r));
  for (const p of choices.placements) rows.push(jsonRow(LABELS.placement, p.indicator, p));
  if (choices.recipe) {
    if (choices.recipe.from) rows.push([LABELS.recipeFrom, choices.recipe.from, null]);
    for (const s of choices.recipe.sheets) rows.push(jsonRow(LABELS.correction, s.sheet, s));
  }
  const width = Math.max(3, ...rows.map((r) => r.length));
  const square = rows.map((r) => [...r, ...Array<null>(width - r.length).fill(null)]);
  return {
    name: ANALYST_SETTINGS_SHEET,
    state: "hidden",
    blocks: [
      { at: "A1", values: [[TITLE]] },
      { at: "A3", values: [[...SETTINGS_HEADINGS], ...square.map((r) => r.slice(0, 3))] },
      // The rest of a long JSON, beside its row (only where there is one).
      ...(width > 3 ? [{ at: "D4", values: square.map((r) => r.slice(3)) }] : []),
    ].filter((b) => b.values.length > 0),
    styles: [{ range: "A3:C3", style: { bold: true } }],
    columnWidths: [30, 40, 60].map((w, col) => ({ col, width: w })),
  };
}

const text = (v: unknown): string => (typeof v === "string" ? v.trim() : typeof v === "number" || typeof v === "boolean" ? String(v) : "");

function parseJson(cells: readonly string[]): unknown {
  try {
    return JSON.parse(cells.join(""));
  } catch {
    return undefined;
  }
}

function percent(cell: string | undefined): number | null {
  const t = (cell ?? "").replace(/%$/, "").trim();
  return /^\d+(?:\.\d+)?$/.test(t) ? Number(t) : null;
}

/** The choices a settings sheet holds, or null when it holds none the pane can use. */
export function readAnalystSettings(grid: Grid): AnalystChoices | null {
  // Cells from column A, wherever the sheet's used range starts (a person may have cleared column A's title).
  const rows = grid.rows.map((r) => [...Array<string>(grid.origin.col).fill(""), ...r.map((c) => text(c.value))]);
  const labelled = (label: string) => rows.filter((r) => (r[0] ?? "").toLowerCase() === label.toLowerCase());
  const first = (label: string) => labelled(label)[0];
  const json = (label: string) => labelled(label).map((r) => parseJson(r.slice(2)));

  const green = percent(first(LABELS.green)?.[2]);
  const amber = percent(first(LABELS.amber)?.[2]);
  const groupWords = (first(LABELS.groupBy)?.[2] ?? "").toLowerCase();
  const groupBy = groupWords === GROUP_WORDS.agency ? "agency" : groupWords === GROUP_WORDS.contentArea ? "contentArea" : null;
  const publishCell = first(LABELS.publish)?.[2] ?? "";
  const publish = /^\d+$/.test(publishCell) && Number(publishCell) >= 1 && Number(publishCell) <= 100 ? Number(publishCell) : null;
  const frameworkRow = first(LABELS.framework);
  const framework = frameworkRow && frameworkRow[1] ? { name: frameworkRow[1], file: frameworkRow[2] || null } : null;
  const prioritiesRaw = json(LABELS.priorities)[0];
  const priorities = Array.isArray(prioritiesRaw) && prioritiesRaw.every((p) => typeof p === "string") ? (prioritiesRaw as string[]) : null;
  const ratings = json(LABELS.rating).flatMap((raw): KeptRating[] => {
    const r = KeptRatingSchema.safeParse(raw);
    return r.success ? [r.data] : [];
  });
  const placements = json(LABELS.placement).flatMap((raw): KeptPlacement[] => {
    const p = KeptPlacementSchema.safeParse(raw);
    return p.success ? [p.data] : [];
  });
  const corrections = json(LABELS.correction).flatMap((raw): RecipeSheet[] => {
    const s = RecipeSheetSchema.safeParse(raw);
    return s.success ? [s.data] : [];
  });
  const from = first(LABELS.recipeFrom)?.[1] || null;

  const choices: AnalystChoices = {
    thresholds: green !== null && amber !== null ? { green, amber } : null,
    groupBy,
    ratings,
    placements,
    priorities,
    framework,
    publishThreshold: publish,
    recipe: corrections.length > 0 ? { kind: "reading-recipe", version: 1, from, sheets: corrections } : null,
  };
  const empty =
    !choices.thresholds && !groupBy && ratings.length === 0 && placements.length === 0 && !priorities && !framework && publish === null && !choices.recipe;
  return empty ? null : choices;
}
