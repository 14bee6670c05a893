import fc from "fast-check";
import {
  calendarYearPeriod,
  completePeriod,
  findPeriodsInText,
  financialYearPeriod,
  isPeriodLike,
  monthPeriod,
  parsePeriod,
  parseStackedPeriod,
  parseTargetHeading,
  periodFromDates,
  quarterPeriod,
  yearToDatePeriod,
} from "../../../src/core/periods";
import type { CompletePeriod, ParsedPeriod } from "../../../src/core/periods";

function defined<T>(value: T | null): T {
  if (value === null) throw new Error("constructor refused a value the arbitrary should not produce");
  return value;
}

function samePeriod(parsed: ParsedPeriod | null, expected: CompletePeriod): void {
  expect(parsed).toMatchObject({ complete: true, kind: expected.kind, start: expected.start, end: expected.end, label: expected.label });
}

const fiscalYear = fc.integer({ min: 1950, max: 2098 });
const year = fc.integer({ min: 1950, max: 2099 });
const month = fc.integer({ min: 1, max: 12 });

describe("canonical labels parse back to the same period", () => {
  test("quarters", () => {
    fc.assert(
      fc.property(fiscalYear, fc.integer({ min: 1, max: 4 }), (fy, q) => {
        const p = defined(quarterPeriod(fy, q));
        samePeriod(parsePeriod(p.label), p);
      }),
    );
  });

  test("months", () => {
    fc.assert(
      fc.property(year, month, (y, m) => {
        const p = defined(monthPeriod(y, m));
        samePeriod(parsePeriod(p.label), p);
      }),
    );
  });

  test("financial and calendar years", () => {
    fc.assert(
      fc.property(fiscalYear, year, (fy, y) => {
        const f = defined(financialYearPeriod(fy));
        const c = defined(calendarYearPeriod(y));
        samePeriod(parsePeriod(f.label), f);
        samePeriod(parsePeriod(c.label), c);
      }),
    );
  });

  test("years to date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1951, max: 2098 }), month, (y, m) => {
        const p = defined(yearToDatePeriod(y, m));
        samePeriod(parsePeriod(p.label), p);
      }),
    );
  });

  test("any span of whole months, and any span of days", () => {
    const monthSpan = fc.tuple(fc.integer({ min: 1951 * 12, max: 2095 * 12 }), fc.integer({ min: 0, max: 40 }));
    fc.assert(
      fc.property(monthSpan, ([a, length]) => {
        const b = a + length;
        const start = `${Math.floor(a / 12)}-${String((a % 12) + 1).padStart(2, "0")}-01`;
        const endYear = Math.floor(b / 12);
        const endMonth = (b % 12) + 1;
        const lastDay = new Date(Date.UTC(endYear, endMonth, 0)).getUTCDate();
        const end = `${endYear}-${String(endMonth).padStart(2, "0")}-${lastDay}`;
        const p = defined(periodFromDates(start, end));
        samePeriod(parsePeriod(p.label), p);
      }),
    );
    const day = fc.date({ min: new Date("1951-01-01T00:00:00Z"), max: new Date("2097-12-31T00:00:00Z"), noInvalidDate: true });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (d, days) => {
        const start = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
        const end = new Date(start.getTime() + days * 86_400_000);
        const p = defined(periodFromDates(start, end));
        samePeriod(parsePeriod(p.label), p);
      }),
    );
  });

  test("the pieces of a stacked heading give the period the whole label gives", () => {
    fc.assert(
      fc.property(fiscalYear, fc.integer({ min: 1, max: 4 }), (fy, q) => {
        const p = defined(quarterPeriod(fy, q));
        const [quarter, fyLabel] = p.label.split(" ");
        samePeriod(parseStackedPeriod([fyLabel, quarter]), p);
        const partial = parsePeriod(quarter ?? "");
        samePeriod(partial && completePeriod(partial, { fiscalYearStart: fy }), p);
      }),
    );
  });
});

describe("robustness", () => {
  const periodish = fc.array(
    fc.constantFrom(
      "Q", "Q1", "Qtr", "quarter", "H2", "YTD", "year", "to", "date", "Apr", "June", "Sept", "FY", "CY", "2025", "25", "26",
      "/", "-", "–", "(", ")", "[", "]", "r", "*", "¹", "target", "outturn", "01/04/2025", "2025-26", "of", "1st", "12", "months",
      "ending", "\n", " ", "&", "_",
    ),
    { maxLength: 12 },
  );

  test("parsing never throws and always returns null or a well-formed period", () => {
    const input = fc.oneof(fc.string(), fc.string({ unit: "binary" }), periodish.map((parts) => parts.join(" ")), periodish.map((parts) => parts.join("")));
    fc.assert(
      fc.property(input, (text) => {
        const p = parsePeriod(text);
        parseTargetHeading(text);
        findPeriodsInText(text);
        if (p === null) return;
        expect(typeof p.label).toBe("string");
        if (p.complete) {
          expect(p.start <= p.end).toBe(true);
          expect(periodFromDates(p.start, p.end)?.start).toBe(p.start);
        } else {
          expect(["year", "end", "yearAndEnd"]).toContain(p.missing);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test("numbers and cells never throw", () => {
    fc.assert(
      fc.property(fc.double(), fc.constantFrom("General", "mmm-yy", "yyyy", "0.0%", "dd/mm/yyyy"), (value, numberFormat) => {
        isPeriodLike(value);
        const p = parsePeriod({ value, text: String(value), numberFormat });
        if (p?.complete) expect(p.start <= p.end).toBe(true);
      }),
    );
  });

  test("a long title is searched in reasonable time", () => {
    const title = "Quarterly safeguarding partnership performance scorecard ".repeat(200) + "Q2 2025/26";
    const started = Date.now();
    const matches = findPeriodsInText(title);
    expect(matches.map((m) => m.period.label)).toEqual(["Q2 2025/26"]);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
