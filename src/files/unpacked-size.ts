/**
 * The guard against compression bombs: a small .xlsx whose parts unpack to hundreds of
 * megabytes. Every part's unpacked size is written in the archive's central directory, which
 * JSZip has read by the time the archive is open, so the sizes can be added up before a single
 * part is inflated. A workbook over the limit is refused in one plain sentence.
 *
 * The directory can lie (a part may claim to be small); the streaming scan in zip.ts still
 * counts the characters it inflates, and JSZip fails a part whose size does not match its claim,
 * so a lie costs time bounded by that scan's cap but no more.
 */
import type JSZip from "jszip";
import { InputError } from "../core/errors";

/**
 * Unpacked bytes allowed per cell the reader accepts. A cell takes 20-60 bytes of sheet XML
 * (`<c r="AB1234" s="3"><v>17.5</v></c>`) plus its share of the shared strings; 100 leaves room
 * for long text while keeping the default (2,000,000 cells) at 200 MB, where ExcelJS, which holds
 * the whole workbook in memory, is already at its practical limit.
 */
export const UNPACKED_BYTES_PER_CELL = 100;

/** The least limit, whatever the cell cap: a workbook's fixed parts (styles, theme, a logo) come first. */
export const MIN_UNPACKED_LIMIT_BYTES = 64 * 1024 * 1024;

export function unpackedLimit(maxCells: number): number {
  return Math.max(maxCells * UNPACKED_BYTES_PER_CELL, MIN_UNPACKED_LIMIT_BYTES);
}

/** What JSZip keeps of a part it has not inflated (missing from its typings). */
interface PackedPart {
  _data?: { uncompressedSize?: unknown };
}

/** The unpacked size the archive's directory gives for a part (0 where JSZip holds none, as for parts added in memory). */
export function declaredSize(entry: JSZip.JSZipObject): number {
  const size = (entry as unknown as PackedPart)._data?.uncompressedSize;
  return typeof size === "number" && Number.isFinite(size) && size > 0 ? size : 0;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024)).toLocaleString("en-GB")} MB`;
}

/** Throws an InputError when the archive's parts would unpack to more than the limit for `maxCells`. */
export function assertUnpackedSize(zip: JSZip, file: string, maxCells: number): void {
  const limit = unpackedLimit(maxCells);
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    total += declaredSize(entry);
    if (total > limit) {
      const all = Object.values(zip.files).reduce((n, e) => n + (e.dir ? 0 : declaredSize(e)), 0);
      throw new InputError(
        `"${file}" is too large to read: its contents unpack to ${megabytes(all)}, more than the limit of ${megabytes(limit)}; if it is a genuine workbook, save its sheets as separate, smaller files.`,
        { file },
      );
    }
  }
}
