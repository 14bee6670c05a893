/**
 * Damaged, hostile and odd files, generated into a temporary folder at test time (no binary
 * fixtures in the repository, and the large ones are never committed).
 *
 * Each entry says what a correct answer is: `readable` files must give a result (and may say
 * what they contain), the others must be refused with one plain line naming the file. Hostile
 * ones are built the cheap way an attacker would build them: a sparse sheet with one cell at the
 * last row rather than a million filled rows, and a compression bomb that deflates a run of
 * spaces rather than holding hundreds of megabytes.
 */
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { writeZip, type ZipPart } from "./zip-writer";

export interface CorpusFile {
  /** File name (the extension is what a user would see; the bytes decide what it is). */
  name: string;
  /** What it is, in the words of a test name. */
  what: string;
  /**
   * "refused": every verb must exit 2 with one plain line naming the file.
   * "readable": ingest must succeed (other verbs may still refuse it: it is not what they take).
   * "either": a result or a plain refusal are both correct (an odd file some readers accept).
   */
  expect: "refused" | "readable" | "either";
  /** For readable files: text the ingest JSON must contain (proof it was read correctly). */
  mustContain?: string[];
  bytes: () => Promise<Uint8Array>;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * The start of an OLE compound file as Office writes it: the header, then (in the directory
 * sector) the stream names in UTF-16LE. The readers look for the names, as nothing else in an
 * encrypted file can be read.
 */
function oleFile(streamNames: string[]): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set(OLE_MAGIC, 0);
  // Minor/major version, byte order mark and sector shift as in a real header.
  bytes.set([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00], 24);
  let at = 1024;
  for (const name of streamNames) {
    const utf16 = Buffer.from(name, "utf16le");
    bytes.set(utf16, at);
    bytes[at + 64] = utf16.length + 2; // directory entry: name length in bytes, with its terminator
    at += 128;
  }
  return bytes;
}

/** A deterministic byte generator, so a failure can be reproduced. */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

async function xlsxOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The small quarterly scorecard most hostile files wrap: four indicators, two agencies. */
function addScorecard(ws: ExcelJS.Worksheet, firstRow = 1): void {
  const rows: ExcelJS.CellValue[][] = [
    ["Safeguarding Children Partnership Scorecard"],
    [],
    ["Ref", "Indicator", "Good is", "Target", "Q1 2025/26", "Q2 2025/26"],
    ["Police"],
    ["PO01", "Domestic abuse incidents with children present", "Low", 1200, 1234, 1198],
    ["PO02", "Missing episodes with a return interview offered (%)", "High", 90, 88.5, "*"],
    ["Health"],
    ["HE01", "Initial health assessments within 20 working days (%)", "High", 85, 79.2, 81.4],
    ["HE02", "Staff completing safeguarding training (%)", "High", 95, 96.1, 97.3],
  ];
  rows.forEach((r, i) => {
    ws.getRow(firstRow + i).values = r;
  });
}

// ---------------------------------------------------------------------------------------------
// Hand-written SpreadsheetML for the files ExcelJS would not write (or would write too slowly).

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Scorecard" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';

function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function cellXml(ref: string, value: string | number): string {
  return typeof value === "number" ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(value)}</t></is></c>`;
}

/** Rows of the small scorecard as sheetData XML, from row 1. */
function scorecardRowsXml(title: string): string {
  const rows: (string | number)[][] = [
    [title],
    [],
    ["Ref", "Indicator", "Good is", "Target", "Q1 2025/26", "Q2 2025/26"],
    ["Police"],
    ["PO01", "Domestic abuse incidents with children present", "Low", 1200, 1234, 1198],
    ["PO02", "Missing episodes with a return interview offered (%)", "High", 90, 88.5, 91],
  ];
  return rows
    .map((r, i) => `<row r="${i + 1}">${r.map((v, c) => cellXml(`${String.fromCharCode(65 + c)}${i + 1}`, v)).join("")}</row>`)
    .join("");
}

function workbookZip(sheetXml: ZipPart["data"]): Uint8Array {
  return writeZip([
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { name: "_rels/.rels", data: Buffer.from(ROOT_RELS) },
    { name: "xl/workbook.xml", data: Buffer.from(WORKBOOK) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(WORKBOOK_RELS) },
    { name: "xl/worksheets/sheet1.xml", data: sheetXml },
  ]);
}

/** Megabytes of whitespace the bomb's sheet inflates to. */
export const BOMB_MEGABYTES = 600;

function bombSheet(): ZipPart["data"] {
  const head = Buffer.from(SHEET_HEAD + scorecardRowsXml("Scorecard"));
  // Whitespace between rows is legal XML, so only the size gives the bomb away.
  const blanks = new Uint8Array(1024 * 1024).fill(0x20);
  const tail = Buffer.from("</sheetData></worksheet>");
  return {
    chunks: function* () {
      yield head;
      for (let i = 0; i < BOMB_MEGABYTES; i++) yield blanks;
      yield tail;
    },
  };
}

// ---------------------------------------------------------------------------------------------

export const CORPUS: CorpusFile[] = [
  { name: "empty.xlsx", what: "an empty file", expect: "refused", bytes: async () => new Uint8Array(0) },
  {
    name: "truncated.xlsx",
    what: "an .xlsx cut off half way (a download cut short)",
    expect: "refused",
    bytes: async () => {
      const wb = new ExcelJS.Workbook();
      addScorecard(wb.addWorksheet("Scorecard"));
      const whole = await xlsxOf(wb);
      return whole.subarray(0, Math.floor(whole.length / 2));
    },
  },
  { name: "random.xlsx", what: "random bytes named .xlsx", expect: "refused", bytes: async () => noise(64 * 1024, 7) },
  {
    name: "report.pdf.xlsx",
    what: "a PDF named .xlsx",
    expect: "refused",
    bytes: async () => Buffer.concat([Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "latin1"), noise(8192, 11)]),
  },
  {
    name: "bundle.xlsx",
    what: "a zip archive that is not a workbook",
    expect: "refused",
    bytes: async () => writeZip([{ name: "readme.txt", data: Buffer.from("Quarterly returns, see attached.") }]),
  },
  {
    name: "protected.xlsx",
    what: "a password-protected workbook (OLE with EncryptionInfo)",
    expect: "refused",
    bytes: async () => oleFile(["Root Entry", "EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]),
  },
  {
    name: "old-format.xls",
    what: "an Excel 97-2003 workbook (OLE with a Workbook stream)",
    expect: "refused",
    bytes: async () => oleFile(["Root Entry", "Workbook", "\u0005SummaryInformation"]),
  },
  {
    name: "windows-1252.csv",
    what: "a CSV saved in Windows-1252 (curly apostrophe, pound sign)",
    expect: "readable",
    mustContain: ["Children’s Social Care", "Cost per placement (£)"],
    bytes: async () => {
      const text =
        "Indicator,Agency,Period,Value\r\n" +
        "Referrals received,Children’s Social Care,Q1 2025/26,412\r\n" +
        "Referrals received,Children’s Social Care,Q2 2025/26,398\r\n" +
        "Cost per placement (£),Children’s Social Care,Q1 2025/26,5120\r\n";
      // Windows-1252: ’ is 0x92, £ is 0xA3; everything else here is ASCII.
      return Uint8Array.from([...text].map((ch) => (ch === "’" ? 0x92 : ch.charCodeAt(0))));
    },
  },
  {
    name: "utf-16.csv",
    what: "a CSV saved as UTF-16 (Excel's 'Unicode text')",
    expect: "readable",
    mustContain: ["Ymchwiliadau Adran 47 – Heddlu", "Police"],
    bytes: async () => {
      const text = "Indicator\tAgency\tPeriod\tValue\r\nYmchwiliadau Adran 47 – Heddlu\tPolice\tQ1 2025/26\t57\r\nYmchwiliadau Adran 47 – Heddlu\tPolice\tQ2 2025/26\t61\r\n";
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    },
  },
  {
    name: "million-rows.xlsx",
    what: "a sheet reaching row 1,048,576 (a few cells at the top, one at the last row)",
    expect: "either",
    bytes: async () =>
      workbookZip(Buffer.from(SHEET_HEAD + scorecardRowsXml("Scorecard") + `<row r="1048576">${cellXml("A1048576", "end")}</row></sheetData></worksheet>`)),
  },
  {
    name: "million-lines.csv",
    what: "a CSV of 1,000,000 short lines",
    expect: "either",
    bytes: async () => {
      const lines = ["Indicator,Q1 2025/26"];
      for (let i = 1; i < 1_000_000; i++) lines.push(`M${i},${i % 97}`);
      return Buffer.from(lines.join("\n"));
    },
  },
  {
    name: "million-characters.xlsx",
    what: "a cell holding a million characters",
    expect: "readable",
    mustContain: ["Domestic abuse incidents with children present"],
    bytes: async () => workbookZip(Buffer.from(SHEET_HEAD + scorecardRowsXml("Q1 2025/26 ".repeat(50) + "x".repeat(1_000_000)) + "</sheetData></worksheet>")),
  },
  {
    name: "bomb.xlsx",
    what: `a compression bomb (a small file whose sheet inflates to ${BOMB_MEGABYTES} MB)`,
    expect: "refused",
    bytes: async () => workbookZip(bombSheet()),
  },
  {
    name: "merged-everything.xlsx",
    what: "one merged area over the whole sheet (A1:XFD1048576)",
    expect: "either",
    bytes: async () =>
      workbookZip(Buffer.from(SHEET_HEAD + scorecardRowsXml("Scorecard") + '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>')),
  },
  {
    name: "formulas-everywhere.xlsx",
    what: "a scorecard whose every figure is a formula (some with no cached result)",
    expect: "readable",
    mustContain: ["Domestic abuse incidents with children present", "1234"],
    bytes: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Scorecard");
      addScorecard(ws);
      ws.getCell("E5").value = { formula: "1000+234", result: 1234 };
      ws.getCell("F5").value = { formula: "SUM(1198)", result: 1198 };
      ws.getCell("E6").value = { formula: "885/10", result: 88.5 };
      // Formulas saved without a result (written by a tool that does not calculate).
      ws.getCell("E8").value = { formula: "79.2*1" } as ExcelJS.CellFormulaValue;
      ws.getCell("F8").value = { formula: 'HYPERLINK("http://example.invalid","81.4")' } as ExcelJS.CellFormulaValue;
      ws.getCell("B9").value = { formula: '"Staff completing "&"safeguarding training (%)"', result: "Staff completing safeguarding training (%)" };
      return xlsxOf(wb);
    },
  },
  {
    name: "error-values.xlsx",
    what: "error values (#DIV/0!, #N/A, #REF!, #VALUE!) in figures, targets and notes",
    expect: "readable",
    mustContain: ["Domestic abuse incidents with children present"],
    bytes: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Scorecard");
      addScorecard(ws);
      const err = (error: string): ExcelJS.CellErrorValue => ({ error }) as ExcelJS.CellErrorValue;
      ws.getCell("E6").value = { formula: "1/0", result: err("#DIV/0!") } as ExcelJS.CellFormulaValue;
      ws.getCell("F5").value = err("#N/A");
      ws.getCell("D8").value = err("#REF!");
      ws.getCell("G9").value = err("#VALUE!");
      return xlsxOf(wb);
    },
  },
  {
    name: "error-in-heading.xlsx",
    what: "an error value (#VALUE!) in the heading row beside the period headings",
    // Ingest reads the heading row as data (an error counts as a mark), finds no period heading
    // and refuses the sheet, plainly; reading the figures would be better (see the report).
    expect: "either",
    bytes: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Scorecard");
      addScorecard(ws);
      ws.getCell("G3").value = { formula: '"Q3 "&#REF!', result: { error: "#VALUE!" } as ExcelJS.CellErrorValue } as ExcelJS.CellFormulaValue;
      return xlsxOf(wb);
    },
  },
  {
    name: "hidden-sheets.xlsx",
    what: "hidden and very hidden sheets beside a visible one",
    expect: "readable",
    mustContain: ["Domestic abuse incidents with children present"],
    bytes: async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("Cover").getCell("A1").value = "Partnership returns";
      addScorecard(wb.addWorksheet("Hidden scorecard", { state: "hidden" }));
      wb.addWorksheet("Lookups", { state: "veryHidden" }).getCell("A1").value = "=cmd|' /C calc'!A0";
      addScorecard(wb.addWorksheet("Scorecard"));
      return xlsxOf(wb);
    },
  },
  {
    name: "pre-1900-dates.xlsx",
    what: "dates before 1900 (as text, since Excel cannot hold them as dates)",
    expect: "either",
    bytes: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Parish history");
      ws.getRow(1).values = ["Indicator", "31/12/1899", "01/01/1066", "1899-12-31", "Q1 1899/00"];
      ws.getRow(2).values = ["Workhouse admissions", 12, 4, "14/10/1066", "29/02/1900"];
      ws.getRow(3).values = ["Parish relief", "01/04/1899", 7, 8, 9];
      return xlsxOf(wb);
    },
  },
  {
    name: "hostile-names.xlsx",
    what: "sheet names and cells holding HTML and formula text",
    expect: "readable",
    mustContain: ["<img src=x onerror=alert(1)>", "=HYPERLINK(\\\"http://x\\\",\\\"y\\\")"],
    bytes: async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("<img src=x onerror=alert(1)>").getCell("A1").value = "<script>alert(1)</script>";
      const ws = wb.addWorksheet("=cmd|' -C calc'!A0");
      addScorecard(ws);
      // Agency text that a careless writer would turn into a formula.
      ws.getCell("A4").value = "Police";
      ws.getCell("B5").value = '=HYPERLINK("http://x","y")';
      wb.addWorksheet("+SUM(1) @A1 -2");
      return xlsxOf(wb);
    },
  },
];

/** Writes the corpus into a new temporary folder; returns the paths by file name. */
export async function writeCorpus(files: CorpusFile[] = CORPUS): Promise<{ dir: string; paths: Map<string, string> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sgp-bad-input-"));
  const paths = new Map<string, string>();
  for (const file of files) {
    const p = path.join(dir, file.name);
    fs.writeFileSync(p, await file.bytes());
    paths.set(file.name, p);
  }
  return { dir, paths };
}
