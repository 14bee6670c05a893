/**
 * Reading a workbook or CSV from a path: the only part of the file adapter that touches the
 * file system, kept apart so that the task pane can load the buffer-based code without Node.
 * Files are only ever read, never opened for writing.
 */
import { promises as fs } from "fs";
import { InputError } from "../core/errors";
import type { GridWorkbook } from "../core/grid/grid";
import { baseName, DEFAULT_MAX_CELLS, readWorkbookBuffer, type ReadOptions } from "./read";

export interface FileReadOptions extends ReadOptions {
  /** Largest file read, in bytes (default 200 MB: far beyond any partnership workbook). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

export async function readWorkbookFile(path: string, options: FileReadOptions = {}): Promise<GridWorkbook> {
  const file = baseName(path);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let data: Uint8Array;
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) throw new InputError(`"${file}" is a folder, not a file.`, { file });
    if (stat.size > maxBytes) {
      throw new InputError(
        `"${file}" is too large to read (${sizeText(stat.size)}, above the limit of ${sizeText(maxBytes)}).`,
        { file },
      );
    }
    data = await fs.readFile(path, { flag: "r" });
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw fileSystemError(e, path, file);
  }
  return readWorkbookBuffer(data, path, { maxCells: options.maxCells ?? DEFAULT_MAX_CELLS });
}

function sizeText(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** " in FOLDER" when the path names a folder, so the message says where we looked. */
function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return cut > 0 ? ` in ${path.slice(0, cut)}` : "";
}

function fileSystemError(e: unknown, path: string, file: string): InputError {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case "ENOENT":
      return new InputError(`"${file}" was not found${folderOf(path)}.`, { file });
    case "EACCES":
    case "EPERM":
      return new InputError(`"${file}" cannot be opened: permission denied.`, { file });
    case "EISDIR":
      return new InputError(`"${file}" is a folder, not a file.`, { file });
    case "EBUSY":
      return new InputError(`"${file}" is locked by another program; close it there and try again.`, { file });
    default:
      return new InputError(`"${file}" could not be read (${String(code ?? "unknown error")}).`, { file });
  }
}
