import { cellAddress, columnLetters, parseRange } from "../../../src/core/grid/address";
import type { Indicator, Observation, Period } from "../../../src/core/model";
import type { SheetPlan } from "../../../src/core/plan/plan";
import { DEFAULT_RAG_RULE, RagRuleSchema, applyRag, type RagRule } from "../../../src/core/rag";
import { RAG_STYLES, SCORECARD_ROWS, buildScorecard, scorecardPlan, type ScorecardLayout } from "../../../src/core/scorecard";
import { conditionalFill, planCells, sheetLookup } from "./sheet-eval";

const Q = (n: 1 | 2 | 3 | 4): Period => {
  const [start, end] = {
    1: ["2024-04-01", "2024-06-30"],
    2: ["2024-07-01", "2024-09-30"],
    3: ["2024-10-01", "2024-12-31"],
    4: ["2025-01-01", "2025-03-31"],
  }[n];
  return { start: start!, end: end!, label: `Q${n} 2024/25` };
};

function indicator(over: Partial<Indicator> & { name: string }): Indicator {
  return { id: null, agency: null, unit: "percent", polarity: "higher", target: null, contentArea: null, type: null, source: null, frequency: null, ...over };
}

function obs(ind: Indicator, period: Period, value: number | null, over: Partial<Observation> = {}): Observation {
  return {
    indicator: ind.name,
    indicatorId: ind.id,
    agency: ind.agency,
    period,
    value,
    status: value === null ? "suppressed" : "ok",
    unit: ind.unit ?? "other",
    numerator: null,
    denominator: null,
    target: null,
    polarity: null,
    rag: null,
    source: { file: "return.xlsx", sheet: "Return", cell: "D7" },
    ...over,
  };
}

const CP01 = indicator({ id: "CP01", name: "Strategy meetings within 1 working day", agency: "Children's Social Care", contentArea: "Priority service areas", target: 90, comparators: { "Statistical neighbours": 88, England: 85 } });
const CP02 = indicator({ id: "CP02", name: "Re-referrals within 12 months", agency: "Children's Social Care", contentArea: "Priority service areas", polarity: "lower", target: 20 });
const PO01 = indicator({ id: "PO01", name: "Return interviews offered after a missing episode", agency: "Police", contentArea: "Vulnerable groups of children", target: 80 });
const HE01 = indicator({ id: "HE01", name: "Caseload per health visitor", agency: "Health", contentArea: "Workforce", unit: "count", polarity: "band", band: { low: 15, high: 20 } });
const indicators = [CP01, CP02, PO01, HE01];

// Deliberately out of order: the scorecard sorts periods itself.
const observations: Observation[] = [
  obs(CP01, Q(4), 85.5), // 95% of 90: green
  obs(CP01, Q(2), 70),
  obs(CP01, Q(3), 80),
  obs(CP02, Q(3), 25),
  obs(CP02, Q(4), 21), // lower is better, 20 / 21 = 95.2%: green
  obs(PO01, Q(3), 70),
  obs(PO01, Q(4), null, { mark: "<5" }),
  obs(HE01, Q(3), 12),
  obs(HE01, Q(4), 14), // below a band of 15-20, 93% of its low edge: amber
  obs(CP01, Q(1), 60),
];

function build(rule: RagRule = DEFAULT_RAG_RULE, groupBy: "agency" | "contentArea" = "agency", obsList = observations, inds = indicators) {
  return buildScorecard(obsList, inds, rule, { groupBy });
}

function header(sheet: SheetPlan): string[] {
  const row = sheet.blocks[0]?.values[SCORECARD_ROWS.header] ?? [];
  return row.map((v) => String(v));
}

function rowOf(layout: ScorecardLayout, name: string): number {
  const r = layout.rows.find((x) => x.kind === "indicator" && x.label === name);
  if (!r) throw new Error(`no row for ${name}`);
  return r.row;
}

function colOf(sheet: SheetPlan, heading: string): number {
  const i = header(sheet).indexOf(heading);
  if (i < 0) throw new Error(`no column ${heading}`);
  return i;
}

describe("the scorecard's layout", () => {
  const { sheet, layout } = build();
  const cells = planCells(sheet);
  const value = (row: number, heading: string) => cells.get(cellAddress(row, colOf(sheet, heading))) ?? null;

  test("one sheet named Scorecard", () => {
    const sheets = scorecardPlan(observations, indicators, DEFAULT_RAG_RULE, { groupBy: "agency" });
    expect(sheets.map((s) => s.name)).toEqual(["Scorecard"]);
  });

  test("a title, then the rule, then the threshold cells, then how to read it", () => {
    expect(cells.get("A1")).toBe("Safeguarding partnership scorecard: by agency, Q1 2024/25 to Q4 2024/25");
    expect(cells.get("A3")).toMatch(/Green: at least/);
    expect(cells.get("B3")).toBe(0.95);
    expect(cells.get("C3")).toMatch(/Amber: at least/);
    expect(cells.get("D3")).toBe(0.9);
    expect(String(cells.get("A4"))).toMatch(/Lower is better: achievement is target ÷ actual/);
  });

  test("the rule's sentence reads the live threshold cells", () => {
    expect(sheetLookup(sheet)("A2")).toBe(
      "Green (G): at least 95% of target achieved; amber (A): at least 90%; red (R): below 90% (Barnsley Safeguarding Children Partnership framework, 2019).",
    );
    expect(sheetLookup(sheet, { B3: 0.975, D3: 0.8 })("A2")).toMatch(/at least 97.5% of target achieved; amber \(A\): at least 80%; red \(R\): below 80%/);
  });

  test("periods across in chronological order, then latest, target, polarity, previous, direction, RAG", () => {
    expect(header(sheet)).toEqual([
      "Indicator", "ID", "Content area", "Unit",
      "Q1 2024/25", "Q2 2024/25", "Q3 2024/25", "Q4 2024/25",
      "Latest", "Target", "Band low", "Band high", "Polarity", "Previous", "Direction of travel", "RAG",
      "England", "Statistical neighbours",
    ]);
  });

  test("indicators grouped under agency heading rows, in the indicator set's order", () => {
    expect(layout.rows.map((r) => `${r.kind === "group" ? "#" : "  "}${r.label}`)).toEqual([
      "#Children's Social Care",
      "  Strategy meetings within 1 working day",
      "  Re-referrals within 12 months",
      "#Police",
      "  Return interviews offered after a missing episode",
      "#Health",
      "  Caseload per health visitor",
    ]);
    expect(layout.rows[0]?.row).toBe(SCORECARD_ROWS.firstData);
    expect(cells.get(cellAddress(SCORECARD_ROWS.firstData, 0))).toBe("Children's Social Care");
  });

  test("or under content-area heading rows, with the agency beside each indicator", () => {
    const byArea = build(DEFAULT_RAG_RULE, "contentArea");
    expect(byArea.layout.rows.filter((r) => r.kind === "group").map((r) => r.label)).toEqual([
      "Priority service areas",
      "Vulnerable groups of children",
      "Workforce",
    ]);
    expect(header(byArea.sheet)[2]).toBe("Agency");
    const c = planCells(byArea.sheet);
    expect(c.get(cellAddress(rowOf(byArea.layout, CP02.name), 2))).toBe("Children's Social Care");
  });

  test("percent figures in percent units with a 0.0 format and % in the unit column", () => {
    const r = rowOf(layout, CP01.name);
    expect(value(r, "Unit")).toBe("%");
    expect(value(r, "Q4 2024/25")).toBe(85.5);
    const formats = sheet.numberFormats ?? [];
    const covering = formats.filter((f) => {
      const g = parseRange(f.range);
      return r >= g.top && r <= g.bottom && colOf(sheet, "Q4 2024/25") >= g.left && colOf(sheet, "Q4 2024/25") <= g.right;
    });
    expect(covering.map((f) => f.format)).toEqual(["0.0"]);
    expect(value(rowOf(layout, HE01.name), "Unit")).toBe("Number");
  });

  test("a suppressed figure keeps its mark and gets no rating", () => {
    const r = rowOf(layout, PO01.name);
    expect(value(r, "Q4 2024/25")).toBe("<5");
    const look = sheetLookup(sheet);
    expect(look(cellAddress(r, colOf(sheet, "Latest")))).toBe("<5");
    expect(look(cellAddress(r, colOf(sheet, "RAG")))).toBe("");
    expect(look(cellAddress(r, colOf(sheet, "Direction of travel")))).toBe("");
  });

  test("comparators in their own columns, England first", () => {
    const r = rowOf(layout, CP01.name);
    expect(value(r, "England")).toBe(85);
    expect(value(r, "Statistical neighbours")).toBe(88);
    expect(value(rowOf(layout, CP02.name), "England")).toBeNull();
  });

  test("no comparator or band columns when no indicator needs them", () => {
    const plain = build(DEFAULT_RAG_RULE, "agency", observations.filter((o) => o.indicatorId === "CP02"), [CP02]);
    expect(header(plain.sheet)).not.toContain("England");
    expect(header(plain.sheet)).not.toContain("Band low");
    expect(plain.sheet.dataValidations?.[0]).toMatchObject({ kind: "list", items: ["higher", "lower"] });
  });

  test("header rows and the indicator column frozen; widths set for every column", () => {
    expect(sheet.freeze).toEqual({ rows: SCORECARD_ROWS.header + 1, columns: 1 });
    expect(sheet.columnWidths?.map((w) => w.col)).toEqual(header(sheet).map((_, i) => i));
    expect(sheet.columnWidths?.[0]?.width).toBeGreaterThan(30);
  });

  test("polarity cells accept only what the formulas understand", () => {
    const polarity = colOf(sheet, "Polarity");
    expect(sheet.dataValidations).toEqual([
      expect.objectContaining({
        kind: "list",
        items: ["higher", "lower", "band"],
        range: `${columnLetters(polarity)}${SCORECARD_ROWS.firstData + 1}:${columnLetters(polarity)}${layout.lastRow + 1}`,
      }),
    ]);
  });

  test("prints on A3 landscape, one page wide and as many down as it needs, the headings on every page, the table its area", () => {
    expect(sheet.print).toEqual({
      paper: "A3",
      orientation: "landscape",
      fitWidth: 1,
      fitHeight: null,
      area: `A1:${columnLetters(header(sheet).length - 1)}${layout.lastRow + 1}`,
      titleRows: [SCORECARD_ROWS.header],
    });
  });

  test("a long name wraps in the Indicator column, its row as tall as the lines it takes; a short one keeps the default height", () => {
    const long = indicator({ id: "CP09", name: "Initial child protection conferences within 15 working days of strategy discussion (%)", agency: "Children's Social Care", target: 90 });
    const withLong = build(DEFAULT_RAG_RULE, "agency", [...observations, obs(long, Q(4), 88)], [...indicators, long]);
    const r = rowOf(withLong.layout, long.name);
    expect(withLong.sheet.rowHeights).toEqual([{ row: r, height: 30 }]);
    const names = `A${SCORECARD_ROWS.firstData + 1}:A${withLong.layout.lastRow + 1}`;
    expect(withLong.sheet.styles).toContainEqual({ range: names, style: { wrap: true } });
    expect(sheet.rowHeights).toEqual([]);
  });

  test("with benchmarks, the print area runs on to the trend charts under the table", () => {
    const trend = { period: Q(4), value: 20, england: 22 };
    const published = {
      indicator: "rereferrals_percent", breakdown: {}, period: Q(4), unit: "percent" as const, value: 21, status: "ok" as const, england: 22, region: 23,
      neighbours: { mean: 22.5, count: 9, leftOut: 0, missing: 0 }, rank: { position: 3, of: 12, leftOut: 0 }, rankLeftOut: 0, englandStatus: "ok" as const, regionStatus: "ok" as const,
      source: { file: "cin.csv", sheet: "cin", cell: "O8" }, trend: [trend, { ...trend, period: Q(3) }],
    };
    const benchmarks = {
      area: { code: "E06990001", name: "Northshire", region: "North East", oldCode: "951" },
      neighbours: [],
      files: ["cin.csv"],
      indicators: [{ indicatorId: "CP02", indicator: CP02.name, file: "cin.csv", column: "rereferrals_percent", breakdown: {}, linkedBy: "map" as const, published }],
    };
    const linked = buildScorecard(observations, indicators, DEFAULT_RAG_RULE, { groupBy: "agency", benchmarks });
    const bottom = linked.layout.trend?.bottom ?? 0;
    expect(bottom).toBeGreaterThan(linked.layout.lastRow);
    expect(parseRange(linked.sheet.print?.area ?? "A1").bottom).toBe(bottom);
  });

  test("an indicator with no figures still has its row", () => {
    const extra = indicator({ id: "ED01", name: "Schools with a safeguarding audit", agency: "Education", target: 100 });
    const withGap = build(DEFAULT_RAG_RULE, "agency", observations, [...indicators, extra]);
    const r = rowOf(withGap.layout, extra.name);
    expect(sheetLookup(withGap.sheet)(cellAddress(r, colOf(withGap.sheet, "RAG")))).toBe("");
  });
});

describe("the sheet rates itself", () => {
  const { sheet, layout } = build();
  const ragAt = (row: number, edits = {}) => sheetLookup(sheet, edits)(cellAddress(row, colOf(sheet, "RAG")));

  test("the RAG column's formulas give the letters applyRag gives the latest figures", () => {
    const rated = applyRag(observations, indicators, DEFAULT_RAG_RULE);
    const letter = { green: "G", amber: "A", red: "R" } as const;
    for (const ind of indicators) {
      const latest = rated.filter((o) => o.indicatorId === ind.id).sort((a, b) => a.period.start.localeCompare(b.period.start)).pop();
      const expected = latest?.rag ? letter[latest.rag] : "";
      expect([ind.name, ragAt(rowOf(layout, ind.name))]).toEqual([ind.name, expected]);
    }
    expect(["G", "G", "", "A"]).toEqual(indicators.map((i) => ragAt(rowOf(layout, i.name))));
  });

  test("editing a figure, a target or a threshold re-rates the row", () => {
    const r = rowOf(layout, CP01.name);
    const q4 = cellAddress(r, colOf(sheet, "Q4 2024/25"));
    const target = cellAddress(r, colOf(sheet, "Target"));
    expect(ragAt(r)).toBe("G");
    expect(ragAt(r, { [q4]: 50 })).toBe("R");
    expect(ragAt(r, { [q4]: 81 })).toBe("A"); // exactly 90% of 90
    expect(ragAt(r, { [target]: 100 })).toBe("R");
    expect(ragAt(r, { B3: 0.96 })).toBe("A");
    expect(ragAt(r, { D3: 0.96, B3: 0.99 })).toBe("R");
  });

  test("direction of travel, for each polarity, in words", () => {
    const look = sheetLookup(sheet);
    const dir = (name: string) => look(cellAddress(rowOf(layout, name), colOf(sheet, "Direction of travel")));
    expect(dir(CP01.name)).toBe("▲ Improving"); // 80 -> 85.5, higher is better
    expect(dir(CP02.name)).toBe("▲ Improving"); // 25 -> 21, lower is better
    expect(dir(HE01.name)).toBe("▲ Improving"); // 12 -> 14, closer to the band
    const worse = sheetLookup(sheet, { [cellAddress(rowOf(layout, CP02.name), colOf(sheet, "Q4 2024/25"))]: 30 });
    expect(worse(cellAddress(rowOf(layout, CP02.name), colOf(sheet, "Direction of travel")))).toBe("▼ Worsening");
    expect(look(cellAddress(rowOf(layout, CP01.name), colOf(sheet, "Previous")))).toBe(80);
  });

  test("three rules, green, amber and red, colour the RAG column from the figures, not from painted fills", () => {
    const rules = sheet.conditionalFormats ?? [];
    expect(rules.map((r) => r.kind === "expression" && r.style.fill)).toEqual([RAG_STYLES.green.fill, RAG_STYLES.amber.fill, RAG_STYLES.red.fill]);
    const look = sheetLookup(sheet);
    const fill = (name: string) => conditionalFill(rules, cellAddress(rowOf(layout, name), colOf(sheet, "RAG")), look);
    expect(indicators.map((i) => fill(i.name))).toEqual([RAG_STYLES.green.fill, RAG_STYLES.green.fill, null, RAG_STYLES.amber.fill]);
    const edited = sheetLookup(sheet, { [cellAddress(rowOf(layout, CP01.name), colOf(sheet, "Q4 2024/25"))]: 10 });
    expect(conditionalFill(rules, cellAddress(rowOf(layout, CP01.name), colOf(sheet, "RAG")), edited)).toBe(RAG_STYLES.red.fill);
    // Nothing in the rated columns is painted.
    const rag = colOf(sheet, "RAG");
    for (const s of sheet.styles ?? []) {
      const g = parseRange(s.range);
      if (g.left <= rag && rag <= g.right && g.bottom >= SCORECARD_ROWS.firstData) {
        const groupRow = layout.rows.find((r) => r.row === g.top)?.kind === "group";
        expect(groupRow || s.style.fill === undefined).toBe(true);
      }
    }
  });
});

describe("per-indicator overrides on the sheet", () => {
  const rule = RagRuleSchema.parse({ overrides: [{ indicatorId: "CP01", green: 1, amber: 0.95 }] });
  const { sheet, layout } = build(rule);
  const look = sheetLookup(sheet);

  test("rows with their own thresholds show them; the others follow the sheet's cells", () => {
    const cells = planCells(sheet);
    const g = colOf(sheet, "Green at least");
    expect(cells.get(cellAddress(rowOf(layout, CP01.name), g))).toBe(1);
    expect(cells.get(cellAddress(rowOf(layout, CP02.name), g))).toEqual({ formula: "$B$3" });
    expect(look(cellAddress(rowOf(layout, CP01.name), colOf(sheet, "RAG")))).toBe("A"); // 95% of 90, below its own 100%
    expect(look(cellAddress(rowOf(layout, CP02.name), colOf(sheet, "RAG")))).toBe("G");
    // Raising the sheet's green threshold re-rates the others, not the row with its own.
    const stricter = sheetLookup(sheet, { B3: 1 });
    expect(stricter(cellAddress(rowOf(layout, CP02.name), colOf(sheet, "RAG")))).toBe("A");
    expect(stricter(cellAddress(rowOf(layout, CP01.name), colOf(sheet, "RAG")))).toBe("A");
  });
});

describe("a fixed number of rules, whatever the size", () => {
  function many(n: number): { observations: Observation[]; indicators: Indicator[] } {
    const inds: Indicator[] = [];
    const out: Observation[] = [];
    const agencies = ["Police", "Health", "Education", "Children's Social Care", "Probation"];
    for (let i = 0; i < n / 4; i++) {
      const ind = indicator({
        id: `X${i}`,
        name: `Indicator ${i}`,
        agency: agencies[i % agencies.length]!,
        polarity: i % 3 === 0 ? "lower" : "higher",
        target: 50 + (i % 40),
      });
      inds.push(ind);
      for (const q of [1, 2, 3, 4] as const) out.push(obs(ind, Q(q), (i * 7 + q * 13) % 100));
    }
    return { observations: out, indicators: inds };
  }

  test.each([100, 5000])("%p observations: three rules, each over the whole RAG column", (n) => {
    const data = many(n);
    const { sheet, layout } = build(DEFAULT_RAG_RULE, "agency", data.observations, data.indicators);
    const rules = sheet.conditionalFormats ?? [];
    expect(rules).toHaveLength(3);
    const rag = colOf(sheet, "RAG");
    for (const r of rules) {
      expect(parseRange(r.range)).toEqual({ top: SCORECARD_ROWS.firstData, left: rag, bottom: layout.lastRow, right: rag });
    }
    expect(layout.rows.filter((r) => r.kind === "indicator")).toHaveLength(n / 4);
    // The last row is coloured by the same rules, their row references moved down by Excel.
    const last = layout.rows[layout.rows.length - 1]!;
    const look = sheetLookup(sheet);
    const letter = look(cellAddress(last.row, rag));
    const fill = conditionalFill(rules, cellAddress(last.row, rag), look);
    expect(fill).toBe({ G: RAG_STYLES.green.fill, A: RAG_STYLES.amber.fill, R: RAG_STYLES.red.fill }[String(letter)] ?? null);
    expect(fill).not.toBeNull();
  });

  test("number formats come in runs, not one per row", () => {
    const data = many(5000);
    const { sheet } = build(DEFAULT_RAG_RULE, "agency", data.observations, data.indicators);
    expect((sheet.numberFormats ?? []).length).toBeLessThan(10);
  });
});
