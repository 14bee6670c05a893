/**
 * The task pane's benchmark settings kept in the workbook: a hidden sheet the add-in owns (it is
 * written through the add-in's register, like its other sheets), so that the area, the names of
 * the files last used and which published figure each indicator is compared with travel with the
 * workbook and come back when the pane opens it again. Hidden, not very hidden: anyone can unhide
 * it and read it. Every cell is text, so that no reading of the workbook takes it for figures,
 * and the files' text is never written as a formula.
 *
 * Read back leniently: a row it cannot use is passed over, and a sheet with no area, files or
 * links gives nothing, so that a person's edit only ever loses what they changed.
 */
import type { Grid } from "../grid/grid";
import { BenchmarkLinkSchema, type BenchmarkLink, type BenchmarkSettings } from "../model/model";
import type { SheetPlan } from "../plan/plan";

export const BENCHMARK_SETTINGS_SHEET = "Benchmark settings";

const TITLE =
  "The benchmark settings the safeguarding scorecard add-in keeps for this workbook: the area compared, the files last used (by name; the files are picked again each time) and the published figure each indicator is compared with. Change them in the add-in's Benchmarks section.";
const LABELS = { area: "Area", neighbours: "Neighbour list", files: "Open-data files" } as const;
export const LINK_HEADINGS = ["Indicator ID", "Indicator", "File", "Published column", "Breakdown"] as const;

/** A breakdown as one cell: JSON, which says exactly which headings and values, whatever they hold. */
function breakdownCell(b: Record<string, string> | undefined): string | null {
  return b && Object.keys(b).length > 0 ? JSON.stringify(b) : null;
}

export function benchmarkSettingsSheet(settings: BenchmarkSettings): SheetPlan {
  const links = settings.map.links.map((l) => [l.indicatorId ?? null, l.indicator ?? null, l.file ?? null, l.column, breakdownCell(l.breakdown)]);
  const files = settings.files.length > 0 ? settings.files : [null];
  return {
    name: BENCHMARK_SETTINGS_SHEET,
    state: "hidden",
    blocks: [
      { at: "A1", values: [[TITLE]] },
      { at: "A3", values: [[LABELS.area, settings.area], [LABELS.neighbours, settings.neighbourFile]] },
      { at: "A5", values: [[LABELS.files, ...files]] },
      { at: "A7", values: [[...LINK_HEADINGS], ...links] },
    ],
    styles: [
      { range: "A3:A5", style: { bold: true } },
      { range: "A7:E7", style: { bold: true } },
    ],
    columnWidths: [14, 46, 24, 30, 30].map((width, col) => ({ col, width })),
  };
}

const text = (v: unknown): string => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");

function parseBreakdown(cell: string): Record<string, string> | undefined | null {
  if (cell === "") return undefined;
  try {
    const parsed: unknown = JSON.parse(cell);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed) && Object.values(parsed).every((v) => typeof v === "string")) return parsed as Record<string, string>;
  } catch {
    // Not JSON: the row is passed over below.
  }
  return null;
}

/** The settings a sheet holds, or null when it holds none the pane can use. */
export function readBenchmarkSettings(grid: Grid): BenchmarkSettings | null {
  const rows = grid.rows.map((r) => r.map((c) => text(c.value)));
  const rowStarting = (label: string) => rows.find((r) => r[0]?.toLowerCase() === label.toLowerCase());
  const area = rowStarting(LABELS.area)?.[1] || null;
  const neighbourFile = rowStarting(LABELS.neighbours)?.[1] || null;
  const files = (rowStarting(LABELS.files) ?? []).slice(1).filter((f) => f !== "");
  const heading = rows.findIndex((r) => r[0]?.toLowerCase() === LINK_HEADINGS[0].toLowerCase() && r[3]?.toLowerCase() === LINK_HEADINGS[3].toLowerCase());
  const links: BenchmarkLink[] = [];
  if (heading >= 0) {
    for (const r of rows.slice(heading + 1)) {
      const [indicatorId = "", indicator = "", file = "", column = "", breakdownText = ""] = r;
      const breakdown = parseBreakdown(breakdownText);
      if (breakdown === null) continue;
      const link = BenchmarkLinkSchema.safeParse({
        ...(indicatorId ? { indicatorId } : {}),
        ...(indicator ? { indicator } : {}),
        ...(file ? { file } : {}),
        column,
        ...(breakdown ? { breakdown } : {}),
      });
      if (link.success) links.push(link.data);
    }
  }
  if (area === null && files.length === 0 && links.length === 0) return null;
  return { area, neighbourFile, files, map: { links } };
}
