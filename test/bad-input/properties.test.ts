/**
 * Property tests over input nobody wrote by hand: the period parser on arbitrary cell-like
 * values, and ingest on randomly generated scorecards, whose every figure is known.
 */
import fc from "fast-check";
import { InputError } from "../../src/core/errors";
import type { CellValue } from "../../src/core/grid/grid";
import { ingestWorkbook } from "../../src/core/ingest";
import { completePeriod, findPeriodsInText, isPeriodLike, parsePeriod, parseStackedPeriod, parseTargetHeading } from "../../src/core/periods";
import type { ParsedPeriod, PeriodInput } from "../../src/core/periods";
import { generateScorecard, scorecardWorkbook, type Mark } from "../generators/scorecard";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function wellFormed(p: ParsedPeriod | null): void {
  if (p === null) return;
  expect(typeof p.label).toBe("string");
  if (p.complete) {
    expect(p.start).toMatch(ISO_DAY);
    expect(p.end).toMatch(ISO_DAY);
    expect(p.start <= p.end).toBe(true);
  } else {
    expect(["year", "end", "yearAndEnd"]).toContain(p.missing);
  }
}

const numberFormats = fc.oneof(
  fc.constantFrom("General", "0", "0.0%", "@", "mmm-yy", "yyyy", "dd/mm/yyyy", "d-mmm-yy", "[$-809]dd mmmm yyyy", "mmmm", "yy", '"Q"0', "[h]:mm", ";;;", ""),
  fc.string({ maxLength: 20 }),
);
const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.double(),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.integer({ min: 1, max: 2_958_465 }),
  fc.boolean(),
  fc.constant(null),
);
const cellLike = fc.record(
  { value: cellValue, text: fc.oneof(fc.string({ maxLength: 40 }), fc.constant("Q1 2025/26"), fc.constant("#VALUE!")), numberFormat: numberFormats },
  { requiredKeys: ["value"] },
);
const anyDate = fc.oneof(fc.date(), fc.date({ noInvalidDate: false }), fc.constant(new Date(Number.NaN)), fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15) }));
const input: fc.Arbitrary<PeriodInput> = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer(),
  anyDate,
  cellLike,
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1e308, 5e-324, 60, 61, 0),
);
const context = fc.oneof(fc.constant({}), fc.record({ fiscalYearStart: fc.oneof(fc.integer({ min: -10000, max: 10000 }), fc.double()) }));

describe("the period parser never throws, whatever a cell holds", () => {
  test("numbers, dates (including invalid ones), cells with any format and text, null and undefined", () => {
    fc.assert(
      fc.property(input, context, (value, ctx) => {
        const p = parsePeriod(value, ctx);
        wellFormed(p);
        expect(typeof isPeriodLike(value, ctx)).toBe("boolean");
        const target = parseTargetHeading(value, ctx);
        if (target) wellFormed(target.period);
        if (p && !p.complete) {
          wellFormed(completePeriod(p, "Q2 2025/26"));
          const fiscalYearStart = (ctx as { fiscalYearStart?: number }).fiscalYearStart;
          if (fiscalYearStart !== undefined) wellFormed(completePeriod(p, { fiscalYearStart }));
        }
      }),
      { numRuns: 3000 },
    );
  });

  test("a Date beyond four-digit years is not a period (its days could not be written YYYY-MM-DD)", () => {
    expect(parsePeriod(new Date("+010000-01-01T00:00:00.000Z"))).toBeNull();
    expect(parsePeriod(new Date("-000100-01-01T00:00:00.000Z"))).toBeNull();
    expect(parsePeriod(new Date(Date.UTC(1850, 0, 1)))).toMatchObject({ start: "1850-01-01", end: "1850-01-31", label: "Jan 1850" });
  });

  test("stacked headings (a year band over a quarter) of any two cells", () => {
    fc.assert(
      fc.property(input, input, (upper, lower) => {
        wellFormed(parseStackedPeriod([upper, lower]));
        wellFormed(parseStackedPeriod([upper, lower], { title: "Scorecard Q2 2025/26" }));
      }),
      { numRuns: 1000 },
    );
  });

  test("text search over arbitrary text returns matches that lie inside it", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const m of findPeriodsInText(text)) {
          expect(m.index).toBeGreaterThanOrEqual(0);
          expect(m.index + m.length).toBeLessThanOrEqual(text.length);
          wellFormed(m.period);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("ingest finds exactly the figures of a generated scorecard", () => {
  const marks: Mark[] = ["*", "<5", "n/a", "c"];
  /** A figure as people write them: whole numbers, one or two decimals, or a mark. */
  const figure = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 10) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 100_000 }) },
    { weight: 2, arbitrary: fc.constantFrom(...marks) },
  );
  const scorecard = fc.record({
    indicatorsPerAgency: fc.integer({ min: 1, max: 6 }),
    agencies: fc.integer({ min: 1, max: 5 }),
    quarters: fc.integer({ min: 1, max: 8 }),
    firstYear: fc.integer({ min: 2015, max: 2030 }),
    sections: fc.boolean(),
    blankRowsBetweenSections: fc.boolean(),
    seed: fc.array(figure, { minLength: 1, maxLength: 240 }),
  });

  test("every ok figure with its period, agency, indicator and cell; no figure that was not written", () => {
    fc.assert(
      fc.property(scorecard, ({ seed, ...spec }) => {
        const generated = generateScorecard({ ...spec, figure: (i, q) => seed[(i * spec.quarters + q) % seed.length]! });
        const expected = generated.figures
          .filter((f) => typeof f.figure === "number")
          .map((f) => `${f.sheetCell} ${f.indicatorId} ${f.agency ?? "-"} ${f.quarterLabel} ${f.start}..${f.end} ${f.figure}`);
        let result;
        try {
          result = ingestWorkbook(scorecardWorkbook(generated.rows));
        } catch (e) {
          // A sheet with no figure at all is not an indicator table: the only acceptable refusal.
          if (e instanceof InputError && expected.length === 0) return;
          throw e;
        }
        const found = result.observations
          .filter((o) => o.status === "ok")
          .map((o) => `${o.source.cell} ${o.indicatorId} ${o.agency ?? "-"} ${o.period.label} ${o.period.start}..${o.period.end} ${o.value}`);
        expect(found.sort()).toEqual(expected.sort());
        // Marks are read as marks, never as figures.
        const markCells = new Set(generated.figures.filter((f) => typeof f.figure !== "number").map((f) => f.sheetCell));
        for (const o of result.observations) if (markCells.has(o.source.cell)) expect(o.status).not.toBe("ok");
      }),
      { numRuns: 150 },
    );
  });
});
