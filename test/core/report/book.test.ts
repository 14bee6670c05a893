import { defaultFramework } from "../../../src/core/framework";
import type { Framework, Indicator, Observation } from "../../../src/core/model/model";
import type { PlanValue, SheetPlan } from "../../../src/core/plan/plan";
import { RagRuleSchema } from "../../../src/core/rag";
import { ACTIONS_LABEL, CONTENTS_SHEET, keptWriting, pageName, QUESTIONS_LABEL, reportBook, STORY_LABEL } from "../../../src/core/report/book";
import { SUPPRESSED_MARK } from "../../../src/core/report/suppress";

const rule = RagRuleSchema.parse({});
const QUARTERS = [
  { start: "2024-04-01", end: "2024-06-30", label: "Q1 2024/25" },
  { start: "2024-07-01", end: "2024-09-30", label: "Q2 2024/25" },
  { start: "2024-10-01", end: "2024-12-31", label: "Q3 2024/25" },
  { start: "2025-01-01", end: "2025-03-31", label: "Q4 2024/25" },
];

function series(indicator: string, values: (number | null)[], extra: Partial<Observation> = {}): Observation[] {
  return values.map((value, i) => ({
    indicator, indicatorId: null, agency: "Children's Social Care", period: QUARTERS[i]!, value, status: value === null ? "suppressed" : "ok",
    unit: "count", numerator: null, denominator: null, target: null, polarity: null, rag: null,
    source: { file: "f.xlsx", sheet: "S", cell: `B${i + 2}` }, ...extra,
  }));
}

function indicator(name: string, contentArea: string, more: Partial<Indicator> = {}): Indicator {
  return { id: null, name, agency: "Children's Social Care", unit: "count", polarity: "lower", target: 30, contentArea, type: "quantity", source: "management_information", frequency: "quarterly", ...more };
}

/** The text of every cell a sheet's blocks write, as rows of values keyed by "row,col". */
function cellsOf(sheet: SheetPlan): Map<string, PlanValue> {
  const out = new Map<string, PlanValue>();
  for (const b of sheet.blocks) {
    const m = /^([A-Z]+)(\d+)$/.exec(b.at)!;
    const col0 = m[1]!.split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    b.values.forEach((row, r) => row.forEach((v, c) => out.set(`${Number(m[2]) - 1 + r},${col0 + c}`, v)));
  }
  return out;
}

/** A sheet as a grid of values, as the file adapter reads a written book back. */
function grid(sheet: SheetPlan): PlanValue[][] {
  const cells = cellsOf(sheet);
  const rows: PlanValue[][] = [];
  for (const [k, v] of cells) {
    const [r, c] = k.split(",").map(Number) as [number, number];
    rows[r] ??= [];
    rows[r]![c] = v;
  }
  return Array.from({ length: rows.length }, (_, i) => rows[i] ?? []);
}

const AREA_A = defaultFramework.areas[0]!.name;
const AREA_B = defaultFramework.areas[3]!.name;
const indicators = [indicator("Referrals to children's social care", AREA_A), indicator("Strategy meetings attended by police (%)", AREA_B, { unit: "percent", polarity: "higher", target: 90 })];
const observations = [
  ...series("Referrals to children's social care", [40, 4, 35, 33]),
  ...series("Strategy meetings attended by police (%)", [88, 91, 86, 93], { unit: "percent" }),
];

describe("the report book", () => {
  it("has a contents page, then a page per content area in the framework's order, priorities first", () => {
    const framework: Framework = { ...defaultFramework, areas: defaultFramework.areas.map((a) => (a.name === AREA_B ? { ...a, priority: true } : a)) };
    const book = reportBook(observations, indicators, framework, { rule });
    expect(book.sheets[0]).toEqual({ name: CONTENTS_SHEET, area: null, charts: 0 });
    expect(book.sheets.slice(1).map((s) => s.area)).toEqual([AREA_B, ...defaultFramework.areas.filter((a) => a.name !== AREA_B).map((a) => a.name)]);
    for (const s of book.plan.sheets) expect(s.name.length).toBeLessThanOrEqual(31);
    expect(book.plan.sheets.every((s) => s.print?.paper === "A3" && s.print.orientation === "landscape" && s.print.fitWidth === 1)).toBe(true);
  });

  it("gives each page what good looks like, the figures, a trend chart against the target, the boxes and the board's questions", () => {
    const book = reportBook(observations, indicators, defaultFramework, { rule });
    const page = book.plan.sheets.find((s) => s.name === pageName(0, AREA_A))!;
    const text = [...cellsOf(page).values()].filter((v): v is string => typeof v === "string");
    const area = defaultFramework.areas[0]!;
    expect(text).toContain(area.goodLooksLike);
    expect(text).toEqual(expect.arrayContaining([STORY_LABEL, ACTIONS_LABEL, QUESTIONS_LABEL, ...area.questions.map((q, i) => `${i + 1}. ${q}`)]));
    expect(text).toContain("Referrals to children's social care");
    expect(page.charts).toHaveLength(1);
    expect(page.charts![0]).toMatchObject({ kind: "lineMarkers", title: "Referrals to children's social care" });
    // The chart's source: periods, the figure and the target, one row a quarter.
    const source = page.charts![0]!.source;
    expect(source).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
    expect(book.sheets.find((s) => s.area === AREA_A)!.charts).toBe(1);
    // An area with no indicator still has its page, saying so.
    const empty = book.plan.sheets.find((s) => s.name === pageName(8, defaultFramework.areas[8]!.name))!;
    expect([...cellsOf(empty).values()].some((v) => typeof v === "string" && v.startsWith("No indicator is placed in this area yet"))).toBe(true);
  });

  it("counts the latest ratings on the contents page and links each page", () => {
    const book = reportBook(observations, indicators, defaultFramework, { rule });
    const contents = cellsOf(book.plan.sheets[0]!);
    expect(String(contents.get("1,0"))).toMatch(/^Ratings of the latest figures: 1 green, 1 amber, 0 red, 0 without a rating\.$/);
    expect(contents.get("4,0")).toEqual({ formula: `HYPERLINK("#'${pageName(0, AREA_A)}'!A1","${pageName(0, AREA_A)}")` });
  });

  it("keeps what the analyst wrote in the story and actions boxes when the book is built again", () => {
    const first = reportBook(observations, indicators, defaultFramework, { rule });
    const page = first.plan.sheets.find((s) => s.name === pageName(0, AREA_A))!;
    const written = grid(page);
    const storyAt = written.findIndex((row) => row[0] === STORY_LABEL);
    const actionsAt = written.findIndex((row) => row[0] === ACTIONS_LABEL);
    written[storyAt + 1] = ["Referrals fell in Q2 because the front door changed its recording; audit due in March."];
    written[actionsAt + 1] = ["Head of service to report the audit to the May board."];
    const kept = keptWriting([{ area: AREA_A, cells: written }]);
    const again = reportBook(observations, indicators, defaultFramework, { rule, kept });
    const rebuilt = [...cellsOf(again.plan.sheets.find((s) => s.name === pageName(0, AREA_A))!).values()];
    expect(rebuilt).toContain("Referrals fell in Q2 because the front door changed its recording; audit due in March.");
    expect(rebuilt).toContain("Head of service to report the audit to the May board.");
  });

  it("withholds small counts, and a percentage worked from a small number, in a copy to publish, and says which and why", () => {
    const small = [
      ...series("Referrals to children's social care", [40, 4, 35, 3]),
      ...series("Strategy meetings attended by police (%)", [88, 91, 86, 75], { unit: "percent" }).map((o, i) => (i === 3 ? { ...o, numerator: 3, denominator: 4 } : o)),
    ];
    const before = JSON.stringify(small);
    const book = reportBook(small, indicators, defaultFramework, { rule, publish: {} });
    expect(JSON.stringify(small)).toBe(before);
    const pageA = pageName(0, AREA_A);
    const pageB = pageName(3, AREA_B);
    const reasons = book.suppressed.map((s) => `${s.sheet}|${s.reason}`);
    // The latest count (3) in the table and the small counts (4, 3) in the chart's figures.
    expect(reasons.filter((r) => r === `${pageA}|small number`)).toHaveLength(3);
    // The latest percentage, worked from 3 out of 4, in the table and in the chart.
    expect(reasons.filter((r) => r === `${pageB}|secondary`)).toHaveLength(2);
    const cells = cellsOf(book.plan.sheets.find((s) => s.name === pageA)!);
    const latest = book.suppressed.find((s) => s.sheet === pageA && s.cell.startsWith("E"))!;
    const m = /^([A-Z]+)(\d+)$/.exec(latest.cell)!;
    expect(cells.get(`${Number(m[2]) - 1},4`)).toBe(SUPPRESSED_MARK);
    // The working copy builds with every figure.
    expect(reportBook(small, indicators, defaultFramework, { rule }).suppressed).toEqual([]);
  });
});
