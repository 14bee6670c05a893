import {
  completePeriod,
  findPeriodInText,
  findPeriodsInText,
  parsePeriod,
  parseStackedPeriod,
  toPeriod,
} from "../../../src/core/periods";
import type { ParsedPeriod } from "../../../src/core/periods";

function parsed(text: string): ParsedPeriod {
  const p = parsePeriod(text);
  if (!p) throw new Error(`test setup: ${text} should parse`);
  return p;
}

function dates(p: ParsedPeriod | null | undefined): string | null {
  return p && p.complete ? `${p.start}..${p.end} ${p.label}` : null;
}

describe("completePeriod", () => {
  test("a quarter under a financial-year band", () => {
    expect(dates(completePeriod(parsed("Q1"), parsed("2025/26")))).toBe("2025-04-01..2025-06-30 Q1 2025/26");
    expect(dates(completePeriod(parsed("Q4"), parsed("2025/26")))).toBe("2026-01-01..2026-03-31 Q4 2025/26");
  });

  test("a month under a financial-year band takes the right calendar year", () => {
    expect(dates(completePeriod(parsed("Apr"), parsed("2025/26")))).toBe("2025-04-01..2025-04-30 Apr 2025");
    expect(dates(completePeriod(parsed("Jan"), parsed("2025-26")))).toBe("2026-01-01..2026-01-31 Jan 2026");
  });

  test("with a calendar-year band the last month falls in that year", () => {
    const q4 = completePeriod(parsed("Q4"), parsed("2025"));
    expect(dates(q4)).toBe("2025-01-01..2025-03-31 Q4 2024/25");
    expect(q4?.assumption).toBeDefined();
    const jan = completePeriod(parsed("Jan"), parsed("2025"));
    expect(dates(jan)).toBe("2025-01-01..2025-01-31 Jan 2025");
    expect(jan?.assumption).toBeUndefined();
  });

  test("from a title's quarter, a month takes that quarter's financial year", () => {
    expect(dates(completePeriod(parsed("Feb"), parsed("Q2 2025/26")))).toBe("2026-02-01..2026-02-28 Feb 2026");
  });

  test("from a string or a financial year given directly", () => {
    expect(dates(completePeriod(parsed("Q3"), "FY24/25"))).toBe("2024-10-01..2024-12-31 Q3 2024/25");
    expect(dates(completePeriod(parsed("Q3"), { fiscalYearStart: 2024 }))).toBe("2024-10-01..2024-12-31 Q3 2024/25");
    expect(completePeriod(parsed("Q3"), "Total")).toBeNull();
  });

  test("a year to date gets its end from a quarter or month", () => {
    expect(dates(completePeriod(parsed("2025/26 YTD"), parsed("Q2 2025/26")))).toBe("2025-04-01..2025-09-30 YTD Q2 2025/26");
    expect(dates(completePeriod(parsed("YTD"), parsed("Aug 2025")))).toBe("2025-04-01..2025-08-31 YTD Aug 2025");
    expect(dates(completePeriod(parsed("YTD Q2"), parsed("2025/26")))).toBe("2025-04-01..2025-09-30 YTD Q2 2025/26");
  });

  test("a bare YTD under a year band is still waiting for its end", () => {
    expect(completePeriod(parsed("YTD"), parsed("2025/26"))).toMatchObject({ complete: false, missing: "end", start: "2025-04-01" });
    expect(completePeriod(parsed("YTD"), parsed("2025"))).toMatchObject({ complete: false, missing: "end", start: "2025-01-01" });
  });

  test("an end outside the year, or no end at all, cannot complete a year to date", () => {
    expect(completePeriod(parsed("2025/26 YTD"), parsed("Q1 2024/25"))).toBeNull();
    expect(completePeriod(parsed("2025/26 YTD"), parsed("Q1 2026/27"))).toBeNull();
    expect(completePeriod(parsed("2025/26 YTD"), parsed("2025/26"))).toBeNull();
  });

  test("a complete period is returned unchanged", () => {
    const q = parsed("Q1 2024/25");
    expect(completePeriod(q, parsed("2025/26"))).toBe(q);
  });

  test("annotations survive completion", () => {
    expect(completePeriod(parsed("Q2*"), parsed("2025/26"))?.annotations).toEqual(["*"]);
  });
});

describe("parseStackedPeriod", () => {
  test("a year band over a quarter", () => {
    expect(dates(parseStackedPeriod(["2025/26", "Q1"]))).toBe("2025-04-01..2025-06-30 Q1 2025/26");
  });

  test("an agency band and a quarter band over months", () => {
    expect(dates(parseStackedPeriod(["Police", "Q2 2025/26", "Aug"]))).toBe("2025-08-01..2025-08-31 Aug 2025");
  });

  test("a Year cell beside a Quarter cell, in either order", () => {
    expect(dates(parseStackedPeriod(["Q3", "2024-25"]))).toBe("2024-10-01..2024-12-31 Q3 2024/25");
    expect(dates(parseStackedPeriod([{ value: "2024-25", text: "2024-25", numberFormat: "@" }, "Q3"]))).toBe(
      "2024-10-01..2024-12-31 Q3 2024/25",
    );
  });

  test("the title supplies a year the headings lack", () => {
    expect(dates(parseStackedPeriod(["Q2"], { title: "Partnership scorecard 2025/26" }))).toBe("2025-07-01..2025-09-30 Q2 2025/26");
  });

  test("then the context", () => {
    expect(dates(parseStackedPeriod(["Q2"], { fiscalYearStart: 2023 }))).toBe("2023-07-01..2023-09-30 Q2 2023/24");
    expect(parseStackedPeriod(["Q2"])).toMatchObject({ complete: false, label: "Q2" });
  });

  test("a target anywhere in the stack makes it no period", () => {
    expect(parseStackedPeriod(["2025/26", "Target"])).toBeNull();
  });

  test("no period part, no period", () => {
    expect(parseStackedPeriod(["Police", "Number"])).toBeNull();
    expect(parseStackedPeriod([])).toBeNull();
  });
});

describe("findPeriodsInText and findPeriodInText", () => {
  test("a quarter with its months in brackets is one match, brackets included", () => {
    const title = "Multi-agency scorecard, Quarter 2 2025/26 (July to September)";
    const found = findPeriodInText(title);
    expect(dates(found?.period)).toBe("2025-07-01..2025-09-30 Q2 2025/26");
    expect(found?.text).toBe("Quarter 2 2025/26 (July to September)");
    expect(title.slice(found?.index ?? 0, (found?.index ?? 0) + (found?.length ?? 0))).toBe(found?.text);
  });

  test("a partial quarter is completed by a year elsewhere in the title", () => {
    const found = findPeriodInText("Q2 performance report for 2025/26");
    expect(dates(found?.period)).toBe("2025-07-01..2025-09-30 Q2 2025/26");
    expect(found?.index).toBe(0);
  });

  test("a specific period wins over a year", () => {
    expect(dates(findPeriodInText("2025/26 dashboard - position at end of Q1 2025/26")?.period)).toBe(
      "2025-04-01..2025-06-30 Q1 2025/26",
    );
  });

  test("a year alone", () => {
    expect(dates(findPeriodInText("Safeguarding partnership annual report 2024-25")?.period)).toBe(
      "2024-04-01..2025-03-31 2024/25",
    );
  });

  test("a date in a title", () => {
    expect(dates(findPeriodInText("Children looked after at 31 March 2025")?.period)).toBe("2025-03-01..2025-03-31 Mar 2025");
  });

  test("month names used as words are not periods", () => {
    expect(findPeriodsInText("Children who may be at risk")).toEqual([]);
    expect(findPeriodInText("Children seen within 10 working days")).toBeNull();
  });

  test("targets in a title are not periods, but their year still is", () => {
    const matches = findPeriodsInText("Targets 2025/26");
    expect(matches.map((m) => m.text)).toEqual(["2025/26"]);
  });

  test("several periods, left to right", () => {
    const matches = findPeriodsInText("Q1 2025/26 compared with Q1 2024/25");
    expect(matches.map((m) => m.period.label)).toEqual(["Q1 2025/26", "Q1 2024/25"]);
  });

  test("a sheet name", () => {
    expect(dates(findPeriodInText("Q3_24-25")?.period)).toBe("2024-10-01..2024-12-31 Q3 2024/25");
    expect(findPeriodInText("Q3_24-25")?.text).toBe("Q3_24-25");
  });
});

test("toPeriod keeps exactly the contract's fields", () => {
  const p = parsePeriod("Q1 2025/26*");
  if (!p || !p.complete) throw new Error("test setup");
  expect(toPeriod(p)).toEqual({ start: "2025-04-01", end: "2025-06-30", label: "Q1 2025/26" });
});
