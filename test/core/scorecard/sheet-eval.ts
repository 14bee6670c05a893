/** Test-only: read a sheet plan's cells as Excel would show them, formulas calculated. */
import { cellAddress, parseCell, parseRange } from "../../../src/core/grid/address";
import type { ConditionalFormatPlan, PlanValue, SheetPlan } from "../../../src/core/plan/plan";
import { evaluateFormula, type CellLookup, type XValue } from "../rag/formula-eval";

export function planCells(sheet: SheetPlan): Map<string, PlanValue> {
  const out = new Map<string, PlanValue>();
  for (const block of sheet.blocks) {
    const at = parseCell(block.at);
    block.values.forEach((row, r) => row.forEach((v, c) => out.set(cellAddress(at.row + r, at.col + c), v)));
  }
  return out;
}

/** A lookup of calculated values; `edits` stand in for a person typing over cells. */
export function sheetLookup(sheet: SheetPlan, edits: Record<string, XValue> = {}): CellLookup {
  const plain = planCells(sheet);
  const lookup: CellLookup = (address) => {
    if (address in edits) return edits[address] ?? null;
    const v = plain.get(address) ?? null;
    if (v !== null && typeof v === "object") return evaluateFormula(v.formula, lookup);
    return v;
  };
  return lookup;
}

/** The fill a conditional-format rule set gives a cell: the first rule (by priority) that holds. */
export function conditionalFill(rules: ConditionalFormatPlan[], address: string, lookup: CellLookup): string | null {
  const at = parseCell(address);
  for (const rule of [...rules].sort((a, b) => a.priority - b.priority)) {
    if (rule.kind !== "expression") continue;
    const range = parseRange(rule.range);
    if (at.row < range.top || at.row > range.bottom || at.col < range.left || at.col > range.right) continue;
    if (evaluateFormula(rule.formula, lookup, at.row - range.top) === true) return rule.style.fill ?? null;
  }
  return null;
}
