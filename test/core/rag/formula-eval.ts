/**
 * Test-only: a tiny evaluator for the subset of Excel formulas the scorecard writes, with
 * Excel's rules where they matter to it: IF evaluates only the branch taken, AND and OR
 * evaluate everything, text compares above numbers and without regard to case, a blank cell is
 * 0 or "" as the comparison needs, arithmetic on text is #VALUE!, and row references without
 * "$" move with the cell a conditional-format rule is applied to.
 */
export type XValue = number | string | boolean | null | { error: string };
export type CellLookup = (address: string) => XValue;

type Node =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; col: string; row: number; rowFixed: boolean }
  | { t: "call"; name: string; args: Node[] }
  | { t: "neg"; e: Node }
  | { t: "bin"; op: string; l: Node; r: Node };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?(?:E[+-]?\d+)?)|("(?:[^"]|"")*")|(\$?[A-Z]{1,3}\$?\d+)|([A-Z][A-Z0-9.]*)\(|(<=|>=|<>|[-+*/&=<>(),]))/iy;

function tokenize(src: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) throw new Error(`Cannot read formula at ${start}: ${src.slice(start, start + 20)}`);
    out.push(m[4] !== undefined ? `${m[4].toUpperCase()}(` : m[0].trim());
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: string[]) {}
  parse(): Node {
    const n = this.comparison();
    if (this.i !== this.toks.length) throw new Error(`Unexpected ${this.toks[this.i]}`);
    return n;
  }
  private peek(): string | undefined {
    return this.toks[this.i];
  }
  private next(): string {
    const t = this.toks[this.i++];
    if (t === undefined) throw new Error("Unexpected end of formula");
    return t;
  }
  private comparison(): Node {
    let l = this.concat();
    while (["=", "<>", "<", ">", "<=", ">="].includes(this.peek() ?? "")) l = { t: "bin", op: this.next(), l, r: this.concat() };
    return l;
  }
  private concat(): Node {
    let l = this.additive();
    while (this.peek() === "&") l = { t: "bin", op: this.next(), l, r: this.additive() };
    return l;
  }
  private additive(): Node {
    let l = this.term();
    while (this.peek() === "+" || this.peek() === "-") l = { t: "bin", op: this.next(), l, r: this.term() };
    return l;
  }
  private term(): Node {
    let l = this.unary();
    while (this.peek() === "*" || this.peek() === "/") l = { t: "bin", op: this.next(), l, r: this.unary() };
    return l;
  }
  private unary(): Node {
    if (this.peek() === "-") {
      this.next();
      return { t: "neg", e: this.unary() };
    }
    return this.primary();
  }
  private primary(): Node {
    const t = this.next();
    if (t === "(") {
      const e = this.comparison();
      if (this.next() !== ")") throw new Error("Expected )");
      return e;
    }
    if (/^\d/.test(t)) return { t: "num", v: Number(t) };
    if (t.startsWith('"')) return { t: "str", v: t.slice(1, -1).replace(/""/g, '"') };
    if (t.endsWith("(")) {
      const args: Node[] = [];
      if (this.peek() !== ")") {
        args.push(this.comparison());
        while (this.peek() === ",") {
          this.next();
          args.push(this.comparison());
        }
      }
      if (this.next() !== ")") throw new Error("Expected ) after arguments");
      return { t: "call", name: t.slice(0, -1), args };
    }
    const ref = /^\$?([A-Z]{1,3})(\$?)(\d+)$/i.exec(t);
    if (ref) return { t: "ref", col: ref[1]!.toUpperCase(), row: Number(ref[3]), rowFixed: ref[2] === "$" };
    throw new Error(`Unexpected token ${t}`);
  }
}

const isError = (v: XValue): v is { error: string } => typeof v === "object" && v !== null;
const VALUE_ERROR = { error: "#VALUE!" };

function toNumber(v: XValue): number | { error: string } {
  if (isError(v)) return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  const n = Number(v.trim());
  return v.trim() !== "" && Number.isFinite(n) ? n : VALUE_ERROR;
}

function toText(v: XValue): string | { error: string } {
  if (isError(v)) return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return typeof v === "number" ? String(v) : v;
}

function toBool(v: XValue): boolean | { error: string } {
  if (isError(v)) return v;
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  return VALUE_ERROR;
}

/** Excel orders numbers < text < logicals; a blank takes the other side's type. */
function compare(a: XValue, b: XValue): number | { error: string } {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const blankAs = (other: XValue) => (typeof other === "string" ? "" : typeof other === "boolean" ? false : 0);
  const x = a === null ? blankAs(b) : a;
  const y = b === null ? blankAs(a) : b;
  const rank = (v: number | string | boolean) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "string" && typeof y === "string") return x.toLowerCase().localeCompare(y.toLowerCase());
  const nx = Number(x);
  const ny = Number(y);
  return nx < ny ? -1 : nx > ny ? 1 : 0;
}

function evaluate(n: Node, cell: CellLookup, rowOffset: number): XValue {
  const ev = (m: Node) => evaluate(m, cell, rowOffset);
  switch (n.t) {
    case "num":
    case "str":
      return n.v;
    case "ref":
      return cell(`${n.col}${n.rowFixed ? n.row : n.row + rowOffset}`);
    case "neg": {
      const x = toNumber(ev(n.e));
      return isError(x) ? x : -x;
    }
    case "bin": {
      const l = ev(n.l);
      const r = ev(n.r);
      if (n.op === "&") {
        const a = toText(l);
        const b = toText(r);
        return isError(a) ? a : isError(b) ? b : a + b;
      }
      if (["+", "-", "*", "/"].includes(n.op)) {
        const a = toNumber(l);
        const b = toNumber(r);
        if (isError(a)) return a;
        if (isError(b)) return b;
        if (n.op === "/" && b === 0) return { error: "#DIV/0!" };
        return n.op === "+" ? a + b : n.op === "-" ? a - b : n.op === "*" ? a * b : a / b;
      }
      const c = compare(l, r);
      if (isError(c)) return c;
      return { "=": c === 0, "<>": c !== 0, "<": c < 0, ">": c > 0, "<=": c <= 0, ">=": c >= 0 }[n.op] ?? VALUE_ERROR;
    }
    case "call":
      return call(n.name, n.args, ev);
  }
}

function call(name: string, args: Node[], ev: (n: Node) => XValue): XValue {
  const arg = (i: number) => {
    const a = args[i];
    return a === undefined ? null : ev(a);
  };
  switch (name) {
    case "IF": {
      const c = toBool(arg(0));
      if (isError(c)) return c;
      return c ? arg(1) : args.length > 2 ? arg(2) : false;
    }
    case "AND":
    case "OR": {
      const all = args.map((a) => toBool(ev(a)));
      const err = all.find(isError);
      if (err) return err;
      return name === "AND" ? all.every((b) => b === true) : all.some((b) => b === true);
    }
    case "NOT": {
      const b = toBool(arg(0));
      return isError(b) ? b : !b;
    }
    case "ISNUMBER":
      return typeof arg(0) === "number";
    case "N": {
      const v = arg(0);
      return isError(v) ? v : typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : 0;
    }
    case "ABS": {
      const x = toNumber(arg(0));
      return isError(x) ? x : Math.abs(x);
    }
    case "MAX": {
      const xs = args.map((a) => toNumber(ev(a)));
      const err = xs.find(isError);
      return err ?? Math.max(...(xs as number[]));
    }
    case "ROUND": {
      const x = toNumber(arg(0));
      const d = toNumber(arg(1));
      if (isError(x)) return x;
      if (isError(d)) return d;
      return Math.round(x * 10 ** d) / 10 ** d;
    }
    default:
      throw new Error(`The test evaluator does not know ${name}`);
  }
}

/**
 * Evaluate `formula` (no leading "="). `rowOffset` moves relative row references, as Excel does
 * when a conditional-format rule written for a range's first row is applied further down.
 */
export function evaluateFormula(formula: string, cell: CellLookup, rowOffset = 0): XValue {
  return evaluate(new Parser(tokenize(formula)).parse(), cell, rowOffset);
}

/** A lookup over a plain record of A1 addresses; missing cells are blank. */
export function cells(values: Record<string, XValue>): CellLookup {
  return (address) => values[address] ?? null;
}
