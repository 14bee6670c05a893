/**
 * Writes send what Excel needs once: values are the only payload per cell; a formula repeated
 * down a column, a long run of one value, a number format, a style, a validation rule or an
 * unlocked range shared by many rows goes once. Each test measures the request bytes (as the
 * Excel test host counts them) and checks that every cell still ends up as the plan says.
 */
import type { DataValidationPlan, NumberFormatPlan, PlanValue, SheetPlan, StylePlan, WorkbookPlan } from "../../src/core/plan/plan";
import { renderPlan } from "../../src/excel";
import { MAX_AREAS_ADDRESS } from "../../src/excel/coalesce";
import { ExcelHost } from "../excel-host";

const ROWS = 5000;

async function render(sheet: SheetPlan): Promise<{ host: ExcelHost; bytes: number; payloads: unknown[] }> {
  const host = new ExcelHost();
  const ctx = host.context as unknown as { enqueue: (payload: unknown, apply: () => void) => void };
  const payloads: unknown[] = [];
  const enqueue = ctx.enqueue.bind(ctx);
  ctx.enqueue = (payload, apply) => {
    payloads.push(payload);
    enqueue(payload, apply);
  };
  await renderPlan(host.context, { sheets: [sheet] });
  return { host, bytes: host.requests.reduce((n, r) => n + r.bytes, 0), payloads };
}

/** Bytes a sheet's extras add over the same sheet with its values alone. */
async function extraBytes(sheet: SheetPlan): Promise<{ host: ExcelHost; extra: number; payloads: unknown[] }> {
  const bare = await render({ name: sheet.name, blocks: sheet.blocks });
  const full = await render(sheet);
  return { host: full.host, extra: full.bytes - bare.bytes, payloads: full.payloads };
}

function ids(n: number): PlanValue[][] {
  return Array.from({ length: n }, (_, i) => [`ID${i}`]);
}

describe("formulas and values", () => {
  test("a formula repeated down 5,000 rows is sent once, and every cell holds its own A1 formula", async () => {
    const values: PlanValue[][] = Array.from({ length: ROWS }, (_, i) => [i, { formula: `IF(A${i + 1}="","",A${i + 1}*$D$1)` }]);
    const perCell = await render({ name: "F", blocks: [{ at: "A1", values: values.map((r) => [r[0] as PlanValue]) }] });
    const both = await render({ name: "F", blocks: [{ at: "A1", values }] });
    // The whole formula column costs less than a handful of its cells written one by one.
    expect(both.bytes - perCell.bytes).toBeLessThan(300);
    expect(both.host.cell("F", "B1")?.formula).toBe('=IF(A1="","",A1*$D$1)');
    expect(both.host.cell("F", `B${ROWS}`)?.formula).toBe(`=IF(A${ROWS}="","",A${ROWS}*$D$1)`);
  });

  test("formulas that differ, or that R1C1 cannot carry, go cell by cell and arrive as written", async () => {
    const values: PlanValue[][] = [[{ formula: "SUM(B:B)" }], [{ formula: "SUM(B:B)" }], [{ formula: "A1+1" }], [{ formula: "A1+1" }], [{ formula: "a2*2" }]];
    const { host } = await render({ name: "F", blocks: [{ at: "A1", values }] });
    expect(["A1", "A2", "A3", "A4", "A5"].map((a) => host.cell("F", a)?.formula)).toEqual(["=SUM(B:B)", "=SUM(B:B)", "=A1+1", "=A1+1", "=a2*2"]);
  });

  test("a long run of one value goes once; empty cells of a new sheet are not sent at all", async () => {
    const values: PlanValue[][] = Array.from({ length: ROWS }, (_, i) => [`ID${i}`, "Children's Social Care", null, null, i]);
    const { host, bytes } = await render({ name: "V", blocks: [{ at: "A1", values }] });
    const idsAndNumbers = await render({ name: "V", blocks: [{ at: "A1", values: values.map((r) => [r[0] as PlanValue, r[4] as PlanValue]) }] });
    // The agency column and the two empty ones add next to nothing to the IDs and numbers.
    expect(bytes - idsAndNumbers.bytes).toBeLessThan(ROWS * 6);
    expect(host.cell("V", `B${ROWS}`)?.value).toBe("Children's Social Care");
    expect(host.cell("V", "C1")).toBeUndefined();
    expect(host.cell("V", `E${ROWS}`)?.value).toBe(ROWS - 1);
  });

  test("a later block's empty cells still clear what an earlier block wrote there", async () => {
    const { host } = await render({
      name: "O",
      blocks: [
        { at: "A1", values: [["old", "old"], ["old", "old"]] },
        { at: "A2", values: [[null, "new"]] },
      ],
    });
    expect([host.cell("O", "A1")?.value, host.cell("O", "A2")?.value ?? null, host.cell("O", "B2")?.value]).toEqual(["old", null, "new"]);
  });
});

describe("number formats", () => {
  test("one format over a whole column range is one value, not one per cell", async () => {
    const numberFormats: NumberFormatPlan[] = [{ range: `B1:D${ROWS}`, format: "yyyy-mm-dd" }];
    const { host, extra } = await extraBytes({ name: "N", blocks: [{ at: "A1", values: ids(ROWS) }], numberFormats });
    expect(extra).toBeLessThan(200);
    expect(host.cell("N", `D${ROWS}`)?.numberFormat).toBe("yyyy-mm-dd");
  });

  test("formats that change row by row cost a few bytes a cell, columns alike share one array, and later entries win", async () => {
    const formats = ["#,##0", "0.0", "#,##0.0", "General"];
    const numberFormats: NumberFormatPlan[] = [];
    for (let r = 1; r <= ROWS; r++) for (const col of ["B", "C"]) numberFormats.push({ range: `${col}${r}`, format: formats[r % 4] as string });
    numberFormats.push({ range: "B10:C12", format: "0%" });
    const { host, extra } = await extraBytes({ name: "N", blocks: [{ at: "A1", values: ids(ROWS) }], numberFormats });
    expect(extra / ROWS).toBeLessThan(25);
    expect(["B1", "C2", "B3", "C4", "B11", "C12", `C${ROWS}`].map((a) => host.cell("N", a)?.numberFormat)).toEqual(["0.0", "#,##0.0", "General", "#,##0", "0%", "0%", "#,##0"]);
  });
});

describe("styles, validation and unlocked cells", () => {
  /** A template-like sheet: every other row of B takes one rule and fill, the rest another. */
  function alternating(rows: number): SheetPlan {
    const even = (r: number) => r % 2 === 0;
    const validations: DataValidationPlan[] = Array.from({ length: rows }, (_, i) =>
      even(i)
        ? { range: `B${i + 1}`, kind: "whole", operator: "greaterThanOrEqual", min: 0, allowBlank: true, prompt: { title: "A whole number", message: "A whole number, 0 or more." } }
        : { range: `B${i + 1}`, kind: "decimal", operator: "between", min: 0, max: 100, allowBlank: true, prompt: { title: "A percentage", message: "A percentage from 0 to 100." } },
    );
    const styles: StylePlan[] = Array.from({ length: rows }, (_, i) => ({ range: `C${i + 1}`, style: { fill: even(i) ? "#FFF2CC" : "#EDEDED" } }));
    return {
      name: "T",
      blocks: [{ at: "A1", values: ids(rows) }],
      dataValidations: validations,
      styles,
      protection: { protect: true, unlocked: Array.from({ length: rows / 2 }, (_, i) => `B${2 * i + 1}:C${2 * i + 1}`) },
    };
  }

  test("5,000 rows of alternating validation, fills and unlocked cells cost a few bytes a row, in lists Excel takes", async () => {
    const { host, extra, payloads } = await extraBytes(alternating(ROWS));
    expect(extra / ROWS).toBeLessThan(40);
    const lists = payloads.filter((p): p is { m: string; a: [string] } => (p as { m?: string }).m === "getRanges").map((p) => p.a[0]);
    expect(lists.length).toBeGreaterThan(1);
    expect(lists.every((l) => l.length <= MAX_AREAS_ADDRESS)).toBe(true);
    const snap = host.snapshot({ sheets: ["T"] }).sheets[0]!;
    // Each range keeps its own rule, as the plan lists them.
    expect(snap.dataValidations).toHaveLength(ROWS);
    expect(snap.dataValidations[0]).toMatchObject({ range: "B1", kind: "whole" });
    expect(snap.dataValidations[ROWS - 1]).toMatchObject({ range: `B${ROWS}`, kind: "decimal", max: 100 });
    expect([snap.cells.C1?.style?.fill, snap.cells[`C${ROWS}`]?.style?.fill]).toEqual(["#FFF2CC", "#EDEDED"]);
    expect([snap.cells.B1?.locked, snap.cells.C1?.locked, snap.cells.B2?.locked]).toEqual([false, false, undefined]);
    expect(snap.protected).toBe(true);
  });

  test("styles that overlap with different values keep the plan's order: the later one wins", async () => {
    // Grouped by style, both yellow fills would go first (where yellow first appears) and the red
    // block, coming after them, would cover B2, which the plan makes yellow last.
    const styles: StylePlan[] = [
      { range: "A9", style: { fill: "#FFF2CC" } },
      { range: "A1:C3", style: { fill: "#FF0000" } },
      { range: "B2", style: { fill: "#FFF2CC" } },
      { range: "B2", style: { bold: true } },
    ];
    const { host } = await render({ name: "S", blocks: [{ at: "A1", values: [["x"]] }], styles });
    expect([host.cell("S", "A1")?.style.fill, host.cell("S", "B2")?.style, host.cell("S", "A9")?.style.fill]).toEqual(["#FF0000", { fill: "#FFF2CC", bold: true }, "#FFF2CC"]);
  });

  test("row heights go once per height, however the rows of each height alternate", async () => {
    // Wrapped names of one and two lines alternate down a scorecard: a call per run would be thousands.
    const rowHeights = Array.from({ length: ROWS }, (_, row) => ({ row, height: row % 3 === 0 ? 45 : 30 }));
    const { host, payloads } = await render({ name: "H", blocks: [{ at: "A1", values: [["x"]] }], rowHeights });
    const heightCalls = payloads.filter((p) => (p as { set?: string }).set === "rowHeight");
    // One per height for each address list Excel accepts, not one per run.
    expect(heightCalls.length).toBeGreaterThanOrEqual(2);
    expect(heightCalls.length).toBeLessThan(ROWS / 50);
    const heights = host.snapshot({ sheets: ["H"] }).sheets[0]?.rowHeights ?? {};
    expect(Object.keys(heights)).toHaveLength(ROWS);
    expect([heights[0], heights[1], heights[2], heights[ROWS - 1]]).toEqual([45, 30, 30, (ROWS - 1) % 3 === 0 ? 45 : 30]);
  });

  test("column widths of neighbouring columns go together", async () => {
    const plan: WorkbookPlan = { sheets: [{ name: "W", blocks: [], columnWidths: [10, 10, 10, 20].map((width, col) => ({ col, width })) }] };
    const host = new ExcelHost();
    await renderPlan(host.context, plan);
    expect(host.snapshot({ sheets: ["W"] }).sheets[0]?.columnWidths).toEqual({ 0: 10, 1: 10, 2: 10, 3: 20 });
  });
});
