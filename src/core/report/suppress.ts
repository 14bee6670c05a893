/**
 * Small-number suppression for a copy to publish, as official statistics do it: published figures
 * must not identify children. A count from 1 to the threshold (5 by default) is withheld (primary
 * suppression); then, wherever a row or a column adds up to a total that is shown, enough other
 * cells are withheld that no withheld figure can be worked back from the total and the rest
 * (secondary suppression: a line with a total never has exactly one withheld cell among its parts
 * and its total). Zero is not withheld (a true zero identifies no one), and is never chosen to
 * protect another cell, since a zero cannot hide anything.
 *
 * Pure: a table of numbers in, the cells to withhold out, with why. The working copy is the
 * caller's and is never changed.
 */

export type SuppressionReason = "small number" | "secondary";

export interface SuppressionTable {
  /** The figures by row and column; null where there is no figure (a gap, a mark, a rate). */
  values: (number | null)[][];
  /** The last column of each row is the row's total. */
  rowTotals?: boolean;
  /** The last row is each column's total. */
  columnTotals?: boolean;
  /** Cells that are not counts (percentages, rates): never withheld as small, never used to protect. */
  notCounts?: (row: number, col: number) => boolean;
}

export interface Suppressed {
  row: number;
  col: number;
  reason: SuppressionReason;
}

export const DEFAULT_THRESHOLD = 5;

/** The mark a withheld figure shows, as the Department for Education writes it. */
export const SUPPRESSED_MARK = "c";

/** A line of cells that adds up: its parts and its total, as [row, col] pairs. */
interface Line {
  parts: [number, number][];
  total: [number, number];
}

function linesOf(t: SuppressionTable): Line[] {
  const rows = t.values.length;
  const cols = Math.max(0, ...t.values.map((r) => r.length));
  const lines: Line[] = [];
  if (t.rowTotals && cols >= 2) {
    for (let r = 0; r < rows; r++) {
      const parts: [number, number][] = [];
      for (let c = 0; c < cols - 1; c++) parts.push([r, c]);
      lines.push({ parts, total: [r, cols - 1] });
    }
  }
  if (t.columnTotals && rows >= 2) {
    for (let c = 0; c < cols; c++) {
      const parts: [number, number][] = [];
      for (let r = 0; r < rows - 1; r++) parts.push([r, c]);
      lines.push({ parts, total: [rows - 1, c] });
    }
  }
  return lines;
}

/**
 * The cells to withhold, primary first, then secondary ones chosen smallest first (the least
 * information lost), until every line with a total is safe.
 */
export function suppressTable(t: SuppressionTable, threshold = DEFAULT_THRESHOLD): Suppressed[] {
  const value = (r: number, c: number): number | null => t.values[r]?.[c] ?? null;
  const isCount = (r: number, c: number): boolean => !(t.notCounts?.(r, c) ?? false);
  const key = (r: number, c: number): string => `${r},${c}`;
  const withheld = new Map<string, Suppressed>();
  t.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && isCount(r, c) && v >= 1 && v <= threshold) withheld.set(key(r, c), { row: r, col: c, reason: "small number" });
    }),
  );
  const lines = linesOf(t);
  // Each pass makes at least one more cell withheld or stops; cells are finite, so it ends.
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const cells = [...line.parts, line.total].filter(([r, c]) => value(r, c) !== null);
      const hidden = cells.filter(([r, c]) => withheld.has(key(r, c)));
      if (hidden.length !== 1) continue;
      // Exactly one withheld: it could be worked back. Withhold the smallest other figure above zero.
      const candidates = cells
        .filter(([r, c]) => !withheld.has(key(r, c)) && isCount(r, c) && (value(r, c) ?? 0) > 0)
        .sort((a, b) => (value(a[0], a[1]) ?? 0) - (value(b[0], b[1]) ?? 0));
      const pick = candidates[0];
      if (!pick) continue;
      withheld.set(key(pick[0], pick[1]), { row: pick[0], col: pick[1], reason: "secondary" });
      changed = true;
    }
  }
  return [...withheld.values()].sort((a, b) => a.row - b.row || a.col - b.col);
}

/**
 * Whether any withheld figure could be worked out from what is shown: a line with a total where
 * exactly one of its figures is withheld. Used by the tests, and by the book before it writes.
 */
export function recoverable(t: SuppressionTable, withheld: readonly Suppressed[]): { row: number; col: number }[] {
  const hidden = new Set(withheld.map((s) => `${s.row},${s.col}`));
  const out: { row: number; col: number }[] = [];
  for (const line of linesOf(t)) {
    const cells = [...line.parts, line.total].filter(([r, c]) => (t.values[r]?.[c] ?? null) !== null);
    const inLine = cells.filter(([r, c]) => hidden.has(`${r},${c}`));
    if (inLine.length === 1) out.push({ row: inLine[0]![0], col: inLine[0]![1] });
  }
  return out;
}
