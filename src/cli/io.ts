/** File handling shared by the verbs: inputs are only read, outputs only go where the user points. */
import * as fs from "node:fs";
import * as path from "node:path";
import { InputError } from "../core/errors";
import { writeJsonFile } from "./json-file";

/** Refuses an output path that is one of the inputs: files are never changed in place. */
export function assertNotAnInput(outPath: string, inputs: string[], flag: string): void {
  const out = path.resolve(outPath);
  for (const input of inputs) {
    if (path.resolve(input) === out) {
      throw new InputError(`${flag} ${outPath} is the input file itself; this tool never changes an input file, so choose another name.`, { file: input });
    }
  }
}

export function assertReadable(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new InputError(`Cannot find the file ${file}.`, { file });
  }
  if (!stat.isFile()) throw new InputError(`${file} is a folder, not a file.`, { file });
}

/** Writes a file, creating its folder; says plainly when the place cannot be written. */
export function writeOutput(file: string, data: string | Uint8Array): void {
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, data);
  } catch (e) {
    const reason = e instanceof Error && "code" in e ? String((e as NodeJS.ErrnoException).code) : "unknown reason";
    throw new InputError(`Cannot write ${file} (${reason}); check the folder exists and is writable.`, { file });
  }
}

export function writeJson(file: string, value: unknown): void {
  writeJsonFile(file, value);
}
