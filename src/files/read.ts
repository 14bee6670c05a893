/**
 * Reading a file's bytes into grids: the file adapter's way in. The bytes decide what the file
 * is (the name can lie: a ".xls" download is often a web page); anything that cannot be read
 * gives an InputError with one plain sentence naming the file and saying what to do.
 *
 * Buffer-based (no Node file APIs): node.ts adds reading from a path.
 */
import { InputError } from "../core/errors";
import { DEFAULT_MAX_CELLS, type GridWorkbook } from "../core/grid/grid";
import { csvToGrid, decodeText, looksBinary } from "./csv";
import { readXlsx } from "./xlsx-read";

export interface ReadOptions {
  /** Most cells read from one file before giving up with an InputError (default 2,000,000). */
  maxCells?: number;
}

export { DEFAULT_MAX_CELLS };

/** The name people know the file by: no folders. */
export function baseName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, "") || fileName;
}

function startsWith(data: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => data[i] === b);
}

/** Whether an ASCII name occurs as UTF-16LE in the bytes (OLE directory entries are UTF-16LE). */
function hasUtf16Name(data: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= data.length; i++) {
    for (let j = 0; j < needle.length; j++) if (data[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** An OLE compound file: an encrypted .xlsx, an old .xls, or another old Office document. */
function oleError(data: Uint8Array, file: string): InputError {
  if (hasUtf16Name(data, "EncryptionInfo") || hasUtf16Name(data, "EncryptedPackage")) {
    return new InputError(
      `"${file}" is protected with a password, so it cannot be read; open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) and save it again.`,
      { file },
    );
  }
  if (hasUtf16Name(data, "Workbook") || hasUtf16Name(data, "Book") || /\.xl[st]$/i.test(file)) {
    return new InputError(
      `"${file}" is in the old Excel 97-2003 format (.xls), which cannot be read; open it in Excel and save it as an Excel Workbook (.xlsx).`,
      { file },
    );
  }
  return new InputError(
    `"${file}" is an old-style Office file, not an Excel workbook (.xlsx) or CSV file; if it is a spreadsheet, open it in Excel and save it as an Excel Workbook (.xlsx).`,
    { file },
  );
}

export async function readWorkbookBuffer(data: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<GridWorkbook> {
  const file = baseName(fileName);
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  if (data.length === 0) {
    throw new InputError(`"${file}" is empty (0 bytes), so there is nothing to read.`, { file });
  }
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) throw oleError(data, file);
  // Zip archives (an .xlsx is one) start with a local file header, or an end record when empty.
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || startsWith(data, [0x50, 0x4b, 0x05, 0x06])) {
    return readXlsx(data, file, { maxCells });
  }
  // Other zip signatures (PK then a control byte): a fragment of an archive. "PK" then text is CSV.
  if (startsWith(data, [0x50, 0x4b]) && data.length > 2 && data[2]! < 0x20) {
    throw new InputError(`"${file}" is damaged or incomplete (it is not a complete zip archive, as an .xlsx file must be); try saving or downloading it again.`, {
      file,
    });
  }
  const { text } = decodeText(data);
  if (looksBinary(text)) {
    throw new InputError(`"${file}" is neither an Excel workbook (.xlsx) nor a CSV text file.`, { file });
  }
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith("<")) {
    if (head.includes("urn:schemas-microsoft-com:office:spreadsheet")) {
      throw new InputError(
        `"${file}" is an Excel 2003 XML Spreadsheet, which cannot be read; open it in Excel and save it as an Excel Workbook (.xlsx).`,
        { file },
      );
    }
    if (/<(html|table|!doctype html)\b/.test(head)) {
      throw new InputError(
        `"${file}" is a web page (HTML) rather than a spreadsheet; open it in Excel and save it as an Excel Workbook (.xlsx).`,
        { file },
      );
    }
  }
  if (text.trim() === "") {
    throw new InputError(`"${file}" holds no data (it is blank), so there is nothing to read.`, { file });
  }
  return { file, sheets: [csvToGrid(text, file, { maxCells })] };
}
