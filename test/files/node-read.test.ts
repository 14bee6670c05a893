import { createHash } from "crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readWorkbookFile } from "../../src/files/node";
import { expectInputError, scorecardWorkbook } from "./fixtures";

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

describe("reading from a path", () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "files-read-"));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test("reading never modifies the file", async () => {
    const xlsx = join(dir, "scorecard.xlsx");
    const csv = join(dir, "return.csv");
    writeFileSync(xlsx, await scorecardWorkbook());
    writeFileSync(csv, "Agency,Value\nPolice,12\n");
    for (const path of [xlsx, csv]) {
      const before = { hash: sha256(path), mtime: statSync(path).mtimeMs, size: statSync(path).size };
      const book = await readWorkbookFile(path);
      expect(book.sheets.length).toBeGreaterThan(0);
      expect({ hash: sha256(path), mtime: statSync(path).mtimeMs, size: statSync(path).size }).toEqual(before);
    }
    const book = await readWorkbookFile(csv);
    expect(book.file).toBe("return.csv");
    expect(book.sheets[0]!.rows[1]!.map((c) => c.value)).toEqual(["Police", 12]);
  });

  test("a missing file, a folder and a file over the size limit", async () => {
    await expectInputError(() => readWorkbookFile(join(dir, "missing.xlsx")), "missing.xlsx", /was not found in /);
    const folder = join(dir, "returns.xlsx");
    rmSync(folder, { force: true, recursive: true });
    mkdirSync(folder);
    await expectInputError(() => readWorkbookFile(folder), "returns.xlsx", /is a folder/);
    const big = join(dir, "big.csv");
    writeFileSync(big, "a,b\n".repeat(1000));
    await expectInputError(() => readWorkbookFile(big, { maxBytes: 1024 }), "big.csv", /too large/);
  });
});
