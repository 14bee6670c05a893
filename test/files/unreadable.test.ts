import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readWorkbookBuffer } from "../../src/files/read";
import { expectInputError, toBuffer } from "./fixtures";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The start of an OLE compound file with one directory entry name (UTF-16LE), as Office writes. */
function oleFile(streamName: string): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set(OLE_MAGIC, 0);
  const name = Buffer.from(streamName, "utf16le");
  bytes.set(name, 1024);
  return bytes;
}

async function validWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  for (let r = 1; r <= 200; r++) ws.getRow(r).values = [`Indicator ${r}`, r, r / 7];
  return toBuffer(wb);
}

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: "uint8array" });
}

describe("input that cannot be read gives one plain sentence naming the file", () => {
  test("an empty file", async () => {
    await expectInputError(() => readWorkbookBuffer(new Uint8Array(0), "return.xlsx"), "return.xlsx", /empty/);
    await expectInputError(() => readWorkbookBuffer(new Uint8Array(0), "return.csv"), "return.csv", /empty/);
  });

  test("a blank CSV (only a BOM and line breaks)", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a, 0x0d, 0x0a]);
    await expectInputError(() => readWorkbookBuffer(bytes, "blank.csv"), "blank.csv", /no data/);
  });

  test("binary data that is neither a zip nor CSV text", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 0]);
    await expectInputError(() => readWorkbookBuffer(png, "chart.xlsx"), "chart.xlsx", /neither an Excel workbook \(\.xlsx\) nor a CSV/);
  });

  test("a zip archive that is not a workbook", async () => {
    const zip = await zipOf({ "readme.txt": "hello" });
    await expectInputError(() => readWorkbookBuffer(zip, "bundle.xlsx"), "bundle.xlsx", /zip archive but not an Excel workbook/);
  });

  test("a Word document renamed .xlsx", async () => {
    const docx = await zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" });
    await expectInputError(() => readWorkbookBuffer(docx, "minutes.xlsx"), "minutes.xlsx", /Word document/);
  });

  test("a binary workbook (.xlsb) says to save as .xlsx", async () => {
    const xlsb = await zipOf({ "[Content_Types].xml": "<Types/>", "xl/workbook.bin": "binary" });
    await expectInputError(() => readWorkbookBuffer(xlsb, "big.xlsb"), "big.xlsb", /save it as an Excel Workbook \(\.xlsx\)/);
  });

  test("a password-protected (encrypted) workbook says to remove the password", async () => {
    const encrypted = oleFile("EncryptionInfo");
    const err = await expectInputError(() => readWorkbookBuffer(encrypted, "police-return.xlsx"), "police-return.xlsx");
    expect(err.message).toMatch(/password/);
    expect(err.message).toMatch(/remove the password/);
  });

  test("an old .xls workbook says to save it as .xlsx", async () => {
    const xls = oleFile("Workbook");
    await expectInputError(() => readWorkbookBuffer(xls, "scorecard.xls"), "scorecard.xls", /old Excel 97-2003 format \(\.xls\).*save it as an Excel Workbook \(\.xlsx\)/);
  });

  test("another old Office file is named as such", async () => {
    await expectInputError(() => readWorkbookBuffer(oleFile("WordDocument"), "notes.doc"), "notes.doc", /old-style Office file/);
  });

  test("a truncated workbook (download cut short)", async () => {
    const whole = await validWorkbook();
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    await expectInputError(() => readWorkbookBuffer(cut, "cut.xlsx"), "cut.xlsx", /damaged or incomplete/);
  });

  test("a corrupt workbook (bytes damaged inside the archive)", async () => {
    const whole = Buffer.from(await validWorkbook());
    const zip = await JSZip.loadAsync(whole);
    // Overwrite the compressed bytes of the worksheet with noise; the archive's directory is intact.
    const sheetName = "xl/worksheets/sheet1.xml";
    const header = whole.indexOf(Buffer.from(sheetName));
    expect(zip.file(sheetName)).not.toBeNull();
    for (let i = header + sheetName.length + 10; i < header + sheetName.length + 400; i++) whole[i] = (i * 7919) & 0xff;
    await expectInputError(() => readWorkbookBuffer(whole, "corrupt.xlsx"), "corrupt.xlsx", /damaged/);
  });

  test("a web page saved with a spreadsheet name", async () => {
    const html = new Uint8Array(Buffer.from("<!DOCTYPE html>\n<html><body><table><tr><td>1</td></tr></table></body></html>"));
    await expectInputError(() => readWorkbookBuffer(html, "report.xls"), "report.xls", /web page/);
  });

  test("an Excel 2003 XML spreadsheet", async () => {
    const xml = new Uint8Array(
      Buffer.from('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'),
    );
    await expectInputError(() => readWorkbookBuffer(xml, "old.xml"), "old.xml", /Excel 2003 XML Spreadsheet/);
  });

  test("a CSV that happens to start with PK is still CSV", async () => {
    const book = await readWorkbookBuffer(new Uint8Array(Buffer.from("PK,Name\n1,Police\n")), "keys.csv");
    expect(book.sheets[0]!.rows[1]!.map((c) => c.value)).toEqual([1, "Police"]);
  });
});
