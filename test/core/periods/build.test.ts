import {
  calendarYearPeriod,
  financialYearLabel,
  financialYearPeriod,
  monthPeriod,
  periodFromDates,
  quarterPeriod,
  yearToDatePeriod,
} from "../../../src/core/periods";
import type { CompletePeriod } from "../../../src/core/periods";

const brief = (p: CompletePeriod | null): string | null => (p ? `${p.kind} ${p.start}..${p.end} ${p.label}` : null);

describe("periodFromDates names spans by what they are", () => {
  test.each([
    ["2025-04-01", "2025-06-30", "quarter 2025-04-01..2025-06-30 Q1 2025/26"],
    ["2026-01-01", "2026-03-31", "quarter 2026-01-01..2026-03-31 Q4 2025/26"],
    ["2024-04-01", "2025-03-31", "financialYear 2024-04-01..2025-03-31 2024/25"],
    ["2025-01-01", "2025-12-31", "calendarYear 2025-01-01..2025-12-31 2025"],
    ["2024-02-01", "2024-02-29", "month 2024-02-01..2024-02-29 Feb 2024"],
    ["2025-04-01", "2025-09-30", "range 2025-04-01..2025-09-30 H1 2025/26"],
    ["2025-10-01", "2026-03-31", "range 2025-10-01..2026-03-31 H2 2025/26"],
    ["2025-07-01", "2026-03-31", "range 2025-07-01..2026-03-31 Q2-Q4 2025/26"],
    ["2026-01-01", "2026-06-30", "range 2026-01-01..2026-06-30 Jan-Jun 2026"],
    ["2025-11-01", "2026-02-28", "range 2025-11-01..2026-02-28 Nov 2025-Feb 2026"],
    ["2025-07-01", "2026-06-30", "range 2025-07-01..2026-06-30 Jul 2025-Jun 2026"],
    ["2025-04-03", "2025-05-10", "range 2025-04-03..2025-05-10 3 Apr 2025 to 10 May 2025"],
    ["2025-04-01", "2025-04-01", "range 2025-04-01..2025-04-01 1 Apr 2025 to 1 Apr 2025"],
  ])("%s..%s", (start, end, expected) => {
    expect(brief(periodFromDates(start, end))).toBe(expected);
  });

  test("Dates are accepted", () => {
    expect(periodFromDates(new Date(Date.UTC(2025, 3, 1)), new Date(Date.UTC(2025, 5, 30)))?.label).toBe("Q1 2025/26");
  });

  test("backwards spans and impossible dates are refused", () => {
    expect(periodFromDates("2025-06-30", "2025-04-01")).toBeNull();
    expect(periodFromDates("2025-02-29", "2025-03-31")).toBeNull();
    expect(periodFromDates("2025-4-1", "2025-06-30")).toBeNull();
  });
});

describe("constructors", () => {
  test("quarters of a financial year, Q4 across the calendar year change", () => {
    expect(brief(quarterPeriod(2025, 1))).toBe("quarter 2025-04-01..2025-06-30 Q1 2025/26");
    expect(brief(quarterPeriod(2025, 3))).toBe("quarter 2025-10-01..2025-12-31 Q3 2025/26");
    expect(brief(quarterPeriod(2025, 4))).toBe("quarter 2026-01-01..2026-03-31 Q4 2025/26");
    expect(brief(quarterPeriod(2023, 4))).toBe("quarter 2024-01-01..2024-03-31 Q4 2023/24");
    expect(quarterPeriod(2025, 5)).toBeNull();
    expect(quarterPeriod(2025, 0)).toBeNull();
  });

  test("months, years and years to date", () => {
    expect(brief(monthPeriod(2024, 2))).toBe("month 2024-02-01..2024-02-29 Feb 2024");
    expect(brief(monthPeriod(2100, 2))).toBe("month 2100-02-01..2100-02-28 Feb 2100");
    expect(monthPeriod(2025, 13)).toBeNull();
    expect(brief(financialYearPeriod(2023))).toBe("financialYear 2023-04-01..2024-03-31 2023/24");
    expect(brief(calendarYearPeriod(2024))).toBe("calendarYear 2024-01-01..2024-12-31 2024");
    expect(brief(yearToDatePeriod(2025, 9))).toBe("yearToDate 2025-04-01..2025-09-30 YTD Q2 2025/26");
    expect(brief(yearToDatePeriod(2026, 2))).toBe("yearToDate 2025-04-01..2026-02-28 YTD Feb 2026");
    expect(brief(yearToDatePeriod(2025, 4))).toBe("yearToDate 2025-04-01..2025-04-30 YTD Apr 2025");
  });

  test("financial year labels wrap the century", () => {
    expect(financialYearLabel(2025)).toBe("2025/26");
    expect(financialYearLabel(1999)).toBe("1999/00");
    expect(financialYearLabel(2009)).toBe("2009/10");
  });
});
