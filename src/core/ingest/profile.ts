/**
 * One pass over every cell of a sheet, counting what each row holds. Everything later in the
 * detector reads these counts instead of the cells, which keeps detection linear in the cells.
 */
import { isBlankCell, type SheetView } from "./sheet-view";

export interface RowProfile {
  /** Cells that show something, not counting those hidden under a merged area. */
  filled: number;
  firstCol: number;
  lastCol: number;
  /** Numeric figures, not counting dates or year-like whole numbers (2025 in a year band). */
  numbers: number;
  /** Whole numbers that could be years (1990 to 2100) in a General format. */
  years: number;
  /** Suppression and missing-data marks ("*", "<5", "n/a", "-"). */
  marks: number;
  /** Cells holding text (including dates, which head columns). */
  texts: number;
  /** The widest merged area that starts in this row, in columns. */
  widestMerge: number;
}

export function isYearLike(value: number, format: string): boolean {
  return Number.isInteger(value) && value >= 1990 && value <= 2100 && (format === "" || /^(general|0|@)$/i.test(format));
}

export function profileRows(view: SheetView): RowProfile[] {
  const out: RowProfile[] = [];
  for (let r = 0; r < view.height; r++) {
    const p: RowProfile = { filled: 0, firstCol: -1, lastCol: -1, numbers: 0, years: 0, marks: 0, texts: 0, widestMerge: 1 };
    for (let c = 0; c < view.width; c++) {
      const cell = view.cell(r, c);
      if (view.isMergeFollower(r, c) || isBlankCell(cell)) continue;
      p.filled++;
      if (p.firstCol < 0) p.firstCol = c;
      p.lastCol = c;
      const f = view.figure(r, c);
      if (f.kind === "figure") {
        if (f.status !== "ok") p.marks++;
        else if (f.value !== null && isYearLike(f.value, cell.numberFormat)) p.years++;
        else p.numbers++;
      } else if (f.kind === "text") {
        p.texts++;
      } else if (f.kind === "error") {
        p.marks++;
      }
      const w = view.mergeWidth(r, c);
      if (w > p.widestMerge) p.widestMerge = w;
    }
    out.push(p);
  }
  return out;
}
