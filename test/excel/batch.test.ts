import { CALL_OVERHEAD_BYTES, chunkRows, jsonBytes, packSteps, rowsStep, utf8Length, type Step } from "../../src/excel/batch";
import { isPlainText, toExcelValue } from "../../src/excel/values";

describe("toExcelValue: plan strings are data", () => {
  test("plain words go as they are; anything Excel might interpret goes behind an apostrophe", () => {
    expect(toExcelValue("Police")).toBe("Police");
    expect(toExcelValue("Children's social care")).toBe("Children's social care");
    expect(toExcelValue("N/A")).toBe("N/A");
    for (const s of ["=1+1", "+44", "-", "-x", "@x", "12", "1,234", "50%", "TRUE", "false", "#N/A", "Apr-25", "Q1 2025/26", "'x", " 7"]) {
      expect(toExcelValue(s)).toBe(`'${s}`);
    }
  });

  test("formulas get exactly one '='; numbers, booleans and empties pass", () => {
    expect(toExcelValue({ formula: "SUM(A1:A3)" })).toBe("=SUM(A1:A3)");
    expect(toExcelValue({ formula: "=A1" })).toBe("=A1");
    expect(toExcelValue(0.875)).toBe(0.875);
    expect(toExcelValue(true)).toBe(true);
    expect(toExcelValue(null)).toBe("");
    expect(toExcelValue("")).toBe("");
    expect(() => toExcelValue(Number.NaN)).toThrow(/finite/);
    expect(() => toExcelValue({ formula: " = " })).toThrow(/empty/);
  });

  test("isPlainText treats TRUE/FALSE and digits as interpretable", () => {
    expect(isPlainText("Early help")).toBe(true);
    expect(isPlainText("True")).toBe(false);
    expect(isPlainText("CP02")).toBe(false);
  });
});

describe("request sizes", () => {
  test("utf8Length counts bytes as UTF-8 does", () => {
    for (const s of ["abc", "é", "€", "😀", "mixed é€😀 text"]) expect(utf8Length(s)).toBe(Buffer.byteLength(s, "utf8"));
    expect(jsonBytes([["a", 1]])).toBe(Buffer.byteLength('[["a",1]]'));
  });

  test("chunkRows cuts whole rows under the limit and splits an oversized row by columns", () => {
    const rows = Array.from({ length: 100 }, (_, r) => Array.from({ length: 10 }, (_, c) => `r${r}c${c}`));
    const chunks = chunkRows(rows, 1000);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => jsonBytes(c.values) <= 1000)).toBe(true);
    // Every cell lands exactly once, at its own offset.
    const seen = chunks.flatMap((c) => c.values.flatMap((row, i) => row.map((v, j) => [v, `r${c.row + i}c${c.col + j}`])));
    expect(seen).toHaveLength(1000);
    expect(seen.every(([v, where]) => v === where)).toBe(true);

    const wide = [Array.from({ length: 50 }, (_, c) => `${"x".repeat(40)}${c}`)];
    const pieces = chunkRows(wide, 500);
    expect(pieces.length).toBeGreaterThan(4);
    expect(pieces.every((p) => p.row === 0 && jsonBytes(p.values) <= 500)).toBe(true);
    expect(pieces.flatMap((p) => p.values[0])).toEqual(wide[0]);
  });

  test("packSteps keeps order and packs up to the budget", () => {
    const order: number[] = [];
    const steps: Step[] = [300, 300, 300, 900, 50, 50, 2000, 10].map((bytes, i) => ({ bytes, queue: () => order.push(i) }));
    const batches = packSteps(steps, 1000);
    expect(batches.map((b) => b.map((s) => s.bytes))).toEqual([[300, 300, 300], [900, 50, 50], [2000], [10]]);
    batches.flat().forEach((s) => s.queue());
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  test("a step of rows that does not fit is cut between rows to fill the batch, the rest opening the next; every row is written once, in order", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`row ${i}`, i]);
    const written: number[] = [];
    const step = rowsStep(rows, (offset, part) => part.forEach((_, i) => written.push(offset + i)));
    const budget = 8000;
    const first: Step = { bytes: 3000, queue: () => undefined };
    const batches = packSteps([first, step], budget);
    const sizes = batches.map((b) => b.reduce((n, s) => n + s.bytes, 0));
    expect(sizes.every((n) => n <= budget)).toBe(true);
    // Full batches: all but the last within one row and one call's allowance of the budget.
    expect(sizes.slice(0, -1).every((n) => n > budget - 2 * CALL_OVERHEAD_BYTES - 20)).toBe(true);
    expect(batches.length).toBe(Math.ceil((3000 + rows.reduce((n, r) => n + jsonBytes(r) + 1, 0)) / (budget - 2 * CALL_OVERHEAD_BYTES - 20)));
    batches.flat().forEach((s) => s.queue());
    expect(written).toEqual(rows.map((_, i) => i));
  });
});
