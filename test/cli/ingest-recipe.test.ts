/**
 * `ingest --recipe`: the analyst's corrections, kept as a reading recipe, read next quarter's
 * workbook (same layout, new figures) on the command line exactly as the task pane reads it with
 * that recipe, whether the pane finds the recipe kept in the workbook or is handed the file. The
 * recipe's use is said in the JSON (a RECIPE_APPLIED note per sheet); a recipe that fits no sheet
 * is a doubt (exit 1); a file that is not a recipe is one sentence (exit 2); inputs never change.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { IngestResult, ReadingRecipe } from "../../src/core/model";
import { applyRag, RagRuleSchema } from "../../src/core/rag";
import { recipeFrom } from "../../src/core/recipes";
import { createExcelOperations } from "../../src/taskpane/office/excel-operations";
import { ExcelHost } from "../excel-host";
import { CORRECTIONS, keptChoiceSeeds, nextQuarter, NEXT_QUARTER_FILE, recipeOnly, sampleWorkbook, seedOfGrid, xlsxOf } from "../core/recipes/kit";
import { hostDeps } from "../taskpane/excel-deps";
import { runCli as run, sha256File as sha256 } from "./run-cli";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sgp-ingest-recipe-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const readJson = (file: string): IngestResult => JSON.parse(fs.readFileSync(file, "utf8")) as IngestResult;

/** This quarter's corrections as a recipe file, and next quarter's workbook as a file and as grids. */
async function quarter(): Promise<{ recipe: ReadingRecipe; recipeFile: string; next: Awaited<ReturnType<typeof sampleWorkbook>>; nextFile: string }> {
  const sample = await sampleWorkbook();
  const recipe = recipeFrom(sample, CORRECTIONS);
  const recipeFile = path.join(dir, "reading-recipe.json");
  fs.writeFileSync(recipeFile, `${JSON.stringify(recipe, null, 2)}\n`);
  const next = nextQuarter(sample);
  const nextFile = path.join(dir, NEXT_QUARTER_FILE);
  fs.writeFileSync(nextFile, await xlsxOf(next));
  return { recipe, recipeFile, next, nextFile };
}

describe("ingest --recipe", () => {
  it("reads next quarter's workbook with the recipe's corrections, as the pane does with the recipe kept in the workbook or given as a file", async () => {
    const { recipe, recipeFile, next, nextFile } = await quarter();
    const before = [recipeFile, nextFile].map(sha256);
    const json = path.join(dir, "o.json");
    const { code, err } = await run("ingest", nextFile, "--recipe", recipeFile, "--json", json);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect([recipeFile, nextFile].map(sha256)).toEqual(before);
    const cli = readJson(json);
    expect(cli.warnings.filter((w) => w.code === "RECIPE_APPLIED")).toEqual([
      { code: "RECIPE_APPLIED", message: "Read with the recipe reading-recipe.json: 2 corrections kept for this sheet's layout.", sheet: "Scorecard", cell: null },
    ]);
    // The corrections took: last year's outturn and Q1 are not read.
    expect(cli.observations.some((o) => o.period.label === "2024/25" || o.period.label === "Q1 2024/25")).toBe(false);
    expect(cli.observations.length).toBeGreaterThan(50);

    // The pane, on the same workbook open in Excel with the recipe kept in it.
    const host = new ExcelHost({ file: NEXT_QUARTER_FILE, sheets: [...next.sheets.map(seedOfGrid), ...keptChoiceSeeds(recipeOnly(recipe))] });
    const operations = createExcelOperations(hostDeps(host));
    const read = await operations.readWorkbook();
    expect(read.recipe).toEqual({ corrections: 2, sheets: ["Scorecard"] });
    expect(read.applied).toEqual(CORRECTIONS);
    const rule = RagRuleSchema.parse({});
    const rated = (r: typeof read.extraction) => applyRag(r.detail.observations, r.detail.indicators, rule);
    expect(rated(read.extraction)).toEqual(cli.observations);
    expect(read.extraction.detail.indicators).toEqual(cli.indicators);

    // The pane, with no recipe kept, handed the recipe file.
    const plain = createExcelOperations(hostDeps(new ExcelHost({ file: NEXT_QUARTER_FILE, sheets: next.sheets.map(seedOfGrid) })));
    const unread = await plain.readWorkbook();
    expect(unread.recipe).toBeNull();
    expect(rated(unread.extraction)).not.toEqual(cli.observations);
    const withFile = await plain.readWithRecipe(unread.imported, await plain.parseRecipe(fs.readFileSync(recipeFile, "utf8"), "reading-recipe.json"));
    expect(withFile.use).toEqual({ corrections: 2, sheets: ["Scorecard"] });
    expect(rated(withFile.extraction)).toEqual(cli.observations);
  });

  it("says so, and exits 1, when the recipe fits no sheet of the workbook", async () => {
    const { recipeFile } = await quarter();
    const other = path.join(dir, "other.csv");
    fs.writeFileSync(other, "Indicator,Q1 2025/26,Q2 2025/26\nReferrals,410,388\n");
    const json = path.join(dir, "o.json");
    const { code, err } = await run("ingest", other, "--recipe", recipeFile, "--json", json);
    expect(code).toBe(1);
    expect(err).toContain("RECIPE_NOT_MATCHED: The recipe reading-recipe.json fits no sheet of other.csv (no sheet has a layout it knows), so the workbook was read without its corrections.");
    expect(readJson(json).observations).toHaveLength(2);
  });

  it("refuses a file that is not a recipe in one sentence, writing nothing", async () => {
    const { nextFile } = await quarter();
    const bad = path.join(dir, "recipe.json");
    fs.writeFileSync(bad, JSON.stringify({ kind: "reading-recipe", version: 2, sheets: [] }));
    const json = path.join(dir, "o.json");
    const { code, err } = await run("ingest", nextFile, "--recipe", bad, "--json", json);
    expect(code).toBe(2);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toMatch(/^The recipe recipe\.json is not a reading recipe the add-in can use: /);
    expect(fs.existsSync(json)).toBe(false);
  });

  it("will not write its JSON over the recipe", async () => {
    const { recipeFile, nextFile } = await quarter();
    const before = sha256(recipeFile);
    const { code } = await run("ingest", nextFile, "--recipe", recipeFile, "--json", recipeFile);
    expect(code).toBe(2);
    expect(sha256(recipeFile)).toBe(before);
  });
});
