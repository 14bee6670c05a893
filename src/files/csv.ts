/**
 * CSV text into one grid: encoding detection (UTF-8 with or without BOM, UTF-16 LE/BE, and
 * Windows-1252 when the bytes are not valid UTF-8), RFC 4180 quoting, delimiter detection
 * (comma, semicolon or tab, or Excel's "sep=" first line), and numbers parsed as numbers.
 *
 * What stays text, and why: "17.5%" (the engine must see the mark), "007" and other integers
 * with leading zeros (codes, not quantities), numbers of more than 15 significant digits
 * (Excel would lose digits), decimal commas ("17,5"), and "1,234" in a semicolon-separated
 * file, where the comma may be a decimal comma. Dates stay text: the engine reads periods from
 * text, and "01/04/2025" means different days in different countries.
 */
import { InputError } from "../core/errors";
import type { CellValue, Grid } from "../core/grid/grid";
import { buildGrid, usedRange, type SparseCell } from "./grid-build";
import { formatValue } from "./number-format";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** Windows-1252 characters for bytes 0x80-0x9F (the rest of the code page is Latin-1). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeUtf16(bytes.subarray(2), true), encoding: "utf-16le" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeUtf16(bytes.subarray(2), false), encoding: "utf-16be" };
  }
  const bomless16 = guessUtf16(bytes);
  if (bomless16) return { text: decodeUtf16(bytes, bomless16 === "utf-16le"), encoding: bomless16 };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeCp1252(bytes), encoding: "windows-1252" };
  }
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const n = bytes.length - (bytes.length % 2);
  let out = "";
  const chunk: number[] = [];
  for (let i = 0; i < n; i += 2) {
    chunk.push(littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}

/** UTF-16 without a BOM shows as a zero byte in every other position of ASCII text. */
function guessUtf16(bytes: Uint8Array): TextEncoding | null {
  const n = Math.min(bytes.length, 2000) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return "utf-16le";
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return "utf-16be";
  return null;
}

function decodeCp1252(bytes: Uint8Array): string {
  let out = "";
  const chunk: number[] = [];
  for (const b of bytes) {
    chunk.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b);
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}

/** True when decoded text looks like binary data rather than a text file. */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.includes("\u0000")) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11 && c !== 26) control++;
    else if (c === 0xfffd) control++;
  }
  return control > sample.length * 0.01;
}

export type Delimiter = "," | ";" | "\t";

/** RFC 4180 records. Lenient as Excel is: a quote inside an unquoted field is kept as text. */
export function parseCsv(text: string, delimiter: Delimiter, onRecord?: (fields: string[]) => boolean | void): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = "";
  let i = 0;
  const n = text.length;
  let atFieldStart = true;
  const endRecord = (): boolean => {
    fields.push(field);
    field = "";
    atFieldStart = true;
    const rec = fields;
    fields = [];
    if (onRecord) return onRecord(rec) === false;
    records.push(rec);
    return false;
  };
  while (i < n) {
    const ch = text[i]!;
    if (atFieldStart && ch === '"') {
      // Quoted field: runs to the closing quote; "" is a literal quote.
      i++;
      let start = i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          // An unterminated quote takes the rest of the file, as Excel does.
          field += text.slice(start);
          i = n;
          break;
        }
        if (text[q + 1] === '"') {
          field += text.slice(start, q + 1);
          i = q + 2;
          start = i;
          continue;
        }
        field += text.slice(start, q);
        i = q + 1;
        break;
      }
      atFieldStart = false;
      continue;
    }
    if (ch === delimiter) {
      fields.push(field);
      field = "";
      atFieldStart = true;
      i++;
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      i++;
      if (endRecord()) return records;
    } else {
      // Unquoted text runs to the next delimiter or line break: slice it in one piece.
      let j = i + 1;
      while (j < n) {
        const c = text[j];
        if (c === delimiter || c === "\r" || c === "\n") break;
        j++;
      }
      field += text.slice(i, j);
      atFieldStart = false;
      i = j;
    }
  }
  if (field !== "" || fields.length > 0 || !atFieldStart) endRecord();
  return records;
}

/** Comma, semicolon or tab: whichever splits the first records into the most consistent field count. */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 65536);
  let best: { d: Delimiter; consistency: number; fields: number } = { d: ",", consistency: 0, fields: 1 };
  for (const d of [",", ";", "\t"] as const) {
    const counts: number[] = [];
    parseCsv(sample, d, (rec) => {
      if (rec.some((f) => f.trim() !== "")) counts.push(rec.length);
      return counts.length < 50;
    });
    // The last record of a cut sample may be partial.
    if (sample.length < text.length && counts.length > 1) counts.pop();
    const tally = new Map<number, number>();
    for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1);
    let mode = 1;
    let modeCount = 0;
    for (const [c, k] of tally) if (k > modeCount || (k === modeCount && c > mode)) [mode, modeCount] = [c, k];
    if (mode <= 1 || counts.length === 0) continue;
    const consistency = modeCount / counts.length;
    if (consistency > best.consistency || (consistency === best.consistency && mode > best.fields)) {
      best = { d, consistency, fields: mode };
    }
  }
  return best.d;
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** A CSV field as a cell value and the number format Excel would give it. */
export function csvValue(raw: string, delimiter: Delimiter): { value: CellValue; numberFormat: string } {
  if (raw === "") return { value: null, numberFormat: "General" };
  const s = raw.trim();
  if (PLAIN_NUMBER.test(s)) {
    const unsigned = s.replace(/^[+-]/, "");
    const leadingZero = /^0\d/.test(unsigned);
    const significant = unsigned.replace(/[eE].*$/, "").replace(".", "").replace(/^0+/, "").length;
    if (!leadingZero && significant <= 15) return { value: Number(s), numberFormat: "General" };
  } else if (GROUPED_NUMBER.test(s) && (delimiter !== ";" || s.includes("."))) {
    const decimals = s.includes(".") ? s.length - s.indexOf(".") - 1 : 0;
    return { value: Number(s.replace(/,/g, "")), numberFormat: decimals ? `#,##0.${"0".repeat(decimals)}` : "#,##0" };
  }
  return { value: raw, numberFormat: "General" };
}

export interface CsvOptions {
  maxCells: number;
}

/** The sheet name Excel gives a CSV it opens: the file name without folder or extension. */
export function sheetNameForFile(file: string): string {
  const base = file.replace(/^.*[\\/]/, "");
  const dot = base.lastIndexOf(".");
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return stem.slice(0, 31) || "Sheet1";
}

export function csvToGrid(text: string, file: string, options: CsvOptions): Grid {
  let body = text;
  let delimiter: Delimiter | undefined;
  // Excel's own hint: a first line "sep=;" names the delimiter.
  const sep = /^sep=(.)\r?\n/i.exec(body);
  if (sep && (sep[1] === "," || sep[1] === ";" || sep[1] === "\t")) {
    delimiter = sep[1];
    body = body.slice(sep[0].length);
  }
  const d = delimiter ?? detectDelimiter(body);
  const cells: SparseCell[] = [];
  let count = 0;
  let row = 0;
  parseCsv(body, d, (fields) => {
    count += fields.length;
    if (count > options.maxCells) {
      throw new InputError(
        `"${file}" is too large to read: it has more than ${options.maxCells.toLocaleString("en-GB")} cells.`,
        { file },
      );
    }
    fields.forEach((raw, col) => {
      if (raw === "") return;
      const { value, numberFormat } = csvValue(raw, d);
      cells.push({ row, col, cell: { value, text: formatValue(value, numberFormat), numberFormat } });
    });
    row++;
  });
  const parts = { sheet: sheetNameForFile(file), state: "visible" as const, cells, merges: [] };
  return buildGrid(parts, usedRange(parts));
}
