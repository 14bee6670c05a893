import { parsePeriod, parseStackedPeriod, parseTargetHeading, isPeriodLike } from "../../../src/core/periods";
import type { ParsedPeriod, PeriodKind } from "../../../src/core/periods";

type Row = [input: string, kind: PeriodKind, start: string, end: string, label: string];

function expectComplete(p: ParsedPeriod | null, kind: PeriodKind, start: string, end: string, label: string): void {
  expect(p).not.toBeNull();
  expect(p?.complete).toBe(true);
  if (!p || !p.complete) return;
  expect({ kind: p.kind, start: p.start, end: p.end, label: p.label }).toEqual({ kind, start, end, label });
}

const Q1 = ["2025-04-01", "2025-06-30", "Q1 2025/26"] as const;

describe("quarters in every spelling", () => {
  const rows: Row[] = [
    ["Q1 2025/26", "quarter", ...Q1],
    ["Q1 25/26", "quarter", ...Q1],
    ["2025-26 Q1", "quarter", ...Q1],
    ["2025/26 Q1", "quarter", ...Q1],
    ["Q1 2025-26", "quarter", ...Q1],
    ["Q1 2025/2026", "quarter", ...Q1],
    ["Quarter 1 2025/26", "quarter", ...Q1],
    ["Qtr 1 2025/26", "quarter", ...Q1],
    ["Qtr1 25-26", "quarter", ...Q1],
    ["quarter one 2025/26", "quarter", ...Q1],
    ["1st quarter 2025/26", "quarter", ...Q1],
    ["Q1 2025/26 (Apr-Jun)", "quarter", ...Q1],
    ["Apr-Jun 2025", "quarter", ...Q1],
    ["Apr - Jun 25", "quarter", ...Q1],
    ["April to June 2025", "quarter", ...Q1],
    ["Apr 2025 - Jun 2025", "quarter", ...Q1],
    ["Apr-Jun 2025/26", "quarter", ...Q1],
    ["01/04/2025 - 30/06/2025", "quarter", ...Q1],
    ["Jan-Mar 2026", "quarter", "2026-01-01", "2026-03-31", "Q4 2025/26"],
    ["Q4 2025/26", "quarter", "2026-01-01", "2026-03-31", "Q4 2025/26"],
    ["Q3 24/25", "quarter", "2024-10-01", "2024-12-31", "Q3 2024/25"],
    ["Q2 2025/26", "quarter", "2025-07-01", "2025-09-30", "Q2 2025/26"],
    ["Quarter 2 2025/26 (July to September)", "quarter", "2025-07-01", "2025-09-30", "Q2 2025/26"],
    ["FY24/25 Q4", "quarter", "2025-01-01", "2025-03-31", "Q4 2024/25"],
  ];
  test.each(rows)("%s", (input, kind, start, end, label) => {
    expectComplete(parsePeriod(input), kind, start, end, label);
  });
});

describe("months", () => {
  const april: Row[] = [
    ["Apr-25", "month", "2025-04-01", "2025-04-30", "Apr 2025"],
    ["Apr 25", "month", "2025-04-01", "2025-04-30", "Apr 2025"],
    ["Apr'25", "month", "2025-04-01", "2025-04-30", "Apr 2025"],
    ["April 2025", "month", "2025-04-01", "2025-04-30", "Apr 2025"],
    ["Apr 2025", "month", "2025-04-01", "2025-04-30", "Apr 2025"],
    ["APRIL 2025", "month", "2025-04-01", "2025-04-30", "Apr 2025"],
    ["2025-04", "month", "2025-04-01", "2025-04-30", "Apr 2025"],
    ["04/2025", "month", "2025-04-01", "2025-04-30", "Apr 2025"],
    ["4/2025", "month", "2025-04-01", "2025-04-30", "Apr 2025"],
    ["01/04/2025", "month", "2025-04-01", "2025-04-30", "Apr 2025"],
    ["30/04/25", "month", "2025-04-01", "2025-04-30", "Apr 2025"],
    ["2025-04-01", "month", "2025-04-01", "2025-04-30", "Apr 2025"],
    ["1 April 2025", "month", "2025-04-01", "2025-04-30", "Apr 2025"],
    ["1st April 2025", "month", "2025-04-01", "2025-04-30", "Apr 2025"],
    ["As at 30 April 2025", "month", "2025-04-01", "2025-04-30", "Apr 2025"],
    ["Apr 2025/26", "month", "2025-04-01", "2025-04-30", "Apr 2025"],
  ];
  test.each(april)("%s", (input, kind, start, end, label) => {
    expectComplete(parsePeriod(input), kind, start, end, label);
  });

  test("a month after a financial year falls in that year's January to March when it is one of them", () => {
    expectComplete(parsePeriod("Jan 2025/26"), "month", "2026-01-01", "2026-01-31", "Jan 2026");
    expectComplete(parsePeriod("Sept 2025"), "month", "2025-09-01", "2025-09-30", "Sep 2025");
  });

  test("February has its leap day in leap years", () => {
    expectComplete(parsePeriod("Feb 2024"), "month", "2024-02-01", "2024-02-29", "Feb 2024");
    expectComplete(parsePeriod("Feb 2025"), "month", "2025-02-01", "2025-02-28", "Feb 2025");
    expectComplete(parsePeriod("29/02/2024"), "month", "2024-02-01", "2024-02-29", "Feb 2024");
    expect(parsePeriod("29/02/2025")).toBeNull();
    expect(parsePeriod("31/04/2025")).toBeNull();
  });
});

describe("financial and calendar years", () => {
  const fy: Row[] = [
    ["2024/25", "financialYear", "2024-04-01", "2025-03-31", "2024/25"],
    ["2024-25", "financialYear", "2024-04-01", "2025-03-31", "2024/25"],
    ["2024/2025", "financialYear", "2024-04-01", "2025-03-31", "2024/25"],
    ["2024/25 outturn", "financialYear", "2024-04-01", "2025-03-31", "2024/25"],
    ["Outturn 2024/25", "financialYear", "2024-04-01", "2025-03-31", "2024/25"],
    ["FY24/25", "financialYear", "2024-04-01", "2025-03-31", "2024/25"],
    ["FY 2024-25", "financialYear", "2024-04-01", "2025-03-31", "2024/25"],
    ["2024-25 (full year)", "financialYear", "2024-04-01", "2025-03-31", "2024/25"],
    ["Financial year 2024 to 2025", "financialYear", "2024-04-01", "2025-03-31", "2024/25"],
    ["24/25", "financialYear", "2024-04-01", "2025-03-31", "2024/25"],
    ["Year ending 31 March 2025", "financialYear", "2024-04-01", "2025-03-31", "2024/25"],
    ["Apr 2024 - Mar 2025", "financialYear", "2024-04-01", "2025-03-31", "2024/25"],
    ["1999/00", "financialYear", "1999-04-01", "2000-03-31", "1999/00"],
  ];
  test.each(fy)("%s", (input, kind, start, end, label) => {
    expectComplete(parsePeriod(input), kind, start, end, label);
  });

  const cy: Row[] = [
    ["2025", "calendarYear", "2025-01-01", "2025-12-31", "2025"],
    ["CY2025", "calendarYear", "2025-01-01", "2025-12-31", "2025"],
    ["CY 2025", "calendarYear", "2025-01-01", "2025-12-31", "2025"],
    ["Calendar year 2025", "calendarYear", "2025-01-01", "2025-12-31", "2025"],
    ["Jan-Dec 2025", "calendarYear", "2025-01-01", "2025-12-31", "2025"],
  ];
  test.each(cy)("%s", (input, kind, start, end, label) => {
    expectComplete(parsePeriod(input), kind, start, end, label);
  });

  test("a consecutive pair that is also a month is read as the financial year", () => {
    expectComplete(parsePeriod("2003-04"), "financialYear", "2003-04-01", "2004-03-31", "2003/04");
    expectComplete(parsePeriod("2011/12"), "financialYear", "2011-04-01", "2012-03-31", "2011/12");
  });

  test("a one-year FY is ambiguous and not read", () => {
    expect(parsePeriod("FY2025")).toBeNull();
  });
});

describe("years to date, halves and ranges", () => {
  const rows: Row[] = [
    ["YTD Q2 2025/26", "yearToDate", "2025-04-01", "2025-09-30", "YTD Q2 2025/26"],
    ["Year to date Q2 2025/26", "yearToDate", "2025-04-01", "2025-09-30", "YTD Q2 2025/26"],
    ["Q2 2025/26 YTD", "yearToDate", "2025-04-01", "2025-09-30", "YTD Q2 2025/26"],
    ["Apr-Sep 2025 (YTD)", "yearToDate", "2025-04-01", "2025-09-30", "YTD Q2 2025/26"],
    ["YTD Aug 2025", "yearToDate", "2025-04-01", "2025-08-31", "YTD Aug 2025"],
    ["YTD Feb 2026", "yearToDate", "2025-04-01", "2026-02-28", "YTD Feb 2026"],
    ["Jan-Jun 2025 YTD", "yearToDate", "2025-01-01", "2025-06-30", "YTD Jan-Jun 2025"],
    ["year-to-date Q4 2024/25", "yearToDate", "2024-04-01", "2025-03-31", "YTD Q4 2024/25"],
    ["H1 2025/26", "range", "2025-04-01", "2025-09-30", "H1 2025/26"],
    ["H2 2025/26", "range", "2025-10-01", "2026-03-31", "H2 2025/26"],
    ["Q1-Q2 2025/26", "range", "2025-04-01", "2025-09-30", "H1 2025/26"],
    ["Q1 to Q3 2025/26", "range", "2025-04-01", "2025-12-31", "Q1-Q3 2025/26"],
    ["Q2-Q3 2025/26", "range", "2025-07-01", "2025-12-31", "Q2-Q3 2025/26"],
    ["Nov-Jan 2026", "range", "2025-11-01", "2026-01-31", "Nov 2025-Jan 2026"],
    ["Apr-Aug 2025", "range", "2025-04-01", "2025-08-31", "Apr-Aug 2025"],
    ["12 months to June 2025", "range", "2024-07-01", "2025-06-30", "Jul 2024-Jun 2025"],
    ["R12M Sep-25", "range", "2024-10-01", "2025-09-30", "Oct 2024-Sep 2025"],
    ["R12M to Mar 2025", "financialYear", "2024-04-01", "2025-03-31", "2024/25"],
    ["12m to Jun-25", "range", "2024-07-01", "2025-06-30", "Jul 2024-Jun 2025"],
    ["Rolling 12 mths ending Dec 2024", "calendarYear", "2024-01-01", "2024-12-31", "2024"],
    ["3 Apr 2025 to 10 May 2025", "range", "2025-04-03", "2025-05-10", "3 Apr 2025 to 10 May 2025"],
  ];
  test.each(rows)("%s", (input, kind, start, end, label) => {
    expectComplete(parsePeriod(input), kind, start, end, label);
  });

  test("a year to date that does not say how far it runs is partial", () => {
    expect(parsePeriod("2025/26 YTD")).toMatchObject({ complete: false, missing: "end", start: "2025-04-01", label: "YTD 2025/26" });
    expect(parsePeriod("YTD")).toMatchObject({ complete: false, missing: "yearAndEnd", kind: "yearToDate", label: "YTD" });
    expect(parsePeriod("Year to date")).toMatchObject({ complete: false, missing: "yearAndEnd" });
    expect(parsePeriod("YTD Q2")).toMatchObject({ complete: false, missing: "year", fiscalMonths: { from: 0, to: 5 }, label: "YTD Q2" });
  });
});

describe("headings without a year are partial", () => {
  const rows: Array<[string, PeriodKind, number, number, string]> = [
    ["Q1", "quarter", 0, 2, "Q1"],
    ["Qtr 1", "quarter", 0, 2, "Q1"],
    ["Quarter 1", "quarter", 0, 2, "Q1"],
    ["Q1 (Apr-Jun)", "quarter", 0, 2, "Q1"],
    ["Apr-Jun", "quarter", 0, 2, "Q1"],
    ["Jan-Mar", "quarter", 9, 11, "Q4"],
    ["April", "month", 0, 0, "Apr"],
    ["Mar", "month", 11, 11, "Mar"],
    ["H2", "range", 6, 11, "H2"],
    ["Jan-Jun", "range", 9, 14, "Jan-Jun"],
  ];
  test.each(rows)("%s", (input, kind, from, to, label) => {
    expect(parsePeriod(input)).toMatchObject({ complete: false, missing: "year", kind, label, fiscalMonths: { from, to } });
  });

  test("a month inside the quarter named beside it is that month", () => {
    expect(parsePeriod("Apr 2025 (Q1)")).toMatchObject({ complete: true, kind: "month", label: "Apr 2025" });
    expect(parsePeriod("Q2: Aug")).toMatchObject({ complete: false, kind: "month", label: "Aug" });
    expect(parsePeriod("Q2: Apr")).toBeNull();
  });

  test("a quarter and months that disagree are not a period", () => {
    expect(parsePeriod("Q1 (Jul-Sep)")).toBeNull();
    expect(parsePeriod("Q1 2025/26 (Jul-Sep)")).toBeNull();
    expect(parsePeriod("Q4 24/25 (Jan-Mar 26)")).toBeNull();
    expect(parsePeriod("Q1 (Apr-Sep)")).toBeNull();
    expect(parsePeriod("Jan 2025 2025/26")).toBeNull();
  });
});

describe("untidy headings", () => {
  test.each([
    ["Q1 2025/26*", ["*"]],
    ["Q1\n2025/26", []],
    ["  q1    2025/26 ", []],
    ["Q1 2025/26 (provisional)", ["provisional"]],
    ["Q1 2025/26 [r]", ["r"]],
    ["Q1 2025/26 (p)", ["p"]],
    ["Q1 2025/26 [note 3]", ["note 3"]],
    ["Q1 2025/26\u00b9", ["1"]],
    ["Q1\u00a02025\u201326", []],
    ["Q1 2025/26\u2020", ["\u2020"]],
  ])("%j", (input, annotations) => {
    const p = parsePeriod(input);
    expectComplete(p, "quarter", ...Q1);
    expect(p?.annotations).toEqual(annotations);
  });

  test("footnotes on partial and past quarters", () => {
    expect(parsePeriod("Q2\u00b9")).toMatchObject({ complete: false, label: "Q2", annotations: ["1"] });
    expect(parsePeriod("Q3 (provisional)")).toMatchObject({ complete: false, label: "Q3", annotations: ["provisional"] });
    expectComplete(parsePeriod("Q4 2024/25 [r]"), "quarter", "2025-01-01", "2025-03-31", "Q4 2024/25");
  });

  test("the text as read is kept, whitespace collapsed", () => {
    expect(parsePeriod(" Q1\n2025/26 ")?.text).toBe("Q1 2025/26");
  });
});

describe("a quarter given with a calendar year", () => {
  test("is placed so that its last month falls in that year, with the assumption said", () => {
    const q4 = parsePeriod("Q4 2025");
    expectComplete(q4, "quarter", "2025-01-01", "2025-03-31", "Q4 2024/25");
    expect(q4?.assumption).toMatch(/calendar year/);
    expectComplete(parsePeriod("Q1 2025"), "quarter", ...Q1);
  });

  test("no assumption is needed when the year is written after months", () => {
    expect(parsePeriod("Jan-Mar 2026")?.assumption).toBeUndefined();
  });
});

describe("not periods", () => {
  test.each([
    "Target",
    "Q1 target",
    "Total",
    "2024/25 target",
    "Target 2025/26",
    "17",
    "2.5",
    "Ref",
    "Children seen within 10 working days",
    "Good is High",
    "",
    "   ",
    "England 2024/25",
    "% change Q1 to Q2",
    "Q1 & Q2 2025/26",
    "Q5",
    "Q1 2025/26 Q2 2025/26",
    "2024/25 2025/26",
    "2024/26",
    "1234",
    "2025.5",
    "Indicator",
    "Number of referrals",
    "Outturn",
    "FY",
    "Full year",
    "10/12",
    "3/4",
    "Measure 12",
    "RAG",
    "Apr 2025 2026",
  ])("%j", (input) => {
    expect(parsePeriod(input)).toBeNull();
    expect(isPeriodLike(input)).toBe(false);
  });

  test.each([17, 2.5, 0, -2025, 45748, Number.NaN, Number.POSITIVE_INFINITY])("the number %p", (n) => {
    expect(parsePeriod(n)).toBeNull();
  });

  test("null, undefined and booleans", () => {
    expect(parsePeriod(null)).toBeNull();
    expect(parsePeriod(undefined)).toBeNull();
    expect(parsePeriod({ value: true, text: "TRUE", numberFormat: "General" })).toBeNull();
  });
});

describe("target headings", () => {
  test("name the period a target is for", () => {
    expect(parseTargetHeading("2024/25 target")?.period).toMatchObject({ kind: "financialYear", start: "2024-04-01" });
    expect(parseTargetHeading("Target 2025/26")?.period).toMatchObject({ label: "2025/26" });
    expect(parseTargetHeading("Q1 target")?.period).toMatchObject({ complete: false, label: "Q1" });
    expect(parseTargetHeading("Q1 target", { fiscalYearStart: 2025 })?.period).toMatchObject({ label: "Q1 2025/26" });
    expect(parseTargetHeading("Target")).toEqual({ period: null });
  });

  test("are null for headings that are not targets", () => {
    expect(parseTargetHeading("Q1 2025/26")).toBeNull();
    expect(parseTargetHeading("Target audience")).toBeNull();
  });
});

describe("numbers, dates and cells", () => {
  test("a whole number in the year range is the calendar year", () => {
    expectComplete(parsePeriod(2025), "calendarYear", "2025-01-01", "2025-12-31", "2025");
    expectComplete(parsePeriod({ value: 2019, text: "2019", numberFormat: "General" }), "calendarYear", "2019-01-01", "2019-12-31", "2019");
  });

  test("a serial with a date format means its month", () => {
    const cell = { value: 45748, text: "Apr-25", numberFormat: "mmm-yy" };
    const p = parsePeriod(cell);
    expectComplete(p, "month", "2025-04-01", "2025-04-30", "Apr 2025");
    expect(p?.text).toBe("Apr-25");
    expectComplete(parsePeriod({ value: 45777, text: "30/04/2025", numberFormat: "dd/mm/yyyy" }), "month", "2025-04-01", "2025-04-30", "Apr 2025");
    expectComplete(parsePeriod({ value: 45748, text: "", numberFormat: "[$-en-GB]mmmm yyyy" }), "month", "2025-04-01", "2025-04-30", "Apr 2025");
  });

  test("a serial formatted to show only the year is that calendar year", () => {
    expectComplete(parsePeriod({ value: 45748, text: "2025", numberFormat: "yyyy" }), "calendarYear", "2025-01-01", "2025-12-31", "2025");
  });

  test("a serial without a date format is only a number", () => {
    expect(parsePeriod({ value: 45748, text: "45748", numberFormat: "General" })).toBeNull();
    expect(parsePeriod({ value: 45748, text: "45,748", numberFormat: "#,##0" })).toBeNull();
  });

  test("a text cell is read from its value; an empty value falls back to the text", () => {
    expectComplete(parsePeriod({ value: "Q1 2025/26", text: "Q1 2025/26", numberFormat: "@" }), "quarter", ...Q1);
    expectComplete(parsePeriod({ value: null, text: "Q1 2025/26", numberFormat: "General" }), "quarter", ...Q1);
    expect(parsePeriod({ value: null, text: "", numberFormat: "General" })).toBeNull();
  });

  test("a JS Date means its month", () => {
    expectComplete(parsePeriod(new Date(Date.UTC(2025, 3, 1))), "month", "2025-04-01", "2025-04-30", "Apr 2025");
    expectComplete(parsePeriod(new Date(2025, 3, 1)), "month", "2025-04-01", "2025-04-30", "Apr 2025");
    expect(parsePeriod(new Date(Number.NaN))).toBeNull();
  });
});

describe("context", () => {
  test("completes headings without a year", () => {
    expectComplete(parsePeriod("Q1", { fiscalYearStart: 2025 }), "quarter", ...Q1);
    expectComplete(parsePeriod("Jan", { fiscalYearStart: 2025 }), "month", "2026-01-01", "2026-01-31", "Jan 2026");
  });

  test("does not override a year the heading gives", () => {
    expectComplete(parsePeriod("Q1 2024/25", { fiscalYearStart: 2025 }), "quarter", "2024-04-01", "2024-06-30", "Q1 2024/25");
  });
});

describe("years beside days are not financial years", () => {
  test.each([
    ["19 Oct 2011 to 12 Dec 2011", "2011-10-19", "2011-12-12"],
    ["31 Dec 2011 - 12 Jan 2012", "2011-12-31", "2012-01-12"],
  ])("%s", (input, start, end) => {
    expect(parsePeriod(input)).toMatchObject({ complete: true, kind: "range", start, end });
  });
});

describe("a financial year introduced by the word year", () => {
  it("reads \"Year 2026-27\" and \"Yr 2023/24\" as financial years, and completes quarters of months under them", () => {
    expectComplete(parsePeriod("Year 2026-27"), "financialYear", "2026-04-01", "2027-03-31", "2026/27");
    expectComplete(parsePeriod("Yr 2023/24"), "financialYear", "2023-04-01", "2024-03-31", "2023/24");
    expectComplete(parseStackedPeriod(["Year 2026-27", "Jan-Mar"]), "quarter", "2027-01-01", "2027-03-31", "Q4 2026/27");
    expectComplete(parseStackedPeriod(["Yr 2023/24", "Oct-Dec"]), "quarter", "2023-10-01", "2023-12-31", "Q3 2023/24");
  });

  it("does not read \"Year 2025-27\": the second year must follow the first", () => {
    expect(parsePeriod("Year 2025-27")).toBeNull();
  });
});

describe("a trailing band over a date: the date ends the span", () => {
  // 31 December 2025 and 31 March 2027 as Excel serials, shown as months.
  const dec25 = { value: 46022, text: "Dec-25", numberFormat: "mmm-yy" };
  const mar27 = { value: 46477, text: "Mar-27", numberFormat: "mmm-yy" };

  it("reads a quarter-end date under \"Quarter ended\" as the quarter, not the month", () => {
    expectComplete(parseStackedPeriod(["Quarter ended", dec25]), "quarter", "2025-10-01", "2025-12-31", "Q3 2025/26");
    expectComplete(parseStackedPeriod(["Qtr ending:", mar27]), "quarter", "2027-01-01", "2027-03-31", "Q4 2026/27");
  });

  it("reads other trailing bands by their length, and a date on its own as its month", () => {
    expectComplete(parseStackedPeriod(["12 months to", mar27]), "financialYear", "2026-04-01", "2027-03-31", "2026/27");
    expectComplete(parseStackedPeriod([dec25]), "month", "2025-12-01", "2025-12-31", "Dec 2025");
    expectComplete(parsePeriod("Quarter ending 31 December 2025"), "quarter", "2025-10-01", "2025-12-31", "Q3 2025/26");
  });
});
