import type { Grid } from "../../src/core/grid/grid";
import { csvValue, decodeText, detectDelimiter, parseCsv } from "../../src/files/csv";
import { readWorkbookBuffer } from "../../src/files/read";
import { expectInputError } from "./fixtures";

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
const values = (g: Grid) => g.rows.map((r) => r.map((c) => c.value));

function utf16(s: string, littleEndian: boolean, bom = true): Uint8Array {
  const le = Buffer.from(s, "utf16le");
  const body = littleEndian ? le : Buffer.from(le.map((_, i) => le[i % 2 === 0 ? i + 1 : i - 1]!));
  const mark = littleEndian ? [0xff, 0xfe] : [0xfe, 0xff];
  return new Uint8Array(Buffer.concat([Buffer.from(bom ? mark : []), body]));
}

async function readCsv(bytes: Uint8Array, name = "agency-return.csv"): Promise<Grid> {
  const book = await readWorkbookBuffer(bytes, name);
  expect(book.sheets).toHaveLength(1);
  return book.sheets[0]!;
}

describe("encodings", () => {
  const text = "Agency,Indicator,Value\r\nPolice,Référrals £,12\r\n";
  const expected = [
    ["Agency", "Indicator", "Value"],
    ["Police", "Référrals £", 12],
  ];

  test("UTF-8 without a BOM", async () => {
    expect(values(await readCsv(utf8(text)))).toEqual(expected);
  });

  test("UTF-8 with a BOM (the BOM is not part of the first heading)", async () => {
    const g = await readCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]));
    expect(values(g)).toEqual(expected);
    expect(g.rows[0]![0]!.value).toBe("Agency");
  });

  test("UTF-16 little-endian and big-endian with a BOM", async () => {
    expect(values(await readCsv(utf16(text, true)))).toEqual(expected);
    expect(values(await readCsv(utf16(text, false)))).toEqual(expected);
    expect(decodeText(utf16("a", false)).encoding).toBe("utf-16be");
  });

  test("UTF-16 without a BOM is recognised by its zero bytes", () => {
    expect(decodeText(utf16(text, true, false))).toEqual({ text, encoding: "utf-16le" });
  });

  test("Windows-1252 when the bytes are not valid UTF-8", async () => {
    // "Children’s £5 café" in Windows-1252: ’ is 0x92, £ is 0xA3, é is 0xE9.
    const bytes = new Uint8Array([
      ...Buffer.from("Label,Value\nChildren"), 0x92, ...Buffer.from("s "), 0xa3, ...Buffer.from("5 caf"), 0xe9, ...Buffer.from(",3\n"),
    ]);
    expect(decodeText(bytes).encoding).toBe("windows-1252");
    expect(values(await readCsv(bytes))).toEqual([
      ["Label", "Value"],
      ["Children’s £5 café", 3],
    ]);
  });
});

describe("delimiters and quoting", () => {
  test("comma, semicolon and tab are detected", () => {
    expect(detectDelimiter("a,b,c\n1,2,3\n")).toBe(",");
    expect(detectDelimiter("a;b;c\n1,5;2,5;3\n")).toBe(";");
    expect(detectDelimiter("a\tb\tc\n1\t2\t3\n")).toBe("\t");
    // Commas inside quoted text do not outvote the real delimiter.
    expect(detectDelimiter('name;note\n"Smith, J";"a, b, c"\n"Jones, K";"d, e"\n')).toBe(";");
    // A single column falls back to comma.
    expect(detectDelimiter("only\n1\n2\n")).toBe(",");
  });

  test("a semicolon file: decimal commas and ambiguous thousands stay text", async () => {
    const g = await readCsv(utf8("Indicator;Value;Count\nRate;17,5;1,234\nTotal;3.5;1,234.5\n"));
    expect(values(g)).toEqual([
      ["Indicator", "Value", "Count"],
      ["Rate", "17,5", "1,234"],
      ["Total", 3.5, 1234.5],
    ]);
  });

  test("a tab-separated file", async () => {
    expect(values(await readCsv(utf8("A\tB\n1\t2\n"), "export.tsv"))).toEqual([
      ["A", "B"],
      [1, 2],
    ]);
  });

  test("RFC 4180: quoted delimiters, doubled quotes, line breaks in fields, CRLF and LF", () => {
    const text = 'id,comment\r\n1,"Late, see ""note"""\r\n2,"two\nlines"\n3,plain';
    expect(parseCsv(text, ",")).toEqual([
      ["id", "comment"],
      ["1", 'Late, see "note"'],
      ["2", "two\nlines"],
      ["3", "plain"],
    ]);
  });

  test("Excel's sep= line names the delimiter and is not data", async () => {
    expect(values(await readCsv(utf8("sep=;\na;b\n1;2\n")))).toEqual([
      ["a", "b"],
      [1, 2],
    ]);
  });

  test("ragged rows make a dense rectangle; leading blank lines move the origin", async () => {
    const g = await readCsv(utf8("\n\nTitle\na,b,c\n1\n"));
    expect(g.origin).toEqual({ row: 2, col: 0 });
    expect(values(g)).toEqual([
      ["Title", null, null],
      ["a", "b", "c"],
      [1, null, null],
    ]);
    expect(g.rows[0]![1]).toEqual({ value: null, text: "", numberFormat: "General" });
  });
});

describe("values", () => {
  test.each<[string, unknown, string]>([
    ["12", 12, "General"],
    ["-3.5", -3.5, "General"],
    [" 42 ", 42, "General"],
    ["0", 0, "General"],
    ["0.25", 0.25, "General"],
    ["1e3", 1000, "General"],
    ["1,234", 1234, "#,##0"],
    ["1,234,567.50", 1234567.5, "#,##0.00"],
    ["17.5%", "17.5%", "General"],
    ["007", "007", "General"],
    ["1234567890123456789", "1234567890123456789", "General"],
    ["12,34", "12,34", "General"],
    ["<5", "<5", "General"],
    ["*", "*", "General"],
    ["n/a", "n/a", "General"],
    ["01/04/2025", "01/04/2025", "General"],
    ["", null, "General"],
  ])("%p in a comma file reads as %p", (raw, value, format) => {
    expect(csvValue(raw, ",")).toEqual({ value, numberFormat: format });
  });

  test("numbers keep the text Excel would show", async () => {
    const g = await readCsv(utf8('Count,Rate\n"1,234",1.50\n'));
    expect(g.rows[1]).toEqual([
      { value: 1234, text: "1,234", numberFormat: "#,##0" },
      { value: 1.5, text: "1.5", numberFormat: "General" },
    ]);
  });

  test("the grid is named after the file, without folder or extension", async () => {
    const book = await readWorkbookBuffer(utf8("a\n1\n"), "C:\\Returns\\Q1 2025-26 police.csv");
    expect(book.file).toBe("Q1 2025-26 police.csv");
    expect(book.sheets[0]).toMatchObject({ sheet: "Q1 2025-26 police", state: "visible", merges: [] });
  });

  test("the cell cap applies to CSV too", async () => {
    const big = utf8(Array.from({ length: 50 }, (_, i) => `${i},${i},${i}`).join("\n"));
    await expectInputError(() => readWorkbookBuffer(big, "big.csv", { maxCells: 100 }), "big.csv", /more than 100 cells/);
  });
});
