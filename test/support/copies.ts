/**
 * Sheet names without the very hidden copies the add-in keeps of the sheets it writes (see
 * "Copies as written" in src/excel/ownership.ts), for tests about which sheets a job wrote.
 */
import { isCopySheetName } from "../../src/excel/ownership";

export function withoutCopies(names: readonly string[]): string[] {
  return names.filter((name) => !isCopySheetName(name));
}
