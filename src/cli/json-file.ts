/**
 * Writing a verb's JSON without building it as one string. A million-row CSV gives a million
 * observations, whose JSON (about 500 MB indented) is longer than the longest string V8 can
 * hold, so JSON.stringify of the whole result fails ("Invalid string length"). The output is
 * the same text JSON.stringify(value, null, 2) would give, written array element by element.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { InputError } from "../core/errors";

/** Arrays longer than this are written element by element; shorter values are stringified whole. */
const STREAM_ABOVE = 256;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== "function";
}

/** JSON.stringify(value, null, 2), indented as if nested `indent` deep, in pieces. */
export function* jsonChunks(value: unknown, indent = ""): Generator<string> {
  const inner = indent + "  ";
  if (Array.isArray(value) && value.length > STREAM_ABOVE) {
    yield "[";
    for (let i = 0; i < value.length; i++) {
      yield i === 0 ? `\n${inner}` : `,\n${inner}`;
      const item: unknown = value[i];
      // As JSON.stringify does: in an array, what JSON cannot hold is null.
      if (item === undefined || typeof item === "function" || typeof item === "symbol") yield "null";
      else yield* jsonChunks(item, inner);
    }
    yield `\n${indent}]`;
    return;
  }
  if (isPlainObject(value) && Object.values(value).some((v) => Array.isArray(v) && v.length > STREAM_ABOVE)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function" && typeof v !== "symbol");
    if (entries.length === 0) {
      yield "{}";
      return;
    }
    yield "{";
    for (let i = 0; i < entries.length; i++) {
      const [key, v] = entries[i]!;
      yield `${i === 0 ? "" : ","}\n${inner}${JSON.stringify(key)}: `;
      yield* jsonChunks(v, inner);
    }
    yield `\n${indent}}`;
    return;
  }
  const text = JSON.stringify(value, null, 2) ?? "null";
  yield indent ? text.replace(/\n/g, `\n${indent}`) : text;
}

/** Writes `value` as indented JSON with a final line break, creating the folder; says plainly when it cannot. */
export function writeJsonFile(file: string, value: unknown): void {
  let fd: number | null = null;
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fd = fs.openSync(file, "w");
    let pending: string[] = [];
    let size = 0;
    for (const chunk of jsonChunks(value)) {
      pending.push(chunk);
      size += chunk.length;
      if (size > 1 << 20) {
        fs.writeSync(fd, pending.join(""));
        pending = [];
        size = 0;
      }
    }
    pending.push("\n");
    fs.writeSync(fd, pending.join(""));
  } catch (e) {
    // Only the file system's refusals are the user's to fix; anything else is a bug and stays one.
    // (Checked by shape: errors from Node's own modules are not instances of a sandbox's Error.)
    const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
    if (typeof code !== "string") throw e;
    throw new InputError(`Cannot write ${file} (${code}); check the folder exists and is writable.`, { file });
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
