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

/**
 * The snapshot's form of a row height: points to whole pixels (0.75 points at 96 dpi), as Excel
 * lays rows out, so a height Excel rounds to its pixel and the same height stored exactly in a
 * file compare equal.
 */
export function snapshotHeight(points: number): number {
  return Math.round(points / 0.75) * 0.75;
}

/** "#rrggbb", "rrggbb", "FFRRGGBB" (ARGB) to the snapshot's "#RRGGBB"; null if not a colour. */
export function normalColor(color: string | undefined | null): string | null {
  if (!color) return null;
  const hex = color.replace(/^#/, "");
  if (/^[0-9a-fA-F]{6}$/.test(hex)) return `#${hex.toUpperCase()}`;
  if (/^[0-9a-fA-F]{8}$/.test(hex)) return `#${hex.slice(2).toUpperCase()}`;
  return null;
}

/*
 * Row heights for wrapped text. Neither adapter grows a row to fit its text (Office.js and
 * ExcelJS write a height only when told, and LibreOffice keeps the height a file gives), so a
 * plan works out how many lines each wrapped cell needs and gives the row that many lines'
 * height. Characters are measured in widths of a digit, the unit of column widths, by the
 * classes of Calibri's advance widths (digits 1038/2048 em): narrow letters and punctuation
 * about half a digit, most lower case a little under one, capitals a little over, m and w
 * about one and a half. Text wraps at spaces, as Excel and LibreOffice wrap it, so a line holds
 * whole words and is often shorter than the column; a word longer than the line is broken.
 */

/** Points per line of wrapped Calibri 11: Excel's default row height. */
export const LINE_HEIGHT_POINTS = 15;
/** Excel's tallest row, in points. */
export const MAX_ROW_HEIGHT_POINTS = 409;
/** Bold Calibri is about this much wider than regular. */
const BOLD_WIDENING = 1.08;
/** Room a cell keeps on each side of its text, in digit widths (2 to 3 pixels of 7). */
const CELL_PADDING_DIGITS = 0.4;

const NARROW = new Set([..." .,:;'!|()[]ijlrtfI\u2019"]);
const WIDE = new Set([..."mwMW@%&"]);

/** How wide one character is, in widths of a digit. */
export function charWidth(ch: string): number {
  if (NARROW.has(ch)) return 0.55;
  if (WIDE.has(ch)) return 1.6;
  if (/[0-9]/.test(ch)) return 1;
  if (/[A-Z]/.test(ch)) return 1.1;
  return 0.95;
}

/** How wide a run of text is, in widths of a digit. */
export function textWidth(text: string, bold = false): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return bold ? width * BOLD_WIDENING : width;
}

/** Lines one paragraph (no line breaks) takes on lines `room` digits wide, wrapping at spaces. */
function paragraphLines(paragraph: string, room: number, bold: boolean): number {
  const space = textWidth(" ", bold);
  let lines = 1;
  let used = 0;
  for (const word of paragraph.split(" ").filter((w) => w.length > 0)) {
    const width = textWidth(word, bold);
    const needed = used === 0 ? width : used + space + width;
    // A hair of tolerance: the same widths summed in another order may differ in the last digit.
    if (needed <= room + 1e-9) {
      used = needed;
      continue;
    }
    if (used > 0) lines++;
    // A word wider than the line runs over as many lines as it fills.
    lines += Math.max(0, Math.ceil(width / room) - 1);
    used = width - Math.max(0, Math.ceil(width / room) - 1) * room;
  }
  return lines;
}

/** Lines a text takes wrapped in a cell (or merged cells) `widthChars` characters wide; its own line breaks count. */
export function wrappedLines(text: string, widthChars: number, options: { bold?: boolean } = {}): number {
  const room = Math.max(1, widthChars - 2 * CELL_PADDING_DIGITS);
  return text.split(/\r?\n/).reduce((n, p) => n + paragraphLines(p, room, options.bold ?? false), 0);
}

/** A wrapped cell of a row: its text and the width it wraps in. */
export interface WrappedCell {
  text: string;
  /** Width in Excel's characters (for merged cells, the sum of their columns). */
  width: number;
  bold?: boolean;
}

/** The height in points a row needs for the tallest of its wrapped cells: at least one line, at most Excel's tallest row. */
export function wrappedRowHeight(cells: readonly WrappedCell[]): number {
  const lines = cells.reduce((n, c) => Math.max(n, wrappedLines(c.text, c.width, { bold: c.bold ?? false })), 1);
  return Math.min(MAX_ROW_HEIGHT_POINTS, lines * LINE_HEIGHT_POINTS);
}

/**
 * Heights for the rows whose wrapped cells need more than one line; a row of one line keeps the
 * default height, so nothing is written for it.
 */
export function wrappedRowHeights(rows: readonly { row: number; cells: readonly WrappedCell[] }[]): { row: number; height: number }[] {
  return rows.map((r) => ({ row: r.row, height: wrappedRowHeight(r.cells) })).filter((r) => r.height > LINE_HEIGHT_POINTS);
}
