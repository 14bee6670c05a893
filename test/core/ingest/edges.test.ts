/** Doubts become warnings; nothing recognisable is an InputError; corrections re-run extraction; speed. */
import { detectLayout, extractWithLayout, ingestWorkbook } from "../../../src/core/ingest";
import { InputError } from "../../../src/core/errors";
import { grid, workbook } from "./grids";

const scorecard = () =>
  grid("Data", [
    ["Indicator", "Q1 2025/26", "Q2 2025/26"],
    ["Contacts", 10, "about 12"],
    ["Referrals", { v: null, error: "#DIV/0!" }, 4],
    [undefined, 5, 6],
  ]);

describe("warnings", () => {
  it("names the cell and says what is wrong, in plain English", () => {
    const r = ingestWorkbook(workbook("w.xlsx", scorecard()));
    expect(r.observations.map((o) => [o.source.cell, o.status, o.value])).toEqual([
      ["B2", "ok", 10],
      ["B3", "missing", null],
      ["C3", "ok", 4],
    ]);
    expect(r.warnings.map((w) => [w.code, w.sheet, w.cell])).toEqual([
      ["INGEST_UNPARSED_VALUE", "Data", "C2"],
      ["INGEST_CELL_ERROR", "Data", "B3"],
      ["INGEST_NO_INDICATOR", "Data", "A4"],
    ]);
    expect(r.warnings[0]!.message).toBe('"about 12" is not a number or a recognised mark (such as *, <5, n/a or -), so it is left out.');
  });

  it("warns about a figure column whose heading names no period beside columns that do", () => {
    const sheet = grid("Latest", [
      ["Indicator", "Q1 2025/26", "Q2 2025/26", "Latest"],
      ["Contacts", 10, 12, 12],
    ]);
    const r = ingestWorkbook(workbook("l.xlsx", sheet));
    expect(r.observations.map((o) => o.source.cell)).toEqual(["B2", "C2"]);
    expect(r.warnings).toEqual([
      { code: "INGEST_AMBIGUOUS_HEADER", message: 'Column D ("Latest") holds figures but its heading names no period, so it is left out.', sheet: "Latest", cell: "D1" },
    ]);
  });

  it("reads a column whose period spans the others as that period's figure (a half year, a year to date)", () => {
    const sheet = grid("Half", [
      ["Indicator", "Q1 2025/26", "Q2 2025/26", "Q3 2025/26", "H1 2025/26", "2025/26 YTD"],
      ["Contacts", 10, 12, null, 22, 22],
    ]);
    const l = detectLayout(sheet);
    expect(l.columns.map((c) => c.role)).toEqual(["indicator", "value", "value", "value", "value", "value"]);
    // The year to date runs to the latest quarter with figures: Q2, not the empty Q3.
    expect(ingestWorkbook(workbook("h.xlsx", sheet)).observations.map((o) => `${o.source.cell} ${o.period.label}`)).toEqual([
      "B2 Q1 2025/26", "C2 Q2 2025/26", "E2 H1 2025/26", "F2 YTD Q2 2025/26",
    ]);
  });

  it("reads every mark the README lists with its status", () => {
    const marks = ["*", "<5", " < 10", "c", "[c]", "x", "supp", "n/a", "N/A", "na", "z", "[z]", ".", "-", ":", "..", "[x]", "TBC"];
    const rows = marks.map((m, i) => [`Measure ${i}`, m]);
    const r = ingestWorkbook(workbook("m.xlsx", grid("Marks", [["Indicator", "Q1 2025/26"], ...rows])));
    expect(r.observations.map((o) => [o.mark, o.status])).toEqual([
      ["*", "suppressed"], ["<5", "suppressed"], ["< 10", "suppressed"], ["c", "suppressed"], ["[c]", "suppressed"],
      ["x", "suppressed"], ["supp", "suppressed"], ["n/a", "not_applicable"], ["N/A", "not_applicable"],
      ["na", "not_applicable"], ["z", "not_applicable"], ["[z]", "not_applicable"], [".", "not_applicable"],
      ["-", "missing"], [":", "missing"], ["..", "missing"], ["[x]", "missing"], ["TBC", "missing"],
    ]);
    expect(r.observations.every((o) => o.value === null)).toBe(true);
  });
});

describe("sheets that are not indicator tables", () => {
  it("gives an InputError naming the file when no sheet is recognisable", () => {
    const wb = workbook("notes.xlsx", grid("Cover", [["Partnership dataset"], ["Version 3"]]), grid("Chart data", [["Nothing here"]]));
    expect(() => ingestWorkbook(wb)).toThrow(InputError);
    expect(() => ingestWorkbook(wb)).toThrow(/^No sheet in notes\.xlsx looks like an indicator table: "Cover": .*; "Chart data": .*\.$/);
  });

  it("skips an unrecognised sheet with a warning and reads the rest", () => {
    const wb = workbook("two.xlsx", grid("Read me", [["How to use this workbook"]]), scorecard());
    const r = ingestWorkbook(wb);
    expect(r.observations.length).toBe(3);
    const skipped = r.warnings.filter((w) => w.code === "INGEST_SHEET_SKIPPED");
    expect(skipped.map((w) => w.sheet)).toEqual(["Read me"]);
    expect(skipped[0]!.message).toMatch(/^Sheet "Read me" was skipped because /);
  });

  it("gives a sheet with figures but no period anywhere as skipped, saying so", () => {
    const wb = workbook("np.xlsx", grid("Counts", [["Indicator", "Value"], ["Contacts", 10]]), scorecard());
    const r = ingestWorkbook(wb);
    expect(r.warnings.find((w) => w.sheet === "Counts")?.message).toBe('Sheet "Counts" was skipped because no heading, column or title names a period.');
  });
});

describe("corrections from the Import panel", () => {
  const sheet = grid("Returns", [
    ["Figures for Q1 2025/26"],
    ["Name", "Contacts", "Referrals"],
    ["Northfield", 10, 3],
    ["Southfield", 12, 4],
  ]);

  it("re-runs extraction with an analyst's corrected layout", () => {
    const found = detectLayout(sheet);
    expect(found.titlePeriod?.label).toBe("Q1 2025/26");
    // Say the row labels are indicators, the columns are agencies.
    const corrected = detectLayout(sheet, {
      indicatorColumn: 0,
      columns: [
        { col: 1, agency: "Police", measure: null },
        { col: 2, agency: "Health", measure: null },
      ],
    });
    const out = extractWithLayout(sheet, corrected, "r.xlsx");
    expect(out.observations.map((o) => [o.source.cell, o.indicator, o.agency, o.period.label])).toEqual([
      ["B3", "Northfield", "Police", "Q1 2025/26"],
      ["C3", "Northfield", "Health", "Q1 2025/26"],
      ["B4", "Southfield", "Police", "Q1 2025/26"],
      ["C4", "Southfield", "Health", "Q1 2025/26"],
    ]);
  });

  it("takes the sheet's agency and heading rows from the overrides", () => {
    const r = ingestWorkbook(workbook("r.xlsx", sheet), { layoutOverrides: { Returns: { sheetAgency: "Probation", headerRows: [1] } } });
    expect(new Set(r.observations.map((o) => o.agency))).toEqual(new Set(["Probation"]));
  });

  it("leaves out a sheet the analyst skips", () => {
    const r = ingestWorkbook(workbook("r.xlsx", sheet, scorecard()), { layoutOverrides: { Returns: { skip: true } } });
    expect(r.observations.every((o) => o.source.sheet === "Data")).toBe(true);
    expect(r.warnings[0]).toEqual({ code: "INGEST_SHEET_SKIPPED", message: 'Sheet "Returns" was left out, as asked.', sheet: "Returns", cell: null });
  });

  it("keeps the layout plain data, so it survives JSON", () => {
    const l = detectLayout(sheet);
    expect(JSON.parse(JSON.stringify(l))).toEqual(l);
  });
});

describe("speed", () => {
  const bigWorkbook = () => {
    const months = Array.from({ length: 48 }, (_, i) => `${["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"][i % 12]}-${String(22 + Math.floor((i + 9) / 12)).padStart(2, "0")}`);
    const rows = [["Indicator", "Agency", ...months]];
    for (let r = 0; r < 1000; r++) rows.push([`Measure ${r}`, ["Police", "Health", "Education"][r % 3]!, ...months.map((_, c) => String((r * 7 + c) % 500))]);
    return workbook("big.xlsx", grid("Big", rows));
  };

  it("ingests a 50,000-cell workbook well within a second", () => {
    // One run to load and compile the code paths, then a fresh workbook timed.
    ingestWorkbook(bigWorkbook());
    const wb = bigWorkbook();
    // CPU time, not the clock: other work on a shared machine must not count as the engine's.
    const start = process.cpuUsage();
    const result = ingestWorkbook(wb);
    const used = process.cpuUsage(start);
    const ms = (used.user + used.system) / 1000;
    expect(result.observations.length).toBe(48_000);
    // Typically 100-250 ms on an idle machine; the bound is the requirement itself.
    expect(ms).toBeLessThan(1000);
  });
});
