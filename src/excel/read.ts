/**
 * Reads the open workbook into grids through Office.js: the sheets, then their sizes, then their
 * cells, in three syncs while the answer fits in one response:
 * 1. the sheets (and the workbook's name);
 * 2. each sheet's used range, measured only (address and size, no cells);
 * 3. the cells (values, text, number formats, formulas, value types) and merged areas of the
 *    sheets within the cell cap, in row blocks whose answers stay under Excel on the web's 5 MB
 *    response limit (see blocks.ts): one more sync for each further 4 MB or so.
 *
 * Measuring first is what lets one stray cell at row 1,048,576 cost only its own sheet: loading
 * every used range at once, Excel refuses the whole request when one of them is too large, and
 * the person hears only Excel's own words. A sheet over the cap is returned as a grid with no
 * cells and a `leftOut` reason that names its extent and says what to do; ingest turns that into
 * an INGEST_SHEET_SKIPPED warning (and into its refusal, naming the sheet, when no sheet is left
 * to read), so the pane and the command line say it in the same words. The cap is the file
 * adapter's (DEFAULT_MAX_CELLS), counted over the whole workbook as the file adapter counts it.
 */
import { stopIfAsked } from "../core/errors";
import { parseRange, rangeAddress } from "../core/grid/address";
import { DEFAULT_MAX_CELLS, type CellValue, type Grid, type GridCell, type GridWorkbook, type MergeArea, type SheetState } from "../core/grid/grid";
import { answerBytes, isRefusal, readInBlocks } from "./blocks";
import { isCopySheetName } from "./ownership";

export interface ReadOptions {
  /** The name to report as the workbook's file; by default the workbook's own name. */
  file?: string;
  /** Read only these sheets (by name, case-insensitively); by default every sheet. */
  sheets?: string[];
  /** Most cells read from the workbook (DEFAULT_MAX_CELLS, as the file adapter, unless a test wants fewer). */
  maxCells?: number;
  /** Bytes one answer may carry by the adapter's estimate; 4 MB unless a test wants smaller blocks. */
  responseBudgetBytes?: number;
  /** Hears, after each block of cells arrives, how many of the rows to read have been read. */
  onProgress?: (progress: { done: number; total: number }) => void;
  /**
   * Stops the read before its next sync (a StoppedError): reading changes nothing, so it can stop
   * anywhere. Checked before each sync, never in the middle of one.
   */
  signal?: AbortSignal;
}

const STOPPED_READING = "Stopped as you asked: nothing was read, and nothing was written.";

/**
 * What a cell adds to the answer (its value, text, format, formula and type as JSON) is learnt
 * before any block is read from a sample measured with the sheet's size: the last row of its
 * used range, as far as column CV (100 cells at most). A number weighs about 40 bytes, an empty
 * cell 27, fifty characters of text about 180. With no sample (a used range starting beyond CV,
 * or Excel refusing even the samples) the guess is FIRST_GUESS_BYTES_PER_CELL, which leaves room
 * for a sheet of figures with a column or two of names. Each sheet's later blocks are sized by
 * what its earlier ones really weighed; an estimate that proves too low costs one sync, when
 * Excel refuses the answer and the block is read again in halves.
 */
export const FIRST_GUESS_BYTES_PER_CELL = 96;
/** The least a cell is taken to weigh, whatever the sample says (a sparse last row says little). */
const LEAST_BYTES_PER_CELL = 32;
const SAMPLE_COLUMNS = "A:CV";
const PROPERTIES = "values,text,numberFormat,formulas,valueTypes" as const;

const STATES: Record<string, SheetState> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

/** "17.2 billion" / "6.3 million" / "250,000". */
function cellsInWords(n: number): string {
  if (n >= 1_000_000_000) return `${Number((n / 1_000_000_000).toFixed(1)).toLocaleString("en-GB")} billion`;
  if (n >= 1_000_000) return `${Number((n / 1_000_000).toFixed(1)).toLocaleString("en-GB")} million`;
  return n.toLocaleString("en-GB");
}

/** Why a sheet with a row Excel cannot send is not read, for INGEST_SHEET_SKIPPED. */
export function rowTooLargeReason(row: number): string {
  return `its row ${row + 1} holds more than Excel can send the add-in at once (5 MB); shorten the text in that row, or read the workbook from its file with the command line`;
}

/** Why a sheet of `cells` cells spanning `extent` is not read, for INGEST_SHEET_SKIPPED ("Sheet X was skipped because …"). */
export function tooLargeReason(extent: string, cells: number, maxCells: number, alone: boolean): string {
  const span = `it spans ${extent} (${cellsInWords(cells)} cells)`;
  return alone
    ? `${span}, more than the ${cellsInWords(maxCells)} cells the add-in reads; delete the stray cells far below or to the right of the table, then read it again`
    : `${span}, and with the sheets before it that is more than the ${cellsInWords(maxCells)} cells the add-in reads at once; move it to a workbook of its own, or read it with the sheets before it left out`;
}

export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions = {}): Promise<GridWorkbook> {
  stopIfAsked(options.signal, STOPPED_READING);
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/position");
  if (options.file === undefined) workbook.load("name");
  await context.sync();

  const wanted = options.sheets?.map((s) => s.toLowerCase());
  const chosen = worksheets.items
    // The add-in's hidden copies of its own sheets are never figures, and reading them would double the bytes.
    .filter((ws) => !(ws.visibility === "VeryHidden" && isCopySheetName(ws.name)))
    .filter((ws) => !wanted || wanted.includes(ws.name.toLowerCase()))
    .sort((a, b) => a.position - b.position);
  const measure = (sampled: boolean): { ws: Excel.Worksheet; used: Excel.Range; sample: Excel.Range | null }[] =>
    chosen.map((ws) => {
      // valuesOnly: a sheet formatted down to row 100,000 but filled to row 40 is 40 rows of data.
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("address,rowIndex,columnIndex,rowCount,columnCount");
      if (!sampled) return { ws, used, sample: null };
      const sample = used.getLastRow().getIntersectionOrNullObject(ws.getRange(SAMPLE_COLUMNS));
      sample.load("values,text,numberFormat,formulas,valueTypes");
      return { ws, used, sample };
    });
  stopIfAsked(options.signal, STOPPED_READING);
  let measured = measure(true);
  try {
    await context.sync();
  } catch (e) {
    // Samples of rows full of long text can make even this answer too big: measure again without them.
    if (!isRefusal(e)) throw e;
    measured = measure(false);
    await context.sync();
  }
  const properties = PROPERTIES.split(",");
  const bytesPerCell = (sample: Excel.Range | null): number =>
    !sample || sample.isNullObject ? FIRST_GUESS_BYTES_PER_CELL : Math.max(LEAST_BYTES_PER_CELL, Math.ceil(answerBytes(sample, properties) / Math.max(1, sample.values.length * (sample.values[0]?.length ?? 0))));

  let total = 0;
  const reads = measured.map(({ ws, used, sample }) => {
    const base = { name: ws.name, state: STATES[ws.visibility] ?? "visible" };
    if (used.isNullObject) return { ...base, kind: "empty" as const };
    const cells = used.rowCount * used.columnCount;
    if (total + cells > maxCells) {
      const extent = rangeAddress(used.rowIndex, used.columnIndex, used.rowIndex + used.rowCount - 1, used.columnIndex + used.columnCount - 1);
      return { ...base, kind: "left out" as const, reason: tooLargeReason(extent, cells, maxCells, cells > maxCells) };
    }
    total += cells;
    return {
      ...base,
      kind: "read" as const,
      ws,
      used: { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, columns: used.columnCount },
      bytesPerCell: bytesPerCell(sample),
    };
  });
  const toRead = reads.flatMap((r) => (r.kind === "read" ? [r] : []));

  // Exactly the ranges measured, so that the cells read match the size that was checked.
  const rows = toRead.map((): GridCell[][] => []);
  const totalRows = toRead.reduce((n, r) => n + r.used.rows, 0);
  let rowsRead = 0;
  options.onProgress?.({ done: 0, total: totalRows });
  let merged: Excel.RangeAreas[] = [];
  const blocks = await readInBlocks(
    context,
    toRead.map((r) => ({ sheet: r.ws, top: r.used.row, left: r.used.col, rows: r.used.rows, columns: r.used.columns, bytesPerRow: r.used.columns * r.bytesPerCell })),
    {
      properties: PROPERTIES,
      ...(options.responseBudgetBytes !== undefined ? { budgetBytes: options.responseBudgetBytes } : {}),
      ...(options.signal ? { signal: options.signal, stoppedMessage: STOPPED_READING } : {}),
      // Merges are looked for over the whole sheet: a merged title may reach past the last value.
      ...(toRead.length > 0
        ? {
            alongside: () => {
              merged = toRead.map((r) => {
                const areas = r.ws.getRange().getMergedAreasOrNullObject();
                areas.load("address");
                return areas;
              });
            },
          }
        : {}),
      onBlock: ({ target, range, rows: blockRows }) => {
        (rows[target] as GridCell[][]).push(...toCells(range.values, range.text, range.numberFormat, range.formulas, range.valueTypes));
        rowsRead += blockRows;
        options.onProgress?.({ done: rowsRead, total: totalRows });
      },
    },
  );

  const sheets: Grid[] = reads.map((r) => {
    const empty: Grid = { sheet: r.name, state: r.state, origin: { row: 0, col: 0 }, rows: [], merges: [] };
    if (r.kind === "empty") return empty;
    if (r.kind === "left out") return { ...empty, leftOut: r.reason };
    const i = toRead.indexOf(r);
    const tooLarge = blocks.tooLarge.get(i);
    if (tooLarge) return { ...empty, leftOut: rowTooLargeReason(tooLarge.row) };
    const areas = merged[i];
    return {
      sheet: r.name,
      state: r.state,
      origin: { row: r.used.row, col: r.used.col },
      rows: rows[i] ?? [],
      merges: !areas || areas.isNullObject ? [] : parseAreas(areas.address),
    };
  });
  return { file: options.file ?? workbook.name, sheets };
}

function toCells(
  values: unknown[][],
  text: string[][],
  formats: unknown[][],
  formulas: unknown[][],
  types: Excel.Range["valueTypes"],
): GridCell[][] {
  return values.map((row, r) =>
    row.map((raw, c) => {
      const type = types[r]?.[c] ?? "Empty";
      const formula = formulas[r]?.[c];
      const cell: GridCell = {
        value: type === "Empty" || type === "Error" ? null : (raw as CellValue),
        text: text[r]?.[c] ?? "",
        numberFormat: String(formats[r]?.[c] ?? "General"),
      };
      if (type === "Error") cell.error = String(raw);
      // `formulas` gives a constant's value for a cell without a formula, so a text cell holding
      // "=x" (entered behind an apostrophe) reads the same in both: that is text, not a formula.
      if (typeof formula === "string" && formula.startsWith("=") && !(type === "String" && raw === formula)) cell.formula = formula;
      return cell;
    }),
  );
}

/**
 * RangeAreas.address lists areas with their sheet, comma-separated ("Data!A1:B2, 'My, sheet'!D1:D4");
 * a quoted sheet name may itself hold commas and "!", so split only outside quotes.
 */
export function parseAreas(address: string): MergeArea[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => parseRange(p.slice(p.lastIndexOf("!") + 1)));
}
