import fc from "fast-check";
import { DEFAULT_THRESHOLD, recoverable, suppressTable, type SuppressionTable } from "../../../src/core/report/suppress";

/** A table of counts with its row and column totals filled in, as a published table shows them. */
function withTotals(parts: number[][]): number[][] {
  const rows = parts.map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
  const totals = rows[0]!.map((_, c) => rows.reduce((a, r) => a + r[c]!, 0));
  return [...rows, totals];
}

describe("small-number suppression", () => {
  it("withholds counts from 1 to the threshold, and never a zero", () => {
    const out = suppressTable({ values: [[0, 1, 5, 6, 12]] });
    expect(out).toEqual([
      { row: 0, col: 1, reason: "small number" },
      { row: 0, col: 2, reason: "small number" },
    ]);
  });

  it("takes a threshold of the partnership's choosing", () => {
    expect(suppressTable({ values: [[3, 9, 10]] }, 9).map((s) => s.col)).toEqual([0, 1]);
  });

  it("withholds a second figure in a row with a total, the smallest, so the first cannot be worked back", () => {
    // 4 + 10 + 20 = 34: with only 4 withheld, 34 - 10 - 20 gives it away.
    const table: SuppressionTable = { values: [[4, 20, 10, 34]], rowTotals: true };
    const out = suppressTable(table);
    expect(out).toEqual([
      { row: 0, col: 0, reason: "small number" },
      { row: 0, col: 2, reason: "secondary" },
    ]);
    expect(recoverable(table, out)).toEqual([]);
    expect(recoverable(table, out.slice(0, 1))).toEqual([{ row: 0, col: 0 }]);
  });

  it("follows a withheld figure down its column too, until every line is safe", () => {
    const table: SuppressionTable = { values: withTotals([[3, 40, 12], [25, 8, 30], [9, 14, 50]]), rowTotals: true, columnTotals: true };
    const out = suppressTable(table);
    expect(out.filter((s) => s.reason === "small number")).toEqual([{ row: 0, col: 0, reason: "small number" }]);
    expect(out.filter((s) => s.reason === "secondary").length).toBeGreaterThanOrEqual(2);
    expect(recoverable(table, out)).toEqual([]);
  });

  it("never withholds a rate or percentage as small, nor uses it to protect a count", () => {
    const table: SuppressionTable = { values: [[2, 4.5, 9, 11]], rowTotals: true, notCounts: (_r, c) => c === 1 };
    const out = suppressTable(table);
    expect(out.map((s) => s.col)).toEqual([0, 2]);
  });

  it("leaves no withheld figure recoverable from any row or column total, for any table", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat({ max: 40 }), { minLength: 2, maxLength: 5 }), { minLength: 2, maxLength: 5 }), (raw) => {
        const width = Math.min(...raw.map((r) => r.length));
        const parts = raw.map((r) => r.slice(0, width));
        const table: SuppressionTable = { values: withTotals(parts), rowTotals: true, columnTotals: true };
        const out = suppressTable(table);
        const at = new Set(out.map((s) => `${s.row},${s.col}`));
        // Every small count is withheld; no zero is.
        table.values.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v !== null && v >= 1 && v <= DEFAULT_THRESHOLD) expect(at.has(`${r},${c}`)).toBe(true);
            if (v === 0) expect(at.has(`${r},${c}`)).toBe(false);
          }),
        );
        expect(recoverable(table, out)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
