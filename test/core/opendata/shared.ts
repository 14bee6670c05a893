/**
 * The shared real-world files (../shared/real-world/files from the project root), and a tiny CSV
 * splitter written for the tests alone, so that what the product reads is checked against the
 * file's own text, not against the product's reader.
 */
import * as fs from "node:fs";
import * as path from "node:path";

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

/** RFC 4180 records, by hand: quoted fields, "" inside quotes, CRLF or LF; a leading BOM dropped. */
export function splitCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
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
