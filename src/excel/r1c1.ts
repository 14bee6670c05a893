/**
 * A1 formulas in R1C1 notation, so that a formula repeated down a column ("=IF(H7="","",H7)",
 * "=IF(H8="","",H8)", ...) is recognised as one formula, "=IF(RC[-1]="","",RC[-1])", and sent to
 * Excel once for the whole run of cells (Range.formulasR1C1 takes a single value for a range).
 *
 * Only what the converter is sure of is converted: cell references ("B7", "$B$3", "Data!C2",
 * "'My sheet'!C2", ranges of them). A formula holding anything else that depends on position
 * (a whole column or row such as "A:A" or "3:3", a structured reference "Table[Column]") gets
 * null, and is written cell by cell as before. Every conversion is checked by converting back.
 */

/** The last column and row Excel has (XFD, 1,048,576). */
const MAX_COL = 16_384;
const MAX_ROW = 1_048_576;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnName(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Where a quoted piece (a "string" or a 'sheet name') that opens at `i` ends, past its closing quote; a doubled quote is one quote. */
function quotedEnd(text: string, i: number): number {
  const quote = text[i];
  let j = i + 1;
  while (j < text.length) {
    if (text[j] === quote) {
      if (text[j + 1] === quote) j += 2;
      else return j + 1;
    } else j++;
  }
  return text.length;
}

/** A character that may not come right before a reference (it would make the reference part of a longer name). */
const NAME_BEFORE = /[A-Za-z0-9_.$]/;
/** A character that may not come right after one (a longer name, a function's "(", a sheet's "!", a structured "["). */
const NAME_AFTER = /[A-Za-z0-9_.(![]/;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/;
const WHOLE_COLUMNS = /^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![A-Za-z0-9_(])/;
const WHOLE_ROWS = /^\$?\d+:\$?\d+/;

/**
 * What a converter makes of the text at one position outside quotes: a replacement and how many
 * characters it stands for, "refuse" when the formula holds something it does not handle, or null
 * to copy the character as it is.
 */
type Step = { text: string; length: number } | "refuse" | null;

/**
 * Walks a formula copying quoted pieces ("strings", 'sheet names') untouched and asking `at` about
 * every other position; both notations are converted this way, so they agree on what is a reference.
 */
function rewrite(formula: string, at: (rest: string, before: string) => Step): string | null {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] as string;
    if (ch === '"' || ch === "'") {
      const end = quotedEnd(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    const step = at(formula.slice(i), i > 0 ? (formula[i - 1] as string) : "");
    if (step === "refuse") return null;
    if (step) {
      out += step.text;
      i += step.length;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/**
 * The formula ("=..." as Excel takes it) in R1C1 notation for the cell at zero-based (row, col),
 * or null when it holds something the converter does not handle.
 */
export function toR1C1(formula: string, row: number, col: number): string | null {
  return rewrite(formula, (rest, before) => {
    if (rest.startsWith("[")) return "refuse";
    if (NAME_BEFORE.test(before)) return null;
    if (WHOLE_COLUMNS.test(rest) || (WHOLE_ROWS.test(rest) && !/[0-9]/.test(before))) return "refuse";
    const m = CELL.exec(rest);
    if (!m || NAME_AFTER.test(rest.charAt(m[0].length))) return null;
    const [, colAbs, letters = "", rowAbs, digits = ""] = m;
    const refCol = columnNumber(letters);
    const refRow = Number(digits);
    if (refCol < 1 || refCol > MAX_COL || refRow < 1 || refRow > MAX_ROW) return null;
    const r = rowAbs ? `R${refRow}` : refRow - 1 === row ? "R" : `R[${refRow - 1 - row}]`;
    const c = colAbs ? `C${refCol}` : refCol - 1 === col ? "C" : `C[${refCol - 1 - col}]`;
    return { text: r + c, length: m[0].length };
  });
}

const R1C1 = /^R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?/;

/** One part of an R1C1 reference ("[-2]" relative, "3" absolute, nothing for this row or column) as a zero-based index. */
function r1c1Part(p: string | undefined, here: number): { abs: boolean; n: number } {
  if (p === undefined) return { abs: false, n: here };
  return p.startsWith("[") ? { abs: false, n: here + Number(p.slice(1, -1)) } : { abs: true, n: Number(p) - 1 };
}

/** An R1C1 formula back in A1 notation for the cell at zero-based (row, col): the check on toR1C1. */
export function fromR1C1(formula: string, row: number, col: number): string | null {
  return rewrite(formula, (rest, before) => {
    const m = rest.startsWith("R") && !NAME_BEFORE.test(before) ? R1C1.exec(rest) : null;
    if (!m || NAME_AFTER.test(rest.charAt(m[0].length))) return null;
    const r = r1c1Part(m[1], row);
    const c = r1c1Part(m[2], col);
    if (r.n < 0 || c.n < 0 || r.n >= MAX_ROW || c.n >= MAX_COL) return "refuse";
    return { text: `${c.abs ? "$" : ""}${columnName(c.n + 1)}${r.abs ? "$" : ""}${r.n + 1}`, length: m[0].length };
  });
}

/** The R1C1 form of a formula only when converting it back gives exactly the formula again. */
export function checkedR1C1(formula: string, row: number, col: number): string | null {
  const r1c1 = toR1C1(formula, row, col);
  return r1c1 !== null && fromR1C1(r1c1, row, col) === formula ? r1c1 : null;
}
