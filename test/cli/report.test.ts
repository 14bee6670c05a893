/**
 * `report` as the contract describes it, on the indicator workbook `ingest --out` writes from the
 * bundled sample: the JSON's sheets and withheld cells, the input never changed, and an analyst's
 * writing in the story and actions boxes kept when the book is written again over itself.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { defaultFramework } from "../../src/core/framework";
import { runCli, sha256File } from "./run-cli";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "partnership-scorecard-q2-2025-26.xlsx");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sgp-report-"));
const indicators = path.join(dir, "indicators.xlsx");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const { code } = await runCli("ingest", SAMPLE, "--json", path.join(dir, "obs.json"), "--out", indicators);
  expect([0, 1]).toContain(code);
}, 120_000);

describe("report", () => {
  it("writes a contents page and a page per content area, and the JSON the contract gives", async () => {
    const before = sha256File(indicators);
    const book = path.join(dir, "book.xlsx");
    const json = path.join(dir, "book.json");
    const { code, out } = await runCli("report", indicators, "--out", book, "--json", json);
    expect(code).toBe(0);
    expect(out).toMatch(/^Wrote the report book .*: a contents page and 9 content-area pages with \d+ charts\.\n$/);
    expect(sha256File(indicators)).toBe(before);
    const result = JSON.parse(fs.readFileSync(json, "utf8")) as { sheets: { name: string; area: string | null; charts: number }[]; suppressed: unknown[] };
    expect(result.sheets.map((s) => s.area)).toEqual([null, ...defaultFramework.areas.map((a) => a.name)]);
    expect(result.sheets.reduce((n, s) => n + s.charts, 0)).toBeGreaterThan(5);
    expect(result.suppressed).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    expect(wb.worksheets.map((w) => w.name)).toEqual(result.sheets.map((s) => s.name));
  }, 120_000);

  it("keeps what was written in the story and actions boxes when the book is written again", async () => {
    const book = path.join(dir, "kept.xlsx");
    expect((await runCli("report", indicators, "--out", book)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const page = wb.worksheets[1]!;
    const labelRow = (label: string): number => {
      let found = 0;
      page.eachRow((row, n) => {
        if (row.getCell(1).value === label) found = n;
      });
      return found;
    };
    page.getCell(labelRow("The story behind the figures") + 1, 1).value = "Contacts rose after the schools' campaign in September.";
    page.getCell(labelRow("Actions") + 1, 1).value = "Front door manager to review thresholds by 31 January.";
    await wb.xlsx.writeFile(book);

    const again = await runCli("report", indicators, "--out", book);
    expect(again.out).toMatch(/keeping what was written on 1 page/);
    const rebuilt = new ExcelJS.Workbook();
    await rebuilt.xlsx.readFile(book);
    const values: unknown[] = [];
    rebuilt.worksheets[1]!.eachRow((row) => values.push(row.getCell(1).value));
    expect(values).toContain("Contacts rose after the schools' campaign in September.");
    expect(values).toContain("Front door manager to review thresholds by 31 January.");
  }, 120_000);

  it("withholds small numbers with --publish and lists every withheld cell and why", async () => {
    const json = path.join(dir, "published.json");
    const { code, out } = await runCli("report", indicators, "--out", path.join(dir, "published.xlsx"), "--publish", "--threshold", "10", "--json", json);
    expect(code).toBe(0);
    const result = JSON.parse(fs.readFileSync(json, "utf8")) as { suppressed: { sheet: string; cell: string; reason: string }[] };
    expect(result.suppressed.length).toBeGreaterThan(0);
    expect(result.suppressed.every((s) => /^[A-Z]+\d+$/.test(s.cell) && ["small number", "secondary"].includes(s.reason))).toBe(true);
    expect(out).toMatch(new RegExp(`${result.suppressed.length} figures? withheld for publication`));
  }, 120_000);

  it("refuses, in one sentence, a file that is not an indicator workbook, and an output over its input", async () => {
    const notBook = await runCli("report", SAMPLE, "--out", path.join(dir, "x.xlsx"));
    expect(notBook.code).toBe(2);
    expect(notBook.err).toMatch(/has no "Observations" sheet as ingest --out writes it/);
    const over = await runCli("report", indicators, "--out", indicators);
    expect(over.code).toBe(2);
    expect(over.err).toMatch(/never changes an input file/);
  });
});
