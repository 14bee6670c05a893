/**
 * The Analyst tab's choices kept in the workbook: what the pane keeps (built from its drafts), and
 * how kept choices come back into them. Plain data, no engine code (only types, and the recipe
 * merge, which is plain too), so that it stays in the bundle the pane opens with.
 *
 * Restoring fills only what the analyst has not chosen in this session: a threshold typed before
 * the workbook was read is not overwritten by last quarter's.
 */
import type { PlacementOverride } from "../../../core/gap";
import type { LayoutOverrides } from "../../../core/ingest";
import type { AnalystChoices, Framework, KeptPlacement, KeptRating, RecipeSheet } from "../../../core/model";
import { isCorrection, mergeRecipe } from "../../../core/recipes/corrections";
import type { ImportedWorkbook } from "../../operations";
import { listSome } from "./import-summary";
import { DEFAULT_SCORECARD_DRAFT, readPercent, ratingKey, type MissingRating, type ScorecardDraft } from "./scorecard-draft";

/** The Gaps step's choices: placements by indicator ID or name, the priority areas, the framework's name. */
export interface GapChoices {
  overrides: Record<string, PlacementOverride>;
  /** The priority areas by name; null while the framework's own stand. */
  priorities: string[] | null;
  /** A partnership's own framework, by name and file; null for the built-in one. */
  framework: { name: string; file: string | null } | null;
}

export const EMPTY_GAP_CHOICES: GapChoices = { overrides: {}, priorities: null, framework: null };

/** The framework with the analyst's priority areas, where they have chosen any. */
export function withPriorities(framework: Framework, priorities: readonly string[] | null): Framework {
  if (priorities === null) return framework;
  return { ...framework, areas: framework.areas.map((a) => ({ ...a, priority: priorities.includes(a.name) })) };
}

/** A kept placement as the analysis takes it. */
export function placementOverrideOf(p: KeptPlacement): PlacementOverride {
  const { indicator: _key, ...rest } = p;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}

/** The Gaps step's choices with the kept ones filled in where none is chosen. */
export function restoreGapChoices(choices: GapChoices, kept: AnalystChoices | null): GapChoices {
  if (!kept) return choices;
  const overrides = { ...choices.overrides };
  for (const p of kept.placements) if (!(p.indicator in overrides)) overrides[p.indicator] = placementOverrideOf(p);
  return { overrides, priorities: choices.priorities ?? kept.priorities, framework: choices.framework ?? kept.framework };
}

/** The Scorecard's draft with the kept thresholds, grouping, polarities and targets, where none is chosen. */
export function restoreScorecardDraft(draft: ScorecardDraft, kept: AnalystChoices | null): ScorecardDraft {
  if (!kept) return draft;
  const next: ScorecardDraft = { ...draft, additions: { ...draft.additions } };
  const untouched = draft.green === DEFAULT_SCORECARD_DRAFT.green && draft.amber === DEFAULT_SCORECARD_DRAFT.amber;
  if (untouched && kept.thresholds) {
    next.green = String(kept.thresholds.green);
    next.amber = String(kept.thresholds.amber);
  }
  if (draft.groupBy === DEFAULT_SCORECARD_DRAFT.groupBy && kept.groupBy) next.groupBy = kept.groupBy;
  for (const r of kept.ratings) {
    const key = ratingKey(r.indicatorId, r.indicator);
    if (key in next.additions) continue;
    next.additions[key] = { polarity: r.polarity ?? "", target: r.target === undefined ? "" : String(r.target) };
  }
  return next;
}

/** The largest count to withhold as typed, kept: the kept one where nothing else was typed. */
export function restorePublishText(text: string, kept: AnalystChoices | null): string {
  return text === DEFAULT_PUBLISH_TEXT && kept?.publishThreshold ? String(kept.publishThreshold) : text;
}

export const DEFAULT_PUBLISH_TEXT = "5";

/** What the pane holds that is kept. */
export interface PaneChoices {
  draft: ScorecardDraft;
  missing: readonly MissingRating[];
  gap: GapChoices;
  publishText: string;
  imported: ImportedWorkbook | null;
  applied: LayoutOverrides;
  /** The choices kept in the workbook as last read or written. */
  kept: AnalystChoices | null;
}

function ratingsOf(draft: ScorecardDraft, missing: readonly MissingRating[], kept: AnalystChoices | null): KeptRating[] {
  const out: KeptRating[] = [];
  for (const m of missing) {
    const a = draft.additions[m.key];
    if (!a) continue;
    const target = a.target.trim().replace(/%$/, "").trim().replace(/,/g, "");
    const r: KeptRating = { indicatorId: m.indicatorId, indicator: m.indicator };
    if ((a.polarity === "higher" || a.polarity === "lower") && m.needsPolarity) r.polarity = a.polarity;
    if (/^-?\d+(?:\.\d+)?$/.test(target) && m.needsTarget) r.target = Number(target);
    if (r.polarity !== undefined || r.target !== undefined) out.push(r);
  }
  // Ratings kept for indicators this workbook does not lack (another quarter's) stay kept.
  const here = new Set(missing.map((m) => m.key));
  for (const r of kept?.ratings ?? []) if (!here.has(ratingKey(r.indicatorId, r.indicator))) out.push(r);
  return out;
}

/** The corrections of the workbook read, each under its sheet's layout key. */
function freshRecipe(imported: ImportedWorkbook, applied: LayoutOverrides): RecipeSheet[] {
  const keys = imported.layoutKeys ?? {};
  return Object.entries(applied).flatMap(([sheet, override]) => {
    const key = keys[sheet];
    return key && isCorrection(override) ? [{ key: key.key, sheet, headings: key.headings, override }] : [];
  });
}

/** Everything the pane keeps in the workbook, as it stands now. */
export function choicesToKeep(pane: PaneChoices): AnalystChoices {
  const { draft, missing, gap, publishText, imported, applied, kept } = pane;
  const green = readPercent(draft.green);
  const amber = readPercent(draft.amber);
  const publish = /^\d+$/.test(publishText.trim()) ? Number(publishText.trim()) : NaN;
  const recipe = imported?.layoutKeys
    ? mergeRecipe(kept?.recipe ?? null, freshRecipe(imported, applied), new Set(Object.values(imported.layoutKeys).map((k) => k.key)), imported.file)
    : (kept?.recipe ?? null);
  return {
    thresholds: Number.isNaN(green) || Number.isNaN(amber) ? (kept?.thresholds ?? null) : { green, amber },
    groupBy: draft.groupBy,
    ratings: ratingsOf(draft, missing, kept),
    placements: Object.entries(gap.overrides).map(([indicator, o]) => ({ indicator, ...o })),
    priorities: gap.priorities,
    framework: gap.framework,
    publishThreshold: publish >= 1 && publish <= 100 ? publish : (kept?.publishThreshold ?? null),
    recipe: recipe && recipe.sheets.length > 0 ? recipe : null,
  };
}

/** What came back from the workbook, in a sentence: "RAG thresholds 97% and 85%; 3 polarities or targets; …". */
export function restoredInWords(kept: AnalystChoices): string {
  const n = (x: number, one: string, many: string) => `${x} ${x === 1 ? one : many}`;
  const parts = [
    kept.thresholds ? `RAG thresholds ${kept.thresholds.green}% and ${kept.thresholds.amber}% of target` : null,
    kept.groupBy === "contentArea" ? "the scorecard grouped by content area" : null,
    kept.ratings.length > 0 ? n(kept.ratings.length, "polarity or target given", "polarities or targets given") : null,
    kept.placements.length > 0 ? n(kept.placements.length, "placement", "placements") : null,
    kept.priorities ? (kept.priorities.length > 0 ? `priority areas ${listSome(kept.priorities, 3)}` : "no priority areas") : null,
    kept.framework ? `the framework “${kept.framework.name}”` : null,
    kept.publishThreshold !== null ? `counts from 1 to ${kept.publishThreshold} withheld when publishing` : null,
    kept.recipe ? n(kept.recipe.sheets.length, "sheet layout with corrections", "sheet layouts with corrections") : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? `${parts.join("; ")}.` : "nothing yet.";
}
