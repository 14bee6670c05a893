/**
 * The shared real-world files (../shared/real-world/files from the project root), and the tests'
 * own CSV splitter (test/support/csv.ts), so that what the product reads is checked against the
 * file's own text, not against the product's reader.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { splitCsv } from "../../support/csv";

export const SHARED_FILES = path.resolve(__dirname, "../../../../shared/real-world/files");

/**
 * `test` where the shared files are present; elsewhere `test.skip`, with one line saying why (a
 * newcomer's clone has no ../shared).
 */
export function withSharedFiles(suite: string): jest.It {
  if (fs.existsSync(SHARED_FILES)) return test;
  console.warn(`${suite}: SKIPPED, the shared real-world files are not here (${SHARED_FILES}); they sit beside the project, not in it.`);
  return test.skip;
}

export function sharedFile(name: string): string {
  return path.join(SHARED_FILES, name);
}


/** A CSV as objects by heading, with each row's 1-based line number (the sheet row). */
export function csvRecords(file: string): { headings: string[]; records: { line: number; cells: Record<string, string>; raw: string[] }[] } {
  const [headings, ...rows] = splitCsv(fs.readFileSync(file, "utf8"));
  const records = rows
    .map((raw, i) => ({ line: i + 2, raw, cells: Object.fromEntries(headings!.map((h, j) => [h, raw[j] ?? ""])) }))
    .filter((r) => r.raw.some((c) => c !== ""));
  return { headings: headings!, records };
}

/** "A" for column 0, "AA" for 26: written again here so the test does not lean on the product. */
export function letters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
