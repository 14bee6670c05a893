import type { Observation } from "../../../src/core/model";
import { formatRuns, indicatorsSheet, INDICATOR_HEADINGS, observationsSheet, OBSERVATION_HEADINGS, valueFormat } from "../../../src/core/indicator-sheets";

function obs(partial: Partial<Observation> & { indicator: string; start: string; end: string }): Observation {
  return {
    indicator: partial.indicator,
    indicatorId: partial.indicatorId ?? null,
    agency: partial.agency ?? null,
    period: { start: partial.start, end: partial.end, label: partial.period?.label ?? partial.start },
    value: partial.value ?? null,
    status: partial.status ?? "ok",
    unit: partial.unit ?? "count",
    numerator: null,
    denominator: null,
    target: partial.target ?? null,
    polarity: partial.polarity ?? null,
    rag: partial.rag ?? null,
    source: partial.source ?? { file: "f.xlsx", sheet: "S", cell: "A1" },
    mark: partial.mark,
  };
}

describe("the structured indicator workbook", () => {
  test("the Indicators sheet carries the indicator-set headings, so the workbook reads back as a set", () => {
    const sheet = indicatorsSheet([{ id: "CP01", name: "Re-referrals", agency: "CSC", unit: "percent", polarity: "lower", target: 20, contentArea: null, type: null, source: null, frequency: "Quarterly" }]);
    expect(sheet.blocks[0]!.values[0]).toEqual([...INDICATOR_HEADINGS]);
    expect(sheet.blocks[0]!.values[1]).toEqual(["CP01", "Re-referrals", "CSC", "percent", "lower", 20, null, null, null, "Quarterly"]);
    expect(sheet.tables).toEqual([{ name: "Indicators", range: "A1:J2", style: "TableStyleMedium2" }]);
    expect(sheet.numberFormats).toEqual([{ range: "F2:F2", format: '0.0"%"' }]);
    expect(sheet.freeze).toEqual({ rows: 1, columns: 0 });
  });

  test("observations are sorted by agency, indicator and period, with real dates and the source cell", () => {
    const sheet = observationsSheet([
      obs({ indicator: "B", agency: "Police", start: "2025-07-01", end: "2025-09-30", value: 3, source: { file: "x.xlsx", sheet: "Police", cell: "D9" } }),
      obs({ indicator: "B", agency: "Police", start: "2025-04-01", end: "2025-06-30", value: 2 }),
      obs({ indicator: "A", agency: "Health", start: "2025-04-01", end: "2025-06-30", unit: "percent", value: 87.5 }),
      obs({ indicator: "A", agency: "Health", start: "2025-07-01", end: "2025-09-30", unit: "percent", status: "suppressed", mark: "<5" }),
    ]);
    const rows = sheet.blocks[0]!.values;
    expect(rows[0]).toEqual([...OBSERVATION_HEADINGS]);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[6], r[7], r[8]])).toEqual([
      ["A", "Health", 87.5, "ok", null],
      ["A", "Health", null, "suppressed", "<5"],
      ["B", "Police", 2, "ok", null],
      ["B", "Police", 3, "ok", null],
    ]);
    // 1 April 2025 is Excel serial 45748.
    expect(rows[1]![4]).toBe(45748);
    expect(rows[4]!.slice(15)).toEqual(["x.xlsx", "Police", "D9"]);
    expect(sheet.tables![0]!.range).toBe("A1:R5");
    expect(sheet.numberFormats).toEqual(
      expect.arrayContaining([
        { range: "E2:F5", format: "yyyy-mm-dd" },
        { range: "G2:G3", format: '0.0"%"' },
        { range: "G4:G5", format: "#,##0" },
      ]),
    );
  });

  test("an empty result still makes valid tables (one blank body row)", () => {
    const sheet = observationsSheet([]);
    expect(sheet.tables![0]!.range).toBe("A1:R2");
    expect(sheet.blocks[0]!.values).toHaveLength(2);
  });

  test("number formats are written in runs, not one range per row", () => {
    const formats = [...Array(5000).fill("#,##0"), ...Array(5000).fill('0.0"%"')];
    expect(formatRuns(6, 2, formats)).toEqual([
      { range: "G2:G5001", format: "#,##0" },
      { range: "G5002:G10001", format: '0.0"%"' },
    ]);
    expect(valueFormat(null)).toBe("General");
  });
});
