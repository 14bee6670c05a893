/**
 * Units both adapters must agree on, so that a plan renders the same through Office.js and
 * through ExcelJS and both snapshots compare equal.
 *
 * Column widths. A plan gives widths in the characters Excel shows in its UI (Format > Column
 * Width), for the default font (Calibri 11, whose widest digit is 7 pixels). Excel lays a column
 * out in whole pixels: pixels = round(characters x 7 + 5), the 5 being cell padding.
 * - An .xlsx stores `<col width>` = trunc(pixels / 7 x 256) / 256 (ECMA-376 18.3.1.13).
 * - Office.js `format.columnWidth` is in points: pixels x 0.75 (at 96 dpi).
 * Snapshots give widths in UI characters, rounded to 0.1.
 */

const MAX_DIGIT_WIDTH_PX = 7;
const PADDING_PX = 5;

/** UI characters to whole pixels. */
export function widthCharsToPixels(chars: number): number {
  return Math.max(0, Math.round(chars * MAX_DIGIT_WIDTH_PX + PADDING_PX));
}

/** Whole pixels to UI characters (unrounded). */
export function widthPixelsToChars(pixels: number): number {
  return pixels <= PADDING_PX ? 0 : (pixels - PADDING_PX) / MAX_DIGIT_WIDTH_PX;
}

/** UI characters to the width stored in an .xlsx `<col>` element. */
export function widthCharsToStored(chars: number): number {
  const px = widthCharsToPixels(chars);
  return Math.trunc((px / MAX_DIGIT_WIDTH_PX) * 256) / 256;
}

/** A stored .xlsx column width back to whole pixels, as Excel lays it out. */
export function widthStoredToPixels(stored: number): number {
  return Math.trunc(((256 * stored + Math.trunc(128 / MAX_DIGIT_WIDTH_PX)) / 256) * MAX_DIGIT_WIDTH_PX);
}

/** UI characters to Office.js points. */
export function widthCharsToPoints(chars: number): number {
  return widthCharsToPixels(chars) * 0.75;
}

/** Office.js points to UI characters (unrounded). */
export function widthPointsToChars(points: number): number {
  return widthPixelsToChars(Math.round(points / 0.75));
}

/** The snapshot's form of a width: UI characters rounded to 0.1. */
export function snapshotWidth(chars: number): number {
  return Math.round(chars * 10) / 10;
}

/** "#rrggbb", "rrggbb", "FFRRGGBB" (ARGB) to the snapshot's "#RRGGBB"; null if not a colour. */
export function normalColor(color: string | undefined | null): string | null {
  if (!color) return null;
  const hex = color.replace(/^#/, "");
  if (/^[0-9a-fA-F]{6}$/.test(hex)) return `#${hex.toUpperCase()}`;
  if (/^[0-9a-fA-F]{8}$/.test(hex)) return `#${hex.slice(2).toUpperCase()}`;
  return null;
}
