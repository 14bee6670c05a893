import { DEFAULT_RAG_RULE, normaliseTarget, rateValue } from "../../../src/core/rag";

const rule = DEFAULT_RAG_RULE;

describe("rateValue: higher is better (achievement = actual / target)", () => {
  test.each([
    [20, 20, "green"],
    [19, 20, "green"], // exactly 95%
    [18.99, 20, "amber"], // just below 95%
    [18, 20, "amber"], // exactly 90%
    [17.99, 20, "red"], // just below 90%
    [0, 20, "red"],
    [30, 20, "green"],
  ] as const)("%p against %p is %s", (value, target, rag) => {
    expect(rateValue(value, target, "higher", rule)).toBe(rag);
  });
});

describe("rateValue: lower is better (achievement = target / actual)", () => {
  test.each([
    [20, 20, "green"],
    [21, 20, "green"], // 20 / 21 = 95.2%
    [0, 20, "green"], // nothing is the best result where lower is better
    [10, 20, "green"],
    [22, 20, "amber"], // 90.9%
    [22.3, 20, "red"], // 89.7%
    [200, 20, "red"],
  ] as const)("%p against %p is %s", (value, target, rag) => {
    expect(rateValue(value, target, "lower", rule)).toBe(rag);
  });

  test("the lower-polarity boundaries are exact: target / actual of exactly 95% and 90%", () => {
    // 19 / 20 = 0.95 and 18 / 20 = 0.9: target 19 against an actual of 20 is exactly 95%.
    expect(rateValue(20, 19, "lower", rule)).toBe("green");
    expect(rateValue(20, 18, "lower", rule)).toBe("amber");
    expect(rateValue(20, 17.99, "lower", rule)).toBe("red");
    expect(rateValue(20, 18.99, "lower", rule)).toBe("amber");
  });
});

describe("rateValue: boundaries survive floating point", () => {
  // 0.95 * target and 0.9 * target written as the decimals a person would type.
  test.each([
    [0.3, 0.285, 0.2849, 0.27, 0.2699],
    [1.1, 1.045, 1.0449, 0.99, 0.9899], // 1.045 / 1.1 and 0.99 / 1.1 fall just short in binary
    [0.1, 0.095, 0.0949, 0.09, 0.0899],
    [17.5, 16.625, 16.624, 15.75, 15.749],
    [92.1, 87.495, 87.494, 82.89, 82.889],
    [20, 19, 18.999999, 18, 17.999999],
    [33.3, 31.635, 31.634, 29.97, 29.969],
    [0.7, 0.665, 0.6649, 0.63, 0.6299],
  ])("target %p: %p is green, %p amber, %p amber, %p red", (target, green, belowGreen, amber, belowAmber) => {
    expect(rateValue(green, target, "higher", rule)).toBe("green");
    expect(rateValue(belowGreen, target, "higher", rule)).toBe("amber");
    expect(rateValue(amber, target, "higher", rule)).toBe("amber");
    expect(rateValue(belowAmber, target, "higher", rule)).toBe("red");
  });

  test("0.95 * target computed in floating point is still green, for many awkward targets", () => {
    for (let t = 0.1; t < 200; t += 0.37) {
      expect(rateValue(0.95 * t, t, "higher", rule)).toBe("green");
      expect(rateValue(0.9 * t, t, "higher", rule)).toBe("amber");
      expect(rateValue(t / 0.95, t, "lower", rule)).toBe("green");
      expect(rateValue(t / 0.9, t, "lower", rule)).toBe("amber");
    }
  });

  test("exactly 95% is green although 1.045 / 1.1 is not exactly 0.95 in binary", () => {
    expect(1.045 / 1.1).toBeLessThan(0.95); // the trap: a naive division would say amber
    expect(0.99 / 1.1).toBeLessThan(0.9); // and here red
    expect(rateValue(1.045, 1.1, "higher", rule)).toBe("green");
    expect(rateValue(0.99, 1.1, "higher", rule)).toBe("amber");
    expect(rateValue(1.1, 1.045, "lower", rule)).toBe("green");
  });
});

describe("rateValue: bands (green inside; amber reaches the amber share of the nearer edge)", () => {
  const band = { low: 20, high: 30 };
  test.each([
    [20, "green"],
    [25, "green"],
    [30, "green"],
    [19, "amber"], // 95% of the low edge: not green, a band has no green margin
    [18, "amber"], // exactly 90% of the low edge
    [17.99, "red"],
    [33.3, "amber"], // 30 / 33.3 = 90.09%
    [30 / 0.9, "amber"], // exactly 90%
    [33.4, "red"],
    [0, "red"],
  ] as const)("%p is %s for a band of 20 to 30", (value, rag) => {
    expect(rateValue(value, null, "band", rule, band)).toBe(rag);
  });

  test("a band polarity needs a band, and a band the right way round", () => {
    expect(rateValue(25, 25, "band", rule)).toBeNull();
    expect(rateValue(25, 25, "band", rule, null)).toBeNull();
    expect(rateValue(25, null, "band", rule, { low: 30, high: 20 })).toBeNull();
  });

  test("a band of one value", () => {
    expect(rateValue(100, null, "band", rule, { low: 100, high: 100 })).toBe("green");
    expect(rateValue(95, null, "band", rule, { low: 100, high: 100 })).toBe("amber");
    expect(rateValue(89, null, "band", rule, { low: 100, high: 100 })).toBe("red");
  });
});

describe("rateValue: no rating rather than a wrong colour", () => {
  test.each([
    ["no figure (suppressed or missing)", null, 20, "higher"],
    ["undefined figure", undefined, 20, "higher"],
    ["no target", 19, null, "higher"],
    ["a target of 0", 19, 0, "higher"],
    ["a target of 0, lower polarity", 0, 0, "lower"],
    ["a negative target", 19, -5, "higher"],
    ["no polarity", 19, 20, null],
    ["undefined polarity", 19, 20, undefined],
    ["a figure that is not a number", Number.NaN, 20, "higher"],
    ["an infinite figure", Number.POSITIVE_INFINITY, 20, "higher"],
  ] as const)("%s", (_why, value, target, polarity) => {
    expect(rateValue(value, target, polarity, rule)).toBeNull();
  });
});

describe("rateValue: other thresholds", () => {
  test("the thresholds are the rule's, not fixed", () => {
    const strict = { green: 1, amber: 0.8 };
    expect(rateValue(19, 20, "higher", strict)).toBe("amber");
    expect(rateValue(20, 20, "higher", strict)).toBe("green");
    expect(rateValue(16, 20, "higher", strict)).toBe("amber");
    expect(rateValue(15.9, 20, "higher", strict)).toBe("red");
  });
});

describe("normaliseTarget", () => {
  test.each([
    ["90%", "percent", 90],
    [" 90 % ", "percent", 90],
    ["87.5%", "percent", 87.5],
    [0.9, "percent", 90],
    [0.875, "percent", 87.5],
    [0.07, "percent", 7], // no binary noise: 0.07 * 100 is 7.000000000000001
    [1, "percent", 100], // a target of 100% written as a fraction
    [90, "percent", 90],
    ["90", "percent", 90],
    ["0.9", "percent", 90],
    ["≥ 90%", "percent", 90],
    [">=90%", "percent", 90],
    ["<5", "count", 5],
    ["1,250", "count", 1250],
    [0.9, "rate", 0.9], // only percent indicators are scaled
    [0.5, "days", 0.5],
    [12, null, 12],
    ["90%", "count", 90], // a "%" sign says percent units whatever the unit column says
  ] as const)("%p for a %p indicator is %p", (raw, unit, expected) => {
    expect(normaliseTarget(raw, unit)).toBe(expected);
  });

  test.each([[""], ["n/a"], ["-"], ["TBC"], [null], [undefined], [Number.NaN]])("%p is no target", (raw) => {
    expect(normaliseTarget(raw, "percent")).toBeNull();
  });

  test("the source can settle whether a bare number is a fraction", () => {
    expect(normaliseTarget(1, "percent", { fraction: false })).toBe(1);
    expect(normaliseTarget(0.5, "percent", { fraction: false })).toBe(0.5);
    expect(normaliseTarget(1.2, "percent", { fraction: true })).toBe(120);
  });
});
