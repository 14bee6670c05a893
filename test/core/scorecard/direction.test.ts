import fc from "fast-check";
import type { Polarity } from "../../../src/core/model";
import { DIRECTION_LABELS, directionFormula, directionOfTravel } from "../../../src/core/scorecard";
import { cells, evaluateFormula, type XValue } from "../rag/formula-eval";

describe("directionOfTravel", () => {
  test.each([
    ["higher", 80, 70, "improving"],
    ["higher", 60, 70, "worsening"],
    ["higher", 70, 70, "no_change"],
    ["lower", 15, 20, "improving"], // fewer re-referrals is better
    ["lower", 25, 20, "worsening"],
    ["lower", 20, 20, "no_change"],
  ] as const)("%s is better: %p after %p is %s", (polarity, latest, previous, direction) => {
    expect(directionOfTravel(latest, previous, polarity)).toBe(direction);
  });

  test("a band: getting closer to it is improving, whichever side", () => {
    const band = { low: 15, high: 20 };
    expect(directionOfTravel(14, 10, "band", band)).toBe("improving"); // rose towards it
    expect(directionOfTravel(22, 26, "band", band)).toBe("improving"); // fell towards it
    expect(directionOfTravel(12, 14, "band", band)).toBe("worsening");
    expect(directionOfTravel(25, 21, "band", band)).toBe("worsening");
    expect(directionOfTravel(16, 19, "band", band)).toBe("no_change"); // inside, then still inside
    expect(directionOfTravel(10, 25, "band", band)).toBe("no_change"); // 5 outside either way
  });

  test("nothing to say without two figures or a polarity", () => {
    expect(directionOfTravel(null, 10, "higher")).toBeNull();
    expect(directionOfTravel(10, undefined, "higher")).toBeNull();
    expect(directionOfTravel(10, 12, null)).toBeNull();
    expect(directionOfTravel(10, 12, "band")).toBeNull();
    expect(directionOfTravel(Number.NaN, 12, "higher")).toBeNull();
  });

  test("the labels carry the meaning in words; the arrow agrees with them", () => {
    expect(DIRECTION_LABELS).toEqual({ improving: "▲ Improving", worsening: "▼ Worsening", no_change: "► No change" });
  });
});

describe("directionFormula agrees with directionOfTravel", () => {
  const refs = { latest: "A1", previous: "B1", polarity: "C1", bandLow: "D1", bandHigh: "E1" };
  const figure = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.double({ min: -5, max: 50, noNaN: true }), fc.constantFrom<XValue>(null, "<5"));
  const polarity = fc.constantFrom<XValue>("higher", "lower", "band", null, "Lower");

  test("for random rows", () => {
    fc.assert(
      fc.property(figure, figure, polarity, figure, figure, (latest, previous, p, low, high) => {
        const sheet = cells({ A1: latest, B1: previous, C1: p, D1: low, E1: high });
        const num = (x: XValue) => (typeof x === "number" ? x : null);
        const pol = typeof p === "string" ? (p.toLowerCase() as Polarity) : null;
        const l = num(low);
        const h = num(high);
        const d = directionOfTravel(num(latest), num(previous), pol, l !== null && h !== null ? { low: l, high: h } : null);
        expect(evaluateFormula(directionFormula(refs), sheet)).toBe(d === null ? "" : DIRECTION_LABELS[d]);
      }),
      { numRuns: 2000 },
    );
  });
});
