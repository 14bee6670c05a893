import fc from "fast-check";
import type { Band, Polarity } from "../../../src/core/model";
import { RAG_LETTERS, ragConditionFormula, ragFormula, rateValue, type RagCellRefs } from "../../../src/core/rag";
import { cells, evaluateFormula, type XValue } from "./formula-eval";

// One row of a sheet: figure, target, polarity, thresholds, band edges.
const refs: RagCellRefs = { value: "A1", target: "B1", polarity: "C1", green: "D1", amber: "E1", bandLow: "F1", bandHigh: "G1" };

interface Row {
  value: XValue;
  target: XValue;
  polarity: XValue;
  green: number;
  amber: number;
  low: XValue;
  high: XValue;
}

function sheet(r: Row) {
  return cells({ A1: r.value, B1: r.target, C1: r.polarity, D1: r.green, E1: r.amber, F1: r.low, G1: r.high });
}

/** What rateValue says about the same row, read the way the sheet holds it. */
function expected(r: Row): string {
  const num = (x: XValue) => (typeof x === "number" ? x : null);
  const polarity = typeof r.polarity === "string" && ["higher", "lower", "band"].includes(r.polarity.toLowerCase())
    ? (r.polarity.toLowerCase() as Polarity)
    : null;
  const low = num(r.low);
  const high = num(r.high);
  const band: Band | null = low !== null && high !== null ? { low, high } : null;
  const rag = rateValue(num(r.value), num(r.target), polarity, { green: r.green, amber: r.amber }, band);
  return rag === null ? "" : RAG_LETTERS[rag];
}

const figure = fc.oneof(
  fc.double({ min: -10, max: 500, noNaN: true }),
  fc.integer({ min: 0, max: 200 }),
  fc.constantFrom<XValue>(null, "<5", "*", "n/a", 0),
);
const target = fc.oneof(fc.double({ min: -5, max: 300, noNaN: true }), fc.integer({ min: -1, max: 150 }), fc.constantFrom<XValue>(null, "n/a", 0));
const polarity = fc.constantFrom<XValue>("higher", "lower", "band", "Higher", "LOWER", null, "other");
const thresholds = fc
  .tuple(fc.double({ min: 0.5, max: 1.2, noNaN: true }), fc.double({ min: 0.5, max: 1.2, noNaN: true }))
  .map(([a, b]) => ({ green: Math.max(a, b), amber: Math.min(a, b) }));

describe("ragFormula agrees with rateValue", () => {
  test("for random rows, including text, blanks, zero and negative targets, and bands", () => {
    fc.assert(
      fc.property(figure, target, polarity, thresholds, figure, figure, (value, t, p, th, low, high) => {
        const row: Row = { value, target: t, polarity: p, ...th, low, high };
        expect(evaluateFormula(ragFormula(refs), sheet(row))).toBe(expected(row));
      }),
      { numRuns: 3000 },
    );
  });

  test("on the exact boundaries, where a figure is the threshold times the target", () => {
    const targets = [0.3, 1.1, 17.5, 20, 92.1, 33.3, 0.1, 250];
    for (const t of targets) {
      for (const [share, letter] of [[0.95, "G"], [0.9, "A"]] as const) {
        const onBoundary = Number((share * t).toPrecision(12));
        const higher: Row = { value: onBoundary, target: t, polarity: "higher", green: 0.95, amber: 0.9, low: null, high: null };
        expect(evaluateFormula(ragFormula(refs), sheet(higher))).toBe(letter);
        expect(expected(higher)).toBe(letter);
      }
    }
  });

  test("the worked examples", () => {
    const base = { green: 0.95, amber: 0.9, low: null, high: null };
    const rate = (value: XValue, t: XValue, p: XValue, band: Partial<Row> = {}) =>
      evaluateFormula(ragFormula(refs), sheet({ ...base, value, target: t, polarity: p, ...band }));
    expect(rate(19, 20, "higher")).toBe("G");
    expect(rate(18, 20, "higher")).toBe("A");
    expect(rate(17.99, 20, "higher")).toBe("R");
    expect(rate(21, 20, "lower")).toBe("G");
    expect(rate(0, 20, "lower")).toBe("G");
    expect(rate(23, 20, "lower")).toBe("R");
    expect(rate("<5", 20, "higher")).toBe("");
    expect(rate(null, 20, "higher")).toBe("");
    expect(rate(19, 0, "higher")).toBe("");
    expect(rate(19, null, "higher")).toBe("");
    expect(rate(19, "n/a", "lower")).toBe("");
    expect(rate(19, 20, null)).toBe("");
    expect(rate(25, null, "band", { low: 20, high: 30 })).toBe("G");
    expect(rate(18, null, "band", { low: 20, high: 30 })).toBe("A");
    expect(rate(34, null, "band", { low: 20, high: 30 })).toBe("R");
    expect(rate(25, null, "band", { low: 30, high: 20 })).toBe("");
  });

  test("without band columns, a band row has no rating", () => {
    const { bandLow: _l, bandHigh: _h, ...noBand } = refs;
    const row: Row = { value: 25, target: null, polarity: "band", green: 0.95, amber: 0.9, low: 20, high: 30 };
    expect(evaluateFormula(ragFormula(noBand), sheet(row))).toBe("");
    expect(ragFormula(noBand)).not.toContain("band");
  });
});

describe("ragConditionFormula", () => {
  test("exactly one of the three conditions holds on a rated row, and none on an unrated one", () => {
    fc.assert(
      fc.property(figure, target, polarity, thresholds, figure, figure, (value, t, p, th, low, high) => {
        const row: Row = { value, target: t, polarity: p, ...th, low, high };
        const holds = (["green", "amber", "red"] as const).filter((rag) => evaluateFormula(ragConditionFormula(refs, rag), sheet(row)) === true);
        const letter = expected(row);
        expect(holds.map((r) => RAG_LETTERS[r])).toEqual(letter === "" ? [] : [letter]);
      }),
      { numRuns: 1000 },
    );
  });

  test("reads the figure, target, polarity and thresholds, not a letter typed into the RAG column", () => {
    const f = ragConditionFormula(refs, "green");
    for (const ref of ["A1", "B1", "C1", "D1", "E1"]) expect(f).toContain(ref);
  });

  test("fits Excel's limit for a formula (8,192 characters)", () => {
    const long: RagCellRefs = { value: "$XFA1048576", target: "$XFB1048576", polarity: "$XFC1048576", green: "$XFD1048576", amber: "$XFD$1048576", bandLow: "$XEZ1048576", bandHigh: "$XEY1048576" };
    expect(ragConditionFormula(long, "amber").length).toBeLessThan(8192);
  });
});
