/**
 * A percentage column pasted as values loses its format: "IHA within 20 working days %" holding
 * 0.7142857142857143 for 71.4%. Read as written, every figure would be a hundredth of itself
 * and rate red against a target of 90. A column is taken as fractions only when all of its
 * figures say so: each a plain number from 0 to 1 with no percentage format, at least two of
 * them, and some unrounded (more than four decimals), as a worked-out ratio is and a typed small
 * percentage (0.4%) is not. Its figures are then read as percentages, and the reading says so.
 */
import { columnLetters, parseCell } from "../grid/address";
import { cellAtAddress, type GridWorkbook } from "../grid/grid";
import type { Observation, Warning } from "../model/model";
import { cleanNumber } from "./values";

function decimals(n: number): number {
  const s = String(n);
  const dot = s.indexOf(".");
  return dot < 0 || s.includes("e") ? 0 : s.length - dot - 1;
}

export function fractionsAsPercentages(observations: Observation[], workbook: GridWorkbook): Warning[] {
  const grids = new Map(workbook.sheets.map((g) => [g.sheet, g]));
  const columns = new Map<string, Observation[]>();
  for (const o of observations) {
    if (o.unit !== "percent" || !/^[A-Z]{1,3}\d+$/.test(o.source.cell)) continue;
    const { col } = parseCell(o.source.cell);
    const k = `${o.source.sheet}\u0000${col}`;
    const list = columns.get(k) ?? [];
    list.push(o);
    columns.set(k, list);
  }
  const warnings: Warning[] = [];
  for (const list of columns.values()) {
    const figures = list.filter((o) => o.status === "ok" && o.value !== null);
    if (figures.length < 2) continue;
    const grid = grids.get(list[0]!.source.sheet);
    if (!grid) continue;
    const plain = figures.every((o) => {
      const cell = cellAtAddress(grid, o.source.cell);
      return cell !== undefined && typeof cell.value === "number" && !cell.numberFormat.includes("%") && !cell.text.includes("%") && cell.value >= 0 && cell.value <= 1;
    });
    if (!plain || !figures.some((o) => decimals(o.value!) > 4)) continue;
    for (const o of figures) o.value = cleanNumber(o.value! * 100);
    const first = figures[0]!;
    const letter = columnLetters(parseCell(first.source.cell).col);
    warnings.push({
      code: "INGEST_FRACTIONS_AS_PERCENT",
      message: `Column ${letter} of sheet "${first.source.sheet}" ("${first.indicator}") holds fractions (${first.value! / 100} for ${first.value}%) with no percentage format, so its figures are read as percentages.`,
      sheet: first.source.sheet,
      cell: first.source.cell,
    });
  }
  return warnings;
}
