/**
 * The zip layer under .xlsx files: opening an archive with a plain-English error when it is not
 * a workbook, measuring the worksheets before ExcelJS loads them (ExcelJS holds a whole
 * workbook in memory, so a size guard must run first), and reading the few parts of the XML that
 * ExcelJS does not keep (stopIfTrue on conditional formats, data-validation ranges as written).
 *
 * Buffer-based: no Node file APIs, so the task pane can load it too.
 */
import JSZip from "jszip";
import { InputError } from "../core/errors";
import { parseRange } from "../core/grid/address";
import { findElements, quoteEscapedLiterals, xmlDecode, xmlEncodeAttribute } from "./zip-xml";

/** JSZip streams an entry in chunks through this (it is missing from JSZip's typings). */
interface EntryStream {
  on(event: "data", cb: (chunk: string) => void): EntryStream;
  on(event: "end", cb: () => void): EntryStream;
  on(event: "error", cb: (e: Error) => void): EntryStream;
  resume(): EntryStream;
  pause(): EntryStream;
}

function entryStream(entry: JSZip.JSZipObject): EntryStream {
  return (entry as unknown as { internalStream(type: "string"): EntryStream }).internalStream("string");
}

export async function openZip(data: Uint8Array, file: string): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(data);
  } catch {
    throw new InputError(
      `"${file}" is damaged or incomplete (it is not a complete zip archive, as an .xlsx file must be); try saving or downloading it again.`,
      { file },
    );
  }
}

function has(zip: JSZip, path: string): boolean {
  return zip.file(path) !== null;
}

/** Throws an InputError unless the archive is an .xlsx/.xlsm workbook that ExcelJS can read. */
export async function assertWorkbookZip(zip: JSZip, file: string): Promise<void> {
  if (has(zip, "xl/workbook.xml")) {
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    // Strict Open XML uses other namespaces, which ExcelJS does not understand.
    if (workbookXml.includes("purl.oclc.org/ooxml/spreadsheetml")) {
      throw new InputError(
        `"${file}" is saved as a Strict Open XML Spreadsheet, which cannot be read; open it in Excel and save it as an Excel Workbook (.xlsx).`,
        { file },
      );
    }
    return;
  }
  if (has(zip, "xl/workbook.bin")) {
    throw new InputError(
      `"${file}" is an Excel Binary Workbook (.xlsb), which cannot be read; open it in Excel and save it as an Excel Workbook (.xlsx).`,
      { file },
    );
  }
  if (has(zip, "word/document.xml")) {
    throw new InputError(`"${file}" is a Word document, not an Excel workbook.`, { file });
  }
  if (has(zip, "ppt/presentation.xml")) {
    throw new InputError(`"${file}" is a PowerPoint presentation, not an Excel workbook.`, { file });
  }
  if (has(zip, "content.xml") && has(zip, "mimetype")) {
    throw new InputError(
      `"${file}" is an OpenDocument file (.ods), which cannot be read; open it and save it as an Excel Workbook (.xlsx).`,
      { file },
    );
  }
  throw new InputError(`"${file}" is a zip archive but not an Excel workbook (it has no workbook inside).`, { file });
}

export interface SheetScan {
  /** Worksheet parts (zip paths) holding data validations. */
  withDataValidations: string[];
}

const WORKSHEET_PATH = /^xl\/worksheets\/[^/]+\.xml$/;

/**
 * Counts the cells (and merged-area cells) of every worksheet by streaming its XML, stopping as
 * soon as the total passes maxCells, so that a huge or hostile file gives an InputError instead
 * of exhausting memory inside ExcelJS. Also bounds the characters of the other large part,
 * the shared strings.
 */
export async function scanWorksheets(zip: JSZip, file: string, maxCells: number): Promise<SheetScan> {
  const tooLarge = () =>
    new InputError(`"${file}" is too large to read: it has more than ${maxCells.toLocaleString("en-GB")} cells.`, { file });
  // ExcelJS keeps every cell and shared string in memory; 200 characters of XML per allowed cell is generous.
  const maxChars = maxCells * 200;
  let cells = 0;
  let chars = 0;
  const withDataValidations: string[] = [];

  const entries = Object.values(zip.files).filter(
    (e) => !e.dir && (WORKSHEET_PATH.test(e.name) || e.name === "xl/sharedStrings.xml"),
  );
  for (const entry of entries) {
    const isSheet = entry.name !== "xl/sharedStrings.xml";
    let sawValidations = false;
    const over = await new Promise<boolean>((resolve, reject) => {
      let carry = "";
      const stream = entryStream(entry);
      stream
        .on("data", (chunk) => {
          chars += chunk.length;
          if (chars > maxChars) {
            stream.pause();
            resolve(true);
            return;
          }
          if (!isSheet) return;
          // Tags never contain "<", so text up to an unfinished tag (a "<" with no ">" after it)
          // holds only whole tags. Only that unfinished tag is carried: text between tags
          // (padding, a long string) carried too would be copied again with every chunk, which
          // is quadratic (a whitespace bomb hung the reader for minutes).
          const text = carry + chunk;
          const open = text.lastIndexOf("<");
          const cut = open > text.lastIndexOf(">") ? open : text.length;
          const whole = text.slice(0, cut);
          // No real tag is this long; its start is enough to count it.
          carry = text.length - cut > 65536 ? text.slice(cut, cut + 1024) : text.slice(cut);
          // Element names may carry a namespace prefix (<x:c>) in files written by .NET tools.
          cells += countMatches(whole, /<(?:[\w.-]+:)?c[\s>/]/g);
          for (const m of whole.matchAll(/<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref="([^"]+)"/g)) cells += rangeArea(m[1]!);
          if (!sawValidations && /<(?:[\w.-]+:)?dataValidations\b/.test(whole)) sawValidations = true;
          if (cells > maxCells) {
            stream.pause();
            resolve(true);
          }
        })
        .on("error", reject)
        .on("end", () => {
          if (isSheet && /<(?:[\w.-]+:)?dataValidations\b/.test(carry)) sawValidations = true;
          resolve(false);
        })
        .resume();
    }).catch(() => {
      throw new InputError(`"${file}" is damaged (part of the workbook cannot be unpacked); try saving or downloading it again.`, {
        file,
      });
    });
    if (over) throw tooLarge();
    if (sawValidations) withDataValidations.push(entry.name);
  }
  return { withDataValidations };
}

function countMatches(text: string, re: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(re)) n++;
  return n;
}

function rangeArea(ref: string): number {
  try {
    const r = parseRange(ref);
    return (r.bottom - r.top + 1) * (r.right - r.left + 1);
  } catch {
    return 1;
  }
}

const SPREADSHEETML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const PREFIXED_ROOT = /<([A-Za-z_][\w.-]*):(worksheet|workbook|sst|styleSheet)\b/;

/** A number format holding a backslash escape ("0.0\\%"), which ExcelJS would misread. */
const ESCAPED_FORMAT = /formatCode\s*=\s*"[^"]*\\/;

/** The styles part with its number formats' escapes written as quoted literals (see quoteEscapedLiterals). */
function withQuotedLiterals(xml: string): string {
  return xml.replace(/(formatCode\s*=\s*")([^"]*)(")/g, (_, open: string, code: string, close: string) =>
    code.includes("\\") ? open + xmlEncodeAttribute(quoteEscapedLiterals(xmlDecode(code))) + close : open + code + close,
  );
}

/**
 * The workbook as ExcelJS can load it, or null when it can load the original. Three rewrites:
 * - Data validations are removed. ExcelJS expands every validation range into one entry per
 *   cell on load (a rule over a whole column becomes a million objects, seconds and hundreds of
 *   megabytes), and grids never need validations.
 * - A namespace prefix on SpreadsheetML elements (<x:worksheet>, written by some .NET tools) is
 *   removed: ExcelJS matches bare element names and would otherwise read such sheets as empty.
 * - A number format's backslash escapes become quoted literals (withQuotedLiterals): ExcelJS drops
 *   the backslash, and "0.0\\%" would become a percentage format.
 * The archive is rebuilt without compression, which costs memory copies only.
 */
export async function prepareForExcelJS(zip: JSZip, scan: SheetScan): Promise<Uint8Array | null> {
  let changed = false;
  const parts = Object.values(zip.files).filter(
    (e) => !e.dir && (WORKSHEET_PATH.test(e.name) || ["xl/workbook.xml", "xl/sharedStrings.xml", "xl/styles.xml"].includes(e.name)),
  );
  for (const entry of parts) {
    const strip = scan.withDataValidations.includes(entry.name);
    const head = await readHead(entry);
    const prefix = PREFIXED_ROOT.exec(head)?.[1];
    // The styles part is small: read whole, once, to look for escaped number formats.
    const styles = entry.name === "xl/styles.xml" ? await entry.async("string") : null;
    const escapes = styles !== null && ESCAPED_FORMAT.test(styles);
    if (!strip && !escapes && !(prefix && head.includes(`xmlns:${prefix}="${SPREADSHEETML}"`))) continue;
    let xml = styles ?? (await entry.async("string"));
    if (escapes) xml = withQuotedLiterals(xml);
    if (prefix && xml.includes(`xmlns:${prefix}="${SPREADSHEETML}"`)) {
      const p = prefix.replace(/[.]/g, "\\.");
      xml = xml
        .replace(new RegExp(`<${p}:`, "g"), "<")
        .replace(new RegExp(`</${p}:`, "g"), "</")
        .replace(`xmlns:${prefix}="${SPREADSHEETML}"`, `xmlns="${SPREADSHEETML}"`);
    }
    if (strip) {
      xml = xml
        .replace(/<dataValidations\b[^>]*\/>/g, "")
        .replace(/<dataValidations\b[^>]*>[\s\S]*?<\/dataValidations>/g, "");
    }
    zip.file(entry.name, xml);
    changed = true;
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "STORE" }) : null;
}

/** The first few kilobytes of a part, streamed, to see its root element without unpacking it all. */
async function readHead(entry: JSZip.JSZipObject): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let head = "";
    const stream = entryStream(entry);
    stream
      .on("data", (chunk) => {
        head += chunk;
        if (head.length >= 4096) {
          stream.pause();
          resolve(head);
        }
      })
      .on("error", reject)
      .on("end", () => resolve(head))
      .resume();
  });
}

export { findElements, parseAttributes, xmlDecode } from "./zip-xml";

/** Sheet name to worksheet part path, from xl/workbook.xml and its relationships. */
export async function sheetPartPaths(zip: JSZip): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const workbook = zip.file("xl/workbook.xml");
  const rels = zip.file("xl/_rels/workbook.xml.rels");
  if (!workbook || !rels) return out;
  const targets = new Map<string, string>();
  for (const rel of findElements(await rels.async("string"), "Relationship")) {
    const target = rel.attrs["Target"] ?? "";
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    targets.set(rel.attrs["Id"] ?? "", path);
  }
  for (const sheet of findElements(await workbook.async("string"), "sheet")) {
    const path = targets.get(sheet.attrs["id"] ?? "");
    if (path && sheet.attrs["name"] !== undefined) out.set(sheet.attrs["name"], path);
  }
  return out;
}
