/**
 * A small calculator for the Excel test host. Excel recalculates before it answers a read, so a
 * formula cell reads back its result; the host works out the results of the formulas this module
 * covers, and every other formula stays unknown (null), as it was before the host calculated
 * (a `values` read still shows an unknown result as "", and the `value` a seed gave it if any).
 *
 * What it covers:
 * - literals: numbers, "text" (with "" for a quote inside), TRUE and FALSE, error values (#N/A, ...);
 * - references A1, $A$1 and A1:B2, with an optional sheet (Data!A1, 'My sheet'!A1:B2, '' for a
 *   quote in the name), case-insensitive; a sheet that does not exist gives #REF!;
 * - operators, in Excel's precedence: unary - and + (so --x works), then * and /, + and -, &,
 *   and = and <> last;
 * - the functions SUMPRODUCT, SUM, NOT, EXACT, IFERROR, FORMULATEXT and ISFORMULA (also with
 *   Excel's _xlfn. prefix).
 * Arrays behave as in Excel 365: a reference to several cells is an array, and operators and the
 * scalar functions (NOT, EXACT, IFERROR, FORMULATEXT, ISFORMULA) work element by element. Two
 * arrays of different sizes make one of the larger size, with #N/A where either has no element;
 * an array one row high (or one column wide, or one cell) is repeated along that side.
 *
 * Unknown: other functions, defined names, other operators (<, ^, %, ...), whole columns or rows,
 * structured references, array constants, a formula whose result is more than one cell (Excel
 * would spill it), circular references. A formula needing any of them is unknown, except where
 * an IFERROR does not need its fallback. A referenced formula cell the calculator cannot work out
 * is taken at the value a seed gave it, if any, as Excel would use its last result.
 *
 * The scanner that finds references is also what shifts them when a formula is copied
 * (shiftFormula, used by Range.copyFrom).
 */
import { HostError } from "./errors";
import {
  cellAt,
  cellKey,
  colIndex,
  colLetters,
  findSheet,
  interpretEntry,
  MAX_COLS,
  MAX_ROWS,
  rectCells,
  type Rect,
  type SheetModel,
  type WorkbookModel,
} from "./model";

// ---------------------------------------------------------------------------------------------
// Scanning a formula's text

interface Corner {
  row: number;
  col: number;
  rowAbs: boolean;
  colAbs: boolean;
}

type Token = { start: number; end: number } & (
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "error"; code: string }
  /** A cell or a rectangle; `sheet` is the name without quotes, or null for the formula's own sheet. */
  | { kind: "ref"; sheet: string | null; from: Corner; to: Corner | null; refStart: number }
  /** Whole columns or rows ("A:C", "3:3"), which the calculator does not read and a copy does not shift. */
  | { kind: "lines" }
  /** A word: a function's name when "(" follows, TRUE, FALSE, or a defined name. */
  | { kind: "word"; text: string }
  /** Operators, brackets and commas. */
  | { kind: "punct"; text: string }
  /** What the calculator does not read: structured references, {array constants}, a lone 'quoted name'. */
  | { kind: "other" }
);

const SHEET = String.raw`(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!`;
const CORNER = String.raw`(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})`;
/** Not a reference when one of these follows: it is part of a longer name, a function, a sheet or a table. */
const NOT_AFTER = String.raw`(?![A-Za-z0-9_.(!\[])`;
const REF = new RegExp(`(?:${SHEET})?${CORNER}(?::${CORNER})?${NOT_AFTER}`, "y");
const LINES = new RegExp(String.raw`(?:${SHEET})?(?:\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)${NOT_AFTER}`, "y");
const NUMBER = /(\d+\.?\d*|\.\d+)(E[+-]?\d+)?/iy;
const WORD = /[A-Za-z_\\][A-Za-z0-9_.\\]*/y;
const ERROR_LITERAL = /#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)/iy;

/** A corner from the regex's four groups ($, letters, $, digits), or null when it lies outside the sheet. */
function corner(groups: (string | undefined)[]): Corner | null {
  const [colAbs, letters = "", rowAbs, digits = ""] = groups;
  const col = colIndex(letters);
  const row = Number(digits) - 1;
  if (row < 0 || row >= MAX_ROWS || col >= MAX_COLS) return null;
  return { row, col, rowAbs: rowAbs === "$", colAbs: colAbs === "$" };
}

/** Where a bracketed piece opening at `i` ("[...]" nested, or "{...}") ends, past its close. */
function closing(text: string, i: number, open: string, close: string): number {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    if (text[j] === open) depth++;
    else if (text[j] === close && --depth === 0) return j + 1;
  }
  return text.length;
}

/** The formula's tokens, after its leading "="; whitespace is left out. Never fails: what it cannot read becomes "other" or "punct". */
function scan(formula: string): Token[] {
  const tokens: Token[] = [];
  let i = formula.startsWith("=") ? 1 : 0;
  const at = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = i;
    return re.exec(formula);
  };
  while (i < formula.length) {
    const ch = formula[i] as string;
    const start = i;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let value = "";
      while (j < formula.length) {
        if (formula[j] === '"') {
          if (formula[j + 1] !== '"') break;
          j++;
        }
        value += formula[j];
        j++;
      }
      i = j + 1;
      // A string left open is not a formula Excel would take.
      tokens.push(j < formula.length ? { kind: "string", value, start, end: i } : { kind: "other", start, end: formula.length });
      continue;
    }
    let m: RegExpExecArray | null;
    if (ch === "#" && (m = at(ERROR_LITERAL))) {
      i += m[0].length;
      tokens.push({ kind: "error", code: m[0].toUpperCase(), start, end: i });
      continue;
    }
    if ((m = at(LINES))) {
      i += m[0].length;
      tokens.push({ kind: "lines", start, end: i });
      continue;
    }
    if ((m = at(REF))) {
      const from = corner(m.slice(3, 7));
      const to = m[7] === undefined ? null : corner(m.slice(7, 11));
      if (from && (m[7] === undefined || to)) {
        i += m[0].length;
        // The sheet part, 'quoted' (with '' for a quote) or bare, ends in "!"; the cells start after it.
        const sheetLength = m[1] !== undefined ? m[1].length + 3 : m[2] !== undefined ? m[2].length + 1 : 0;
        const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
        tokens.push({ kind: "ref", sheet, from, to, refStart: start + sheetLength, start, end: i });
        continue;
      }
    }
    if (ch === "'") {
      // A quoted name not followed by a reference the scanner knows.
      const close = formula.indexOf("'", i + 1);
      i = close < 0 ? formula.length : close + 1;
      tokens.push({ kind: "other", start, end: i });
      continue;
    }
    if ((m = at(WORD))) {
      i += m[0].length;
      if (formula[i] === "[") {
        // A structured reference (Table1[Column]).
        i = closing(formula, i, "[", "]");
        tokens.push({ kind: "other", start, end: i });
      } else tokens.push({ kind: "word", text: m[0], start, end: i });
      continue;
    }
    if (/[\d.]/.test(ch) && (m = at(NUMBER))) {
      i += m[0].length;
      tokens.push({ kind: "number", value: Number(m[0]), start, end: i });
      continue;
    }
    if (ch === "[" || ch === "{") {
      i = closing(formula, i, ch, ch === "[" ? "]" : "}");
      tokens.push({ kind: "other", start, end: i });
      continue;
    }
    const two = formula.slice(i, i + 2);
    const text = two === "<>" || two === "<=" || two === ">=" ? two : ch;
    i += text.length;
    tokens.push({ kind: "punct", text, start, end: i });
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Shifting references, as Excel's copy and paste does

function cornerText(c: Corner): string {
  return `${c.colAbs ? "$" : ""}${colLetters(c.col)}${c.rowAbs ? "$" : ""}${c.row + 1}`;
}

/**
 * The formula as Excel writes it when the cell is copied `rows` down and `cols` across (negative:
 * up, left): the relative part of every reference moves by that much, the "$" parts stay, and the
 * rest of the text (sheet names, strings, functions, spacing) is kept as it was. The host refuses
 * what it does not model: whole columns or rows moved, and a reference moved off the sheet (Excel
 * writes #REF! for it).
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  let out = "";
  let copied = 0;
  for (const token of scan(formula)) {
    if (token.kind === "lines") throw new HostError("InvalidArgument", `The Excel test host does not model copying the whole columns or rows in ${formula} to another place.`);
    if (token.kind !== "ref") continue;
    const move = (c: Corner): Corner => {
      const moved = { ...c, row: c.rowAbs ? c.row : c.row + rows, col: c.colAbs ? c.col : c.col + cols };
      if (moved.row < 0 || moved.col < 0 || moved.row >= MAX_ROWS || moved.col >= MAX_COLS) {
        throw new HostError("InvalidArgument", `The Excel test host does not model a reference in ${formula} copied off the sheet (Excel writes #REF!).`);
      }
      return moved;
    };
    out += formula.slice(copied, token.refStart) + cornerText(move(token.from)) + (token.to ? `:${cornerText(move(token.to))}` : "");
    copied = token.end;
  }
  return out + formula.slice(copied);
}

// ---------------------------------------------------------------------------------------------
// Parsing: Excel's precedence, lowest first: = <>, &, + -, * /, unary - +

type Node =
  | { kind: "value"; value: Scalar }
  | { kind: "ref"; sheet: string | null; rect: Rect }
  | { kind: "unary"; op: string; arg: Node }
  | { kind: "binary"; op: string; left: Node; right: Node }
  | { kind: "call"; name: string; args: Node[] }
  /** Something the calculator does not work out (a defined name, a structured reference, ...): unknown if evaluated. */
  | { kind: "unknown" };

/** Thrown where the calculator cannot work a value out; the formula is then unknown. */
class Unknown extends Error {}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const node = this.binary(0);
    if (this.i < this.tokens.length) throw new Unknown("unread text");
    return node;
  }

  private static readonly LEVELS = [["=", "<>"], ["&"], ["+", "-"], ["*", "/"]];

  private peekPunct(): string | null {
    const t = this.tokens[this.i];
    return t?.kind === "punct" ? t.text : null;
  }

  private binary(level: number): Node {
    const ops = Parser.LEVELS[level];
    if (!ops) return this.unary();
    let left = this.binary(level + 1);
    for (let op = this.peekPunct(); op !== null && ops.includes(op); op = this.peekPunct()) {
      this.i++;
      left = { kind: "binary", op, left, right: this.binary(level + 1) };
    }
    return left;
  }

  private unary(): Node {
    const op = this.peekPunct();
    if (op === "-" || op === "+") {
      this.i++;
      return { kind: "unary", op, arg: this.unary() };
    }
    return this.primary();
  }

  private expect(text: string): void {
    if (this.peekPunct() !== text) throw new Unknown(`expected ${text}`);
    this.i++;
  }

  private primary(): Node {
    const t = this.tokens[this.i++];
    if (!t) throw new Unknown("unexpected end");
    switch (t.kind) {
      case "number":
        return { kind: "value", value: t.value };
      case "string":
        return { kind: "value", value: t.value };
      case "error":
        return { kind: "value", value: new CalcError(t.code) };
      case "ref": {
        const to = t.to ?? t.from;
        const rect = { top: Math.min(t.from.row, to.row), left: Math.min(t.from.col, to.col), bottom: Math.max(t.from.row, to.row), right: Math.max(t.from.col, to.col) };
        return { kind: "ref", sheet: t.sheet, rect };
      }
      case "lines":
      case "other":
        return { kind: "unknown" };
      case "word": {
        if (this.peekPunct() === "(") {
          this.i++;
          const args: Node[] = [];
          if (this.peekPunct() === ")") this.i++;
          else {
            args.push(this.binary(0));
            while (this.peekPunct() === ",") {
              this.i++;
              args.push(this.binary(0));
            }
            this.expect(")");
          }
          return { kind: "call", name: t.text.toUpperCase().replace(/^_XLFN\./, ""), args };
        }
        const upper = t.text.toUpperCase();
        if (upper === "TRUE" || upper === "FALSE") return { kind: "value", value: upper === "TRUE" };
        return { kind: "unknown" };
      }
      case "punct":
        if (t.text === "(") {
          const inner = this.binary(0);
          this.expect(")");
          return inner;
        }
        throw new Unknown(`the operator ${t.text}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Values

/** An error value ("#N/A", "#VALUE!", ...) as a value that flows through a calculation. */
class CalcError {
  constructor(readonly code: string) {}
}

/** One element: null is a blank cell (0 in arithmetic, "" in text). */
type Scalar = number | string | boolean | CalcError | null;
/** Every value is an array: rows of elements; a single value is one row of one. */
type Grid = Scalar[][];
/** What a reference evaluates to, kept as a reference for FORMULATEXT and ISFORMULA. */
interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}
type Val = Grid | RangeRef;

const NA = new CalcError("#N/A");
/**
 * An element of an array that the calculator cannot work out (a referenced formula it does not
 * cover). It travels like an error through what uses it, so that a result depending on it is
 * unknown; but an IFERROR whose value is fine never looks at its fallback, so an unknown there
 * does not matter, as Excel never works that fallback out.
 */
const UNKNOWN = new CalcError("#UNKNOWN");

/** Throws Unknown if any element of the arrays is one the calculator cannot work out. */
function known(...grids: Grid[]): void {
  for (const g of grids) for (const row of g) if (row.includes(UNKNOWN)) throw new Unknown("an element not covered");
}
const VALUE = new CalcError("#VALUE!");
/** The most cells one reference may bring into a calculation before the host calls it unknown. */
const MAX_CELLS = 1_000_000;

function single(value: Scalar): Grid {
  return [[value]];
}

function width(g: Grid): number {
  return g[0]?.length ?? 0;
}

/** The larger size of two, unless one is 1 (an array one high or wide is repeated along the other). */
function liftedSize(a: number, b: number): number {
  return a === 1 ? b : b === 1 ? a : Math.max(a, b);
}

/** The element at (i, j) of an array lifted to a larger size; undefined where it has none. */
function elementAt(g: Grid, i: number, j: number): Scalar | undefined {
  return g[g.length === 1 ? 0 : i]?.[width(g) === 1 ? 0 : j];
}

function lift1(a: Grid, fn: (x: Scalar) => Scalar): Grid {
  return a.map((row) => row.map(fn));
}

function lift2(a: Grid, b: Grid, fn: (x: Scalar, y: Scalar) => Scalar): Grid {
  const rows = liftedSize(a.length, b.length);
  const cols = liftedSize(width(a), width(b));
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => {
      const x = elementAt(a, i, j);
      const y = elementAt(b, i, j);
      return x === undefined || y === undefined ? NA : fn(x, y);
    }),
  );
}

function firstError(g: Grid): CalcError | null {
  for (const row of g) for (const x of row) if (x instanceof CalcError) return x;
  return null;
}

/** A number as text, as Excel's General format writes it when text is needed: at most 15 significant digits. */
export function generalText(n: number): string {
  if (n === 0) return "0";
  const rounded = Number(n.toPrecision(15));
  const exponent = Math.floor(Math.log10(Math.abs(rounded)));
  if (exponent >= 15 || exponent < -9) {
    const [mantissa = "", power = "0"] = rounded.toExponential().split("e");
    const sign = power.startsWith("-") ? "-" : "+";
    return `${mantissa}E${sign}${power.replace(/^[+-]/, "").padStart(2, "0")}`;
  }
  return rounded.toFixed(Math.max(0, 14 - exponent)).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
}

function toNumber(x: Scalar): number | CalcError {
  if (x instanceof CalcError || typeof x === "number") return x;
  if (x === null) return 0;
  if (typeof x === "boolean") return x ? 1 : 0;
  // Text that reads as a number (as it would if typed: "5", "1,000", "50%", a date) counts as one.
  const entry = interpretEntry(x);
  return entry.kind === "number" ? entry.value : VALUE;
}

function toText(x: Scalar): string | CalcError {
  if (x instanceof CalcError || typeof x === "string") return x;
  if (x === null) return "";
  if (typeof x === "boolean") return x ? "TRUE" : "FALSE";
  return generalText(x);
}

function toBoolean(x: Scalar): boolean | CalcError {
  if (x instanceof CalcError || typeof x === "boolean") return x;
  if (x === null) return false;
  if (typeof x === "number") return x !== 0;
  // Text is a truth value only when it reads as one.
  const upper = x.toUpperCase();
  return upper === "TRUE" ? true : upper === "FALSE" ? false : VALUE;
}

function tidy(n: number): Scalar {
  if (!Number.isFinite(n)) return new CalcError("#NUM!");
  return n === 0 ? 0 : n; // no -0
}

function arithmetic(op: string, x: Scalar, y: Scalar): Scalar {
  const a = toNumber(x);
  if (a instanceof CalcError) return a;
  const b = toNumber(y);
  if (b instanceof CalcError) return b;
  switch (op) {
    case "+":
      return tidy(a + b);
    case "-":
      return tidy(a - b);
    case "*":
      return tidy(a * b);
    default:
      return b === 0 ? new CalcError("#DIV/0!") : tidy(a / b);
  }
}

/**
 * Excel's "=": values of different types are not equal (5 is not "5"), text is compared without
 * regard to case, numbers to 15 significant digits, and a blank is taken as the other side's
 * type's empty value (0, "", FALSE).
 */
function equal(x: Scalar, y: Scalar): boolean | CalcError {
  if (x instanceof CalcError) return x;
  if (y instanceof CalcError) return y;
  const empty = (other: Scalar): Scalar => (typeof other === "string" ? "" : typeof other === "boolean" ? false : 0);
  const a = x === null ? empty(y) : x;
  const b = y === null ? empty(x) : y;
  if (typeof a === "string" && typeof b === "string") return a.toLowerCase() === b.toLowerCase();
  if (typeof a === "number" && typeof b === "number") return a.toPrecision(15) === b.toPrecision(15);
  return a === b;
}

// ---------------------------------------------------------------------------------------------
// The calculator

/** A cell's value as a read answers it, or null when the calculator cannot work it out. */
export type CalcResult = { value: string | number | boolean } | { error: string } | null;

/**
 * Works out formula results over one workbook as it stands. Results are remembered, so make a
 * new Calculator for each read (a change to the workbook is not seen by an old one).
 */
export class Calculator {
  private readonly results = new Map<string, Scalar | Unknown>();
  private readonly busy = new Set<string>();

  constructor(private readonly wb: WorkbookModel) {}

  /** The workbook it calculates. */
  get workbook(): WorkbookModel {
    return this.wb;
  }

  /** The cell's value: its constant, its formula's result, or (when that is unknown) a seeded result; null when none is known. */
  cellResult(sheet: SheetModel, row: number, col: number): CalcResult {
    try {
      const x = this.cellValue(sheet, row, col);
      if (x instanceof CalcError) return { error: x.code };
      return { value: x ?? "" };
    } catch (e) {
      if (e instanceof Unknown) return null;
      throw e;
    }
  }

  /** A cell's value inside a calculation: null for a blank; throws Unknown. */
  private cellValue(sheet: SheetModel, row: number, col: number): Scalar {
    const cell = cellAt(sheet, row, col);
    if (!cell) return null;
    if (cell.formula === undefined) return cell.error ? new CalcError(cell.error) : cell.value;
    const key = `${sheet.id}:${cellKey(row, col)}`;
    let result = this.results.get(key);
    if (result === undefined) {
      // A formula that refers back to itself is circular: the host does not model what Excel shows then.
      if (this.busy.has(key)) throw new Unknown("circular reference");
      this.busy.add(key);
      try {
        result = this.formulaValue(cell.formula, sheet);
      } catch (e) {
        if (!(e instanceof Unknown)) throw e;
        // What a seed says the formula gave, as Excel keeps a formula's last result.
        result = cell.error ? new CalcError(cell.error) : cell.value !== null ? cell.value : e;
      } finally {
        this.busy.delete(key);
      }
      this.results.set(key, result);
    }
    if (result instanceof Unknown) throw result;
    return result;
  }

  /** A referenced cell's value, or UNKNOWN where the calculator cannot work it out. */
  private knownOrNot(sheet: SheetModel, row: number, col: number): Scalar {
    try {
      return this.cellValue(sheet, row, col);
    } catch (e) {
      if (e instanceof Unknown) return UNKNOWN;
      throw e;
    }
  }

  /** The one value a formula in a cell of `sheet` gives; a blank gives 0, as a cell holding =A1 shows for a blank A1. */
  private formulaValue(formula: string, sheet: SheetModel): Scalar {
    const value = this.grid(this.evaluate(new Parser(scan(formula)).parse(), sheet));
    known(value);
    // An array of several values would spill into the cells around, which the host does not model.
    if (value.length !== 1 || width(value) !== 1) throw new Unknown("a spilled array");
    return value[0]?.[0] ?? 0;
  }

  private grid(v: Val): Grid {
    if (Array.isArray(v)) return v;
    if (rectCells(v.rect) > MAX_CELLS) throw new Unknown("a range too large");
    const out: Grid = [];
    for (let r = v.rect.top; r <= v.rect.bottom; r++) {
      const row: Scalar[] = [];
      for (let c = v.rect.left; c <= v.rect.right; c++) row.push(this.knownOrNot(v.sheet, r, c));
      out.push(row);
    }
    return out;
  }

  private evaluate(node: Node, sheet: SheetModel): Val {
    switch (node.kind) {
      case "value":
        return single(node.value);
      case "unknown":
        throw new Unknown("not covered");
      case "ref": {
        const target = node.sheet === null ? sheet : findSheet(this.wb, node.sheet);
        return target ? { sheet: target, rect: node.rect } : single(new CalcError("#REF!"));
      }
      case "unary": {
        const arg = this.grid(this.evaluate(node.arg, sheet));
        return lift1(arg, (x) => (node.op === "-" ? arithmetic("-", 0, x) : x));
      }
      case "binary": {
        const left = this.grid(this.evaluate(node.left, sheet));
        const right = this.grid(this.evaluate(node.right, sheet));
        if (node.op === "&") {
          return lift2(left, right, (x, y) => {
            const a = toText(x);
            if (a instanceof CalcError) return a;
            const b = toText(y);
            return b instanceof CalcError ? b : a + b;
          });
        }
        if (node.op === "=" || node.op === "<>") {
          return lift2(left, right, (x, y) => {
            const same = equal(x, y);
            return same instanceof CalcError || node.op === "=" ? same : !same;
          });
        }
        return lift2(left, right, (x, y) => arithmetic(node.op, x, y));
      }
      case "call":
        return this.call(node.name, node.args, sheet);
    }
  }

  private call(name: string, args: Node[], sheet: SheetModel): Val {
    const arity = (min: number, max: number): void => {
      if (args.length < min || args.length > max) throw new Unknown(`${name} with ${args.length} arguments`);
    };
    const arg = (i: number): Grid => this.grid(this.evaluate(args[i] as Node, sheet));
    switch (name) {
      case "SUM": {
        arity(1, 255);
        let total = 0;
        for (const node of args) {
          const v = this.evaluate(node, sheet);
          const g = this.grid(v);
          known(g);
          if (!Array.isArray(v) || g.length > 1 || width(g) > 1) {
            // From a reference or an array: numbers count; text, TRUE/FALSE and blanks do not.
            const error = firstError(g);
            if (error) return single(error);
            for (const row of g) for (const x of row) if (typeof x === "number") total += x;
          } else {
            // A single value given directly counts as a number if it can be one ("5", TRUE).
            const n = toNumber(g[0]?.[0] ?? null);
            if (n instanceof CalcError) return single(n);
            total += n;
          }
        }
        return single(tidy(total));
      }
      case "SUMPRODUCT": {
        arity(1, 255);
        const arrays = args.map((_, i) => arg(i));
        const first = arrays[0] as Grid;
        known(...arrays);
        if (arrays.some((g) => g.length !== first.length || width(g) !== width(first))) return single(VALUE);
        for (const g of arrays) {
          const error = firstError(g);
          if (error) return single(error);
        }
        // Elements that are not numbers (text, TRUE/FALSE, blanks) count as 0.
        let total = 0;
        first.forEach((row, i) =>
          row.forEach((_, j) => {
            total += arrays.reduce((product, g) => {
              const x = g[i]?.[j];
              return product * (typeof x === "number" ? x : 0);
            }, 1);
          }),
        );
        return single(tidy(total));
      }
      case "NOT":
        arity(1, 1);
        return lift1(arg(0), (x) => {
          const b = toBoolean(x);
          return b instanceof CalcError ? b : !b;
        });
      case "EXACT":
        arity(2, 2);
        // Case matters here, unlike "=".
        return lift2(arg(0), arg(1), (x, y) => {
          const a = toText(x);
          if (a instanceof CalcError) return a;
          const b = toText(y);
          return b instanceof CalcError ? b : a === b;
        });
      case "IFERROR": {
        arity(2, 2);
        const value = arg(0);
        // The fallback is worked out only when an element needs it, so an unknown one matters only then.
        if (!firstError(value)) return value;
        return lift2(value, arg(1), (x, y) => (x instanceof CalcError && x !== UNKNOWN ? y : x));
      }
      case "FORMULATEXT":
      case "ISFORMULA": {
        arity(1, 1);
        const v = this.evaluate(args[0] as Node, sheet);
        // Only a reference has formulas; an error (#REF! for a missing sheet) passes through.
        if (Array.isArray(v)) {
          return lift1(v, (x) => {
            if (x instanceof CalcError) return x;
            throw new Unknown(`${name} of a value`);
          });
        }
        if (rectCells(v.rect) > MAX_CELLS) throw new Unknown("a range too large");
        const out: Grid = [];
        for (let r = v.rect.top; r <= v.rect.bottom; r++) {
          const row: Scalar[] = [];
          for (let c = v.rect.left; c <= v.rect.right; c++) {
            const formula = cellAt(v.sheet, r, c)?.formula;
            // FORMULATEXT of a cell without a formula (a constant, a blank) is #N/A.
            row.push(name === "ISFORMULA" ? formula !== undefined : (formula ?? NA));
          }
          out.push(row);
        }
        return out;
      }
      default:
        throw new Unknown(`the function ${name}`);
    }
  }
}
