/**
 * An .xlsx/.xlsm workbook into grids, through ExcelJS. Each cell carries what Excel would
 * report: the value (dates as 1900-system serial numbers, rich text flattened, hyperlinks as
 * their text), the formula with its cached result as the value, error values apart, the number
 * format, and the displayed text rendered from value and format (ExcelJS computes no text).
 */
import ExcelJS from "exceljs";
import { InputError } from "../core/errors";
import type { CellValue, GridCell, GridWorkbook, MergeArea, SheetState } from "../core/grid/grid";
import { rangeAddress } from "../core/grid/address";
import { buildGrid, usedRange, type SheetParts, type SparseCell } from "./grid-build";
import { formatValue } from "./number-format";
import { assertUnpackedSize } from "./unpacked-size";
import { assertWorkbookZip, openZip, prepareForExcelJS, scanWorksheets } from "./zip";
import { moveToUsualPaths } from "./part-paths";

/** Milliseconds from the 1900-system serial 0 (1899-12-30 in ExcelJS's reckoning) to the Unix epoch. */
const EPOCH_OFFSET_MS = 25569 * 86400000;

/** A JS Date as ExcelJS builds it from a serial, back to that 1900-system serial. */
export function jsDateToSerial(d: Date): number {
  return (d.getTime() + EPOCH_OFFSET_MS) / 86400000;
}

type Plain = { value: CellValue; error?: string };

function plainValue(v: unknown): Plain {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return { value: v };
  if (v instanceof Date) return { value: jsDateToSerial(v) };
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o["error"] === "string") return { value: null, error: o["error"] };
    if (Array.isArray(o["richText"])) return { value: flattenRichText(o["richText"]) };
    if ("text" in o) {
      // A hyperlink: its text, which may itself be rich text.
      const t = o["text"];
      if (typeof t === "string") return { value: t };
      if (t && typeof t === "object" && Array.isArray((t as Record<string, unknown>)["richText"])) {
        return { value: flattenRichText((t as Record<string, unknown>)["richText"] as unknown[]) };
      }
      return { value: t === null || t === undefined ? null : String(t) };
    }
  }
  return { value: null };
}

function flattenRichText(runs: unknown[]): string {
  return runs.map((r) => (r && typeof r === "object" ? String((r as { text?: unknown }).text ?? "") : "")).join("");
}

/** A formula as Excel shows it: without the prefixes the file format stores before functions newer than 2007. */
export function withoutFuturePrefixes(formula: string): string {
  return formula.replace(/_xlfn\.|_xlws\./g, "");
}

function displayFormula(formula: string): string {
  return "=" + withoutFuturePrefixes(formula);
}

export function readCell(cell: ExcelJS.Cell): GridCell {
  const numberFormat = cell.numFmt || "General";
  let plain: Plain;
  let formula: string | undefined;
  switch (cell.type) {
    case ExcelJS.ValueType.Merge:
      // The covered cells of a merged area are empty in Excel; ExcelJS reports the head's value.
      plain = { value: null };
      break;
    case ExcelJS.ValueType.Formula: {
      const f = cell.formula;
      if (f) formula = displayFormula(f);
      plain = plainValue(cell.result);
      break;
    }
    default:
      plain = plainValue(cell.value);
  }
  const out: GridCell = {
    value: plain.value,
    text: plain.error ?? formatValue(plain.value, numberFormat),
    numberFormat,
  };
  if (formula !== undefined) out.formula = formula;
  if (plain.error !== undefined) out.error = plain.error;
  return out;
}

/** ExcelJS keeps merges privately; ws.model would serialise every row to reach them. */
function mergesOf(ws: ExcelJS.Worksheet): MergeArea[] {
  const merges = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })
    ._merges;
  return Object.values(merges ?? {})
    .filter(Boolean)
    .map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
}

function sheetState(ws: ExcelJS.Worksheet): SheetState {
  return ws.state === "hidden" || ws.state === "veryHidden" ? ws.state : "visible";
}

export interface XlsxReadOptions {
  maxCells: number;
}

export async function readXlsx(data: Uint8Array, file: string, options: XlsxReadOptions): Promise<GridWorkbook> {
  const opened = await openZip(data, file);
  assertUnpackedSize(opened, file, options.maxCells);
  // Parts at unusual paths, correctly linked: moved in memory to where ExcelJS looks for them.
  const relocated = await moveToUsualPaths(opened).catch(() => null);
  const zip = relocated ?? opened;
  await assertWorkbookZip(zip, file);
  const scan = await scanWorksheets(zip, file, options.maxCells);
  let bytes: Uint8Array;
  try {
    bytes = (await prepareForExcelJS(zip, scan)) ?? (relocated ? await relocated.generateAsync({ type: "uint8array", compression: "STORE" }) : data);
  } catch {
    throw new InputError(`"${file}" is damaged (part of the workbook cannot be unpacked); try saving or downloading it again.`, { file });
  }

  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new InputError(
      `"${file}" could not be read as an Excel workbook; it may be damaged, so try opening it in Excel and saving it again.`,
      { file },
    );
  }

  let total = 0;
  const sheets = wb.worksheets.map((ws) => {
    const cells: SparseCell[] = [];
    ws.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        cells.push({ row: r - 1, col: c - 1, cell: readCell(cell) });
      });
    });
    const merges = mergesOf(ws);
    const parts: SheetParts = {
      sheet: ws.name,
      state: sheetState(ws),
      cells,
      merges,
      hiddenRows: [],
      hiddenColumns: [],
      emptyFormat: (row, col) => ws.findCell(row + 1, col + 1)?.numFmt,
    };
    const box = usedRange(parts);
    if (box) {
      const area = (box.bottom - box.top + 1) * (box.right - box.left + 1);
      total += area;
      if (total > options.maxCells) {
        throw new InputError(
          `"${file}" is too large to read: sheet "${ws.name}" spans ${rangeAddress(box.top, box.left, box.bottom, box.right)}, more than ${options.maxCells.toLocaleString("en-GB")} cells in all.`,
          { file, sheet: ws.name },
        );
      }
      for (let r = box.top; r <= box.bottom; r++) if (ws.findRow(r + 1)?.hidden) parts.hiddenRows!.push(r);
      const columns = ws.columns ?? [];
      for (let c = box.left; c <= box.right && c < columns.length; c++) if (columns[c]?.hidden) parts.hiddenColumns!.push(c);
    }
    return buildGrid(parts, box);
  });
  return { file, sheets };
}

