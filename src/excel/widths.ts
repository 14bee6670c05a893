/**
 * Column widths: plans (and .xlsx files) use Excel's character units, the number Excel shows in
 * its "Column width" box; Office.js's `format.columnWidth` is in points.
 *
 * Excel's default font (Calibri 11) has a maximum digit width of 7 pixels, and a column of w
 * characters is w * 7 pixels of text plus 5 pixels of padding; at 96 dpi a pixel is 0.75 point.
 * So points = (7w + 5) * 0.75 = 5.25w + 3.75: the default 8.43 characters is 48 points (64 px),
 * which is what Excel reports for an untouched column. Excel rounds a width to whole pixels when
 * it applies it, so a width read back from Excel may differ from the plan by up to 1 px (0.14
 * character); the Excel test host keeps the exact value.
 */
export const PIXELS_PER_CHARACTER = 7;
export const PADDING_PIXELS = 5;
export const POINTS_PER_PIXEL = 0.75;

export function charactersToPoints(characters: number): number {
  if (characters <= 0) return 0;
  return (characters * PIXELS_PER_CHARACTER + PADDING_PIXELS) * POINTS_PER_PIXEL;
}

export function pointsToCharacters(points: number): number {
  if (points <= 0) return 0;
  return (points / POINTS_PER_PIXEL - PADDING_PIXELS) / PIXELS_PER_CHARACTER;
}
