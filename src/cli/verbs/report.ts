/**
 * `report INPUT --out BOOK.xlsx [--framework FRAMEWORK.json] [--publish] [--threshold N] [--json OUT.json]`
 * (../shared/contract/CLI.md): the report book from the indicator workbook that `ingest --out`
 * writes (or an ingest JSON). Where BOOK.xlsx is an earlier book, what the analyst wrote in its
 * story and actions boxes is kept. With --publish, small numbers are withheld and the JSON lists
 * every withheld cell and why; the input, the working copy, is never changed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { InputError } from "../../core/errors";
import { readIndicatorSet } from "../../core/indicator-set";
import { OBSERVATIONS_SHEET, readObservationsSheet } from "../../core/indicator-sheets";
import { IngestResultSchema, firstProblem, type Framework, type Indicator, type Observation } from "../../core/model";
import { keptWriting, reportBook, type KeptWriting } from "../../core/report/book";
import { renderPlanToXlsx } from "../../files";
import { readWorkbookFile } from "../../files/node";
import { assertNotAnInput, assertReadable, writeJson, writeOutput } from "../io";
import { EXIT_DONE } from "../run";
import { loadFramework } from "./gap";
import { readRagRule } from "./ingest";

export interface ReportArgs {
  out: string;
  framework?: string;
  publish?: boolean;
  threshold?: string;
  json?: string;
  ragRule?: string;
}

/** The figures and indicators of an ingest JSON or an indicator workbook. */
async function readFigures(file: string): Promise<{ observations: Observation[]; indicators: Indicator[] }> {
  assertReadable(file);
  const name = path.basename(file);
  if (/\.json$/i.test(file)) {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch {
      throw new InputError(`${name} is not valid JSON; give the JSON that ingest writes, or the workbook from ingest --out.`, { file });
    }
    const parsed = IngestResultSchema.safeParse(raw);
    if (!parsed.success) throw new InputError(`${name} is not an ingest JSON: ${firstProblem(parsed.error)}.`, { file });
    return { observations: parsed.data.observations, indicators: parsed.data.indicators };
  }
  const workbook = await readWorkbookFile(file);
  const sheet = workbook.sheets.find((s) => s.sheet === OBSERVATIONS_SHEET);
  const observations = sheet ? readObservationsSheet(sheet) : null;
  if (!observations) {
    throw new InputError(`${name} has no "${OBSERVATIONS_SHEET}" sheet as ingest --out writes it; make the indicator workbook with ingest first, or give its JSON.`, { file });
  }
  const indicators = workbook.sheets.some((s) => s.sheet === "Indicators") ? readIndicatorSet(workbook).indicators : [];
  return { observations, indicators };
}

/** What the analyst wrote in an earlier book at the output path, by area; nothing when there is none. */
async function earlierWriting(out: string, framework: Framework): Promise<Map<string, KeptWriting>> {
  if (!fs.existsSync(out)) return new Map();
  let workbook;
  try {
    workbook = await readWorkbookFile(out);
  } catch {
    return new Map();
  }
  const areas = new Set(framework.areas.map((a) => a.name));
  const pages = workbook.sheets
    .map((g) => ({ area: String(g.rows[0]?.[0]?.value ?? ""), cells: g.rows.map((row) => row.map((c) => c.value)) }))
    .filter((p) => areas.has(p.area));
  return keptWriting(pages);
}

export async function runReport(input: string, args: ReportArgs): Promise<number> {
  const inputs = [input, ...(args.framework !== undefined ? [args.framework] : [])];
  assertNotAnInput(args.out, inputs, "--out");
  if (args.json !== undefined) assertNotAnInput(args.json, inputs, "--json");
  let threshold: number | undefined;
  if (args.threshold !== undefined) {
    threshold = Number(args.threshold);
    if (!Number.isInteger(threshold) || threshold < 1 || threshold > 100) throw new InputError(`--threshold ${args.threshold} is not a whole number from 1 to 100.`);
  }
  const framework = loadFramework(args.framework);
  const rule = readRagRule(args.ragRule);
  const { observations, indicators } = await readFigures(input);
  const kept = await earlierWriting(args.out, framework);
  const book = reportBook(observations, indicators, framework, {
    rule,
    kept,
    ...(args.publish ? { publish: threshold === undefined ? {} : { threshold } } : {}),
  });
  writeOutput(args.out, await renderPlanToXlsx(book.plan));
  if (args.json !== undefined) writeJson(args.json, { sheets: book.sheets, suppressed: book.suppressed });
  const keptCount = [...kept.values()].filter((k) => k.story || k.actions).length;
  process.stdout.write(
    `Wrote the report book ${args.out}: a contents page and ${book.sheets.length - 1} content-area pages with ${book.sheets.reduce((n, s) => n + s.charts, 0)} charts` +
      `${keptCount ? `, keeping what was written on ${keptCount} page${keptCount === 1 ? "" : "s"}` : ""}` +
      `${args.publish ? `; ${book.suppressed.length} figure${book.suppressed.length === 1 ? "" : "s"} withheld for publication` : ""}.\n`,
  );
  return EXIT_DONE;
}
