/**
 * Takes the user to a cell ("this cell" links): activates its sheet and selects it.
 */
import { parseRange } from "../core/grid/address";
import { InputError } from "../core/errors";

export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  try {
    parseRange(cell);
  } catch {
    throw new InputError(`"${cell}" is not a cell address.`, { sheet, cell });
  }
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  ws.load("visibility");
  await context.sync();
  if (ws.isNullObject) throw new InputError(`There is no sheet named "${sheet}" in this workbook.`, { sheet, cell });
  if (ws.visibility !== "Visible") throw new InputError(`The sheet "${sheet}" is hidden, so ${cell} cannot be shown.`, { sheet, cell });
  ws.activate();
  ws.getRange(cell).select();
  await context.sync();
}
