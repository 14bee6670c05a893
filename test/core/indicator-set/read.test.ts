import { InputError } from "../../../src/core/errors";
import { readIndicatorSet, readIndicatorSetJson } from "../../../src/core/indicator-set";
import { parsePolarity, parseSource, parseTarget, parseType, parseUnit } from "../../../src/core/indicator-set/values";
import { IndicatorSchema, type Indicator } from "../../../src/core/model";
import { grid, workbook } from "./grid-kit";

const HEAD = ["Indicator ID", "Indicator", "Agency", "Unit", "Polarity", "Target", "Content area", "Type", "Source", "Frequency"];

function only(ind: Indicator[], id: string): Indicator {
  const found = ind.find((i) => i.id === id);
  if (found === undefined) throw new Error(`no ${id}`);
  return found;
}

function thrown(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
}

describe("reading an indicator set from a sheet", () => {
  it("finds headings in any case and spacing below a title, and reads every row", () => {
    const g = grid("Set", [
      ["Partnership indicator set 2025/26"],
      ["Agreed by the board, June 2025"],
      [],
      ["  indicator  id", "INDICATOR", "agency", "UNIT", "Polarity ", "target", "Content   Area", "type", "SOURCE", "frequency"],
      ["CSC01", "Re-referrals within 12 months (%)", "Children's Social Care", "percent", "Low", 20, "Priority service areas", "Outcome", "MI", "Quarterly"],
      ["POL01", "Domestic abuse incidents with children present", "Police", "count", "lower", null, "Risk issues", "quantity", "Performance data", "Quarterly"],
    ]);
    const read = readIndicatorSet(workbook("set.xlsx", g));
    expect(read.sheet).toBe("Set");
    expect(read.warnings).toEqual([]);
    expect(read.indicators).toHaveLength(2);
    for (const i of read.indicators) expect(IndicatorSchema.safeParse(i).success).toBe(true);
    expect(only(read.indicators, "CSC01")).toEqual({
      id: "CSC01",
      name: "Re-referrals within 12 months (%)",
      agency: "Children's Social Care",
      unit: "percent",
      polarity: "lower",
      target: 20,
      contentArea: "Priority service areas",
      type: "outcome",
      source: "management_information",
      frequency: "Quarterly",
    });
    // The content area is kept as written: the gap analysis resolves it against its framework.
    expect(only(read.indicators, "POL01").contentArea).toBe("Risk issues");
  });

  it("needs only Indicator ID and Indicator; the other fields are null", () => {
    const read = readIndicatorSet(workbook("two.csv", grid("two", [["ID", "Indicator"], ["A1", "Number of looked after children"]])));
    expect(read.indicators).toEqual([
      { id: "A1", name: "Number of looked after children", agency: null, unit: "count", polarity: null, target: null, contentArea: null, type: null, source: null, frequency: null },
    ]);
  });

  it("accepts the polarity spellings people use", () => {
    const spellings: [string, string | null][] = [
      ["higher", "higher"], ["Lower", "lower"], ["High is good", "higher"], ["Low", "lower"], ["Good is high", "higher"],
      ["Good is low", "lower"], ["band", "band"], ["HIGHER IS BETTER", "higher"], ["", null], ["n/a", null],
    ];
    for (const [text, expected] of spellings) expect([text, parsePolarity(text)]).toEqual([text, expected]);
    expect(parsePolarity("sideways")).toBeUndefined();
  });

  it("reads targets as 90, \"90%\" or 0.9 under a percent unit, all as 90 percent units", () => {
    const g = grid("Targets", [
      HEAD,
      ["T1", "Assessments within 45 days (%)", null, "percent", "higher", 90],
      ["T2", "Visits on time", null, "percent", "higher", "90%"],
      ["T3", "Cases reviewed on time", null, "percent", "higher", { value: 0.9, format: "0%", text: "90%" }],
      ["T4", "Number of referrals", null, "count", "lower", 120],
    ]);
    const ind = readIndicatorSet(workbook("t.xlsx", g)).indicators;
    expect(ind.map((i) => i.target)).toEqual([90, 90, 90, 120]);

    const fractions = grid("Fractions", [HEAD, ["F1", "Seen alone", null, "percent", "higher", 0.9], ["F2", "Seen within 7 days", null, "%", "higher", 0.75], ["F3", "Referrals", null, "count", "lower", 1]]);
    expect(readIndicatorSet(workbook("f.xlsx", fractions)).indicators.map((i) => i.target)).toEqual([90, 75, 1]);
  });

  it("reads a range target as a band", () => {
    const g = grid("Band", [HEAD, ["B1", "Re-referrals (%)", null, "percent", "band", "18-22"], ["B2", "Caseload", null, "count", null, "between 15 and 18"]]);
    const [b1, b2] = readIndicatorSet(workbook("b.xlsx", g)).indicators;
    expect(b1?.band).toEqual({ low: 18, high: 22 });
    expect(b1?.target).toBeNull();
    expect(b2?.polarity).toBe("band");
    expect(b2?.band).toEqual({ low: 15, high: 18 });
    expect(parseTarget("soon", "General")).toBeUndefined();
  });

  it("accepts types in any case and the four sources by key or human spelling", () => {
    expect(["Quantity", "QUALITY", "outcome", "Outcomes", "Quantitative"].map(parseType)).toEqual(["quantity", "quality", "outcome", "outcome", "quantity"]);
    expect(parseType("Important")).toBeUndefined();
    const sources: [string, string][] = [
      ["children_parents", "children_parents"], ["Children and parents", "children_parents"], ["Children, parents and carers", "children_parents"],
      ["Voice of the child", "children_parents"], ["Frontline staff", "frontline_staff"], ["Staff", "frontline_staff"], ["Practitioners", "frontline_staff"],
      ["frontline_staff", "frontline_staff"], ["Case file audit", "case_records"], ["Case records", "case_records"], ["Audit", "case_records"],
      ["case_records", "case_records"], ["MI", "management_information"], ["Management information", "management_information"],
      ["Performance data", "management_information"], ["management_information", "management_information"],
      ["Survey of children & parents", "children_parents"], ["Themed case file audit", "case_records"],
    ];
    for (const [text, key] of sources) expect([text, parseSource(text)]).toEqual([text, key]);
    expect(parseSource("Gut feeling")).toBeUndefined();
    expect(["%", "Number", "rate per 10,000", "working days"].map(parseUnit)).toEqual(["percent", "count", "rate", "days"]);
  });

  it("warns about values it cannot read, naming the cell, and leaves them blank", () => {
    const g = grid("Odd", [[], HEAD, ["X1", "Something", null, "percent", "sideways", "soon", null, "Important", "Gut feeling"]], { row: 4, col: 1 });
    const read = readIndicatorSet(workbook("odd.xlsx", g));
    const [x] = read.indicators;
    expect(x).toMatchObject({ polarity: null, target: null, type: null, source: null });
    expect(read.warnings.map((w) => [w.code, w.cell])).toEqual([
      ["unknown-polarity", "F7"],
      ["unknown-type", "I7"],
      ["unknown-source", "J7"],
      ["unknown-target", "G7"],
    ]);
  });

  it("skips blank rows and group heading rows but keeps every indicator", () => {
    const g = grid("Grouped", [HEAD, ["", "Police"], ["P1", "Missing episodes", "Police"], [], ["", "Health"], ["H1", "New birth visits within 14 days (%)", "Health", "percent"]]);
    expect(readIndicatorSet(workbook("g.xlsx", g)).indicators.map((i) => i.id)).toEqual(["P1", "H1"]);
  });

  it("picks the sheet that holds the set, preferring one named Indicators", () => {
    const notes = grid("Notes", [["About this workbook"], ["Indicator", "means a measure"]]);
    const obs = grid("Observations", [["Indicator ID", "Indicator", "Agency", "Period", "Value"], ["A", "x", "Police", "Q1", 1]]);
    const set = grid("Indicators", [["Indicator ID", "Indicator"], ["A", "Number of referrals"]]);
    expect(readIndicatorSet(workbook("out.xlsx", notes, obs, set)).sheet).toBe("Indicators");
  });

  it("says plainly, naming the file, when there is no Indicator column", () => {
    const e = thrown(() => readIndicatorSet(workbook("indicator-set.csv", grid("indicator-set", [["Measure code", "Title"], ["A", "b"]]))));
    expect(e.message).toBe(
      "\"indicator-set.csv\" has no 'Indicator' column: the first row should hold headings such as Indicator ID, Indicator, Agency, Unit, Polarity, Target, Content area, Type, Source, Frequency.",
    );
    expect(e.file).toBe("indicator-set.csv");
  });

  it("names the sheet of a workbook when the Indicator ID column is missing", () => {
    const e = thrown(() => readIndicatorSet(workbook("set.xlsx", grid("Board set", [["Title"], ["Indicator", "Agency"], ["Referrals", "CSC"]]))));
    expect(e.message).toMatch(/^The sheet "Board set" of "set\.xlsx" has no 'Indicator ID' column/);
    expect(e.sheet).toBe("Board set");
    expect(e.message.split(/(?<=\.)\s/)).toHaveLength(1);
  });

  it("refuses headings with no indicators under them", () => {
    expect(thrown(() => readIndicatorSet(workbook("empty.xlsx", grid("Set", [HEAD])))).message).toMatch(/has the indicator set's headings but no indicators/);
  });
});

describe("reading an indicator set from an ingest JSON", () => {
  const indicator: Indicator = { id: "CP1", name: "Children with a CP plan", agency: "CSC", unit: "count", polarity: null, target: null, contentArea: null, type: null, source: null, frequency: null };

  it("uses its indicators", () => {
    const text = JSON.stringify({ observations: [], indicators: [indicator], warnings: [] });
    expect(readIndicatorSetJson(text, "ingest.json").indicators).toEqual([indicator]);
  });

  it("falls back to the indicators its observations name when the list is empty", () => {
    const observation = {
      indicator: "Children with a CP plan", indicatorId: "CP1", agency: "CSC", period: { start: "2025-04-01", end: "2025-06-30", label: "Q1 2025/26" },
      value: 10, status: "ok", unit: "count", numerator: null, denominator: null, target: null, polarity: null, rag: null,
      source: { file: "a.xlsx", sheet: "S", cell: "B2" },
    };
    const text = JSON.stringify({ observations: [observation, { ...observation, period: { start: "2025-07-01", end: "2025-09-30", label: "Q2 2025/26" } }], indicators: [], warnings: [] });
    expect(readIndicatorSetJson(text, "ingest.json").indicators).toEqual([indicator]);
  });

  it("says what is wrong with JSON that is neither an ingest result nor a set", () => {
    expect(thrown(() => readIndicatorSetJson("{ nope", "x.json")).message).toBe("\"x.json\" is not valid JSON, so it cannot be read as an ingest result or an indicator set.");
    expect(thrown(() => readIndicatorSetJson(JSON.stringify({ observations: "none" }), "x.json")).message).toMatch(/^"x\.json" is not an ingest result .* \(the first problem is at observations\)\.$/);
  });
});
