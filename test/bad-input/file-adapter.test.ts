/**
 * The file adapter against hostile archives, part by part: a compression bomb is refused from
 * the archive's directory before anything is inflated, and the streaming scan stays linear
 * when a sheet pads its XML with whitespace or holds one huge text. (No timing assertions: a
 * quadratic scan shows as a test that does not finish within its generous timeout.)
 */
import JSZip from "jszip";
import { InputError } from "../../src/core/errors";
import { DEFAULT_MAX_CELLS, readWorkbookBuffer } from "../../src/files/read";
import { scanWorksheets } from "../../src/files/zip";
import { assertUnpackedSize, declaredSize, MIN_UNPACKED_LIMIT_BYTES, UNPACKED_BYTES_PER_CELL, unpackedLimit } from "../../src/files/unpacked-size";
import { CORPUS, BOMB_MEGABYTES } from "./corpus";
import { writeZip } from "./zip-writer";

function corpusBytes(name: string): Promise<Uint8Array> {
  const file = CORPUS.find((f) => f.name === name);
  if (!file) throw new Error(`no corpus file ${name}`);
  return file.bytes();
}

/** A sheet part padded with `megabytes` of whitespace between two rows. */
function paddedSheet(megabytes: number, padding: Uint8Array): Uint8Array {
  return writeZip([
    { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
    {
      name: "xl/worksheets/sheet1.xml",
      data: {
        chunks: function* () {
          yield Buffer.from('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>');
          for (let i = 0; i < megabytes; i++) yield padding;
          yield Buffer.from('<row r="2"><c r="A2"><v>2</v></c><c r="B2"><v>3</v></c></row></sheetData></worksheet>');
        },
      },
    },
  ]);
}

describe("a compression bomb", () => {
  test(
    "is refused from the archive's directory, naming the file and the size it would unpack to",
    async () => {
      const bytes = await corpusBytes("bomb.xlsx");
      // The point of a bomb: the file is tiny beside what it unpacks to.
      expect(bytes.length).toBeLessThan(BOMB_MEGABYTES * 1024 * 1024 / 100);
      const zip = await JSZip.loadAsync(bytes);
      expect(declaredSize(zip.file("xl/worksheets/sheet1.xml")!)).toBeGreaterThan(BOMB_MEGABYTES * 1024 * 1024);
      await expect(readWorkbookBuffer(bytes, "bomb.xlsx")).rejects.toThrow(InputError);
      await expect(readWorkbookBuffer(bytes, "bomb.xlsx")).rejects.toThrow(new RegExp(`"bomb\\.xlsx" is too large to read: its contents unpack to ${BOMB_MEGABYTES.toLocaleString("en-GB")} MB`));
    },
    120_000,
  );

  test("the limit follows the cell cap, above a floor for a workbook's fixed parts", async () => {
    expect(unpackedLimit(10)).toBe(MIN_UNPACKED_LIMIT_BYTES);
    expect(unpackedLimit(DEFAULT_MAX_CELLS)).toBe(DEFAULT_MAX_CELLS * UNPACKED_BYTES_PER_CELL);
    const zip = await JSZip.loadAsync(paddedSheet(70, new Uint8Array(1024 * 1024).fill(0x20)));
    const cellsFor70MB = Math.ceil((70 * 1024 * 1024) / UNPACKED_BYTES_PER_CELL);
    expect(() => assertUnpackedSize(zip, "padded.xlsx", cellsFor70MB + 10)).not.toThrow();
    expect(() => assertUnpackedSize(zip, "padded.xlsx", cellsFor70MB - 10)).toThrow(/"padded\.xlsx" is too large to read: its contents unpack to 70 MB/);
  });
});

/** A sheet part from chunks of XML text. */
function sheetZip(chunks: () => Iterable<Uint8Array>): Promise<JSZip> {
  return JSZip.loadAsync(writeZip([{ name: "xl/worksheets/sheet1.xml", data: { chunks } }]));
}

describe("the streaming scan stays linear and still counts every cell", () => {
  // A cap of a million cells lets the scan read 200 million characters, so only its speed is at stake.
  const roomy = 1_000_000;

  test(
    "over 80 MB of whitespace between rows",
    async () => {
      const zip = await JSZip.loadAsync(paddedSheet(80, new Uint8Array(1024 * 1024).fill(0x20)));
      await expect(scanWorksheets(zip, "padded.xlsx", roomy)).resolves.toEqual({ withDataValidations: [] });
    },
    60_000,
  );

  test(
    "over 40 MB of text inside one cell",
    async () => {
      const x = new Uint8Array(1024 * 1024).fill(0x78);
      const zip = await sheetZip(function* () {
        yield Buffer.from('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>');
        for (let i = 0; i < 40; i++) yield x;
        yield Buffer.from("</t></is></c></row></sheetData></worksheet>");
      });
      await expect(scanWorksheets(zip, "long-text.xlsx", roomy)).resolves.toEqual({ withDataValidations: [] });
    },
    60_000,
  );

  test("cells split across chunks, between padding, and inside an overlong tag are each counted once", async () => {
    const zip = await sheetZip(function* () {
      yield Buffer.from("<worksheet><sheetData>");
      for (let i = 1; i <= 5000; i++) yield Buffer.from(`<row r="${i}"><c r="A${i}"><v>${i}</v></c></row>${" ".repeat(100)}`);
      // One cell whose start tag carries 100 KB of attribute: longer than any tag the scan carries whole.
      yield Buffer.from(`<row r="5001"><c r="A5001" x="${"y".repeat(100 * 1024)}"><v>1</v></c></row></sheetData></worksheet>`);
    });
    await expect(scanWorksheets(zip, "counted.xlsx", 5001)).resolves.toEqual({ withDataValidations: [] });
    await expect(scanWorksheets(zip, "counted.xlsx", 5000)).rejects.toThrow(/"counted\.xlsx" is too large to read: it has more than 5,000 cells/);
  });
});
