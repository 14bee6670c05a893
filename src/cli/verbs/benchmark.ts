/**
 * `benchmark OPEN_DATA.csv... --area NAME_OR_CODE --json OUT.json [--neighbours LIST] [--out OUT.xlsx]`
 * (../shared/contract/CLI.md): one local authority beside England, its region and its
 * statistical neighbours, on official statistics published as open data. Exit 0 when done;
 * 2, with one plain sentence, when a file is not open data, the list is not a neighbour list,
 * or the area is not in the files (with the names that come close).
 */
import { benchmark, benchmarkPlan, leftOutTotals, openDataSource, readNeighbourList, type BenchmarkResult, type BenchmarkSource, type NeighbourList } from "../../core/benchmark";
import type { Warning } from "../../core/model";
import { renderPlanToXlsx } from "../../files";
import { readWorkbookFile } from "../../files/node";
import { assertNotAnInput, assertReadable, writeJson, writeOutput } from "../io";
import { EXIT_DONE } from "../run";

export interface BenchmarkArgs {
  area: string;
  json: string;
  neighbours?: string;
  out?: string;
}

/** Every open-data sheet of a file; a file with none is not what the verb takes. */
export async function readOpenDataFile(file: string): Promise<{ source: BenchmarkSource; warnings: Warning[] }> {
  assertReadable(file);
  return openDataSource(await readWorkbookFile(file));
}

async function readNeighbours(file: string | undefined): Promise<NeighbourList | null> {
  if (file === undefined) return null;
  assertReadable(file);
  return readNeighbourList(await readWorkbookFile(file));
}

/** The JSON written: the contract's fields, with the files' own reading warnings first. */
export function benchmarkJson(result: BenchmarkResult, readWarnings: Warning[]): BenchmarkResult {
  return { ...result, warnings: [...readWarnings, ...result.warnings] };
}

function summary(result: BenchmarkResult, args: BenchmarkArgs): string {
  const a = result.area;
  const periods = [...new Set(result.rows.map((r) => r.period.label))];
  const left = leftOutTotals(result);
  return (
    `${a.name}${a.oldCode ? ` (${a.oldCode})` : ""}, ${a.region ?? "no region"}, ${result.neighbours.length} neighbours: ` +
    `${result.rows.length} indicator rows at ${periods.slice(0, 3).join(", ") || "no period"}${periods.length > 3 ? ", ..." : ""}; ` +
    `${left.neighbours} neighbour figures and ${left.authorities} authority figures left out of means and ranks (suppressed, low reliability or not available). ` +
    `Wrote ${args.json}${args.out !== undefined ? ` and ${args.out}` : ""}.\n`
  );
}

export async function runBenchmark(files: string[], args: BenchmarkArgs): Promise<number> {
  const inputs = [...files, ...(args.neighbours !== undefined ? [args.neighbours] : [])];
  assertNotAnInput(args.json, inputs, "--json");
  if (args.out !== undefined) assertNotAnInput(args.out, inputs, "--out");
  const sources: BenchmarkSource[] = [];
  const readWarnings: Warning[] = [];
  for (const file of files) {
    const { source, warnings } = await readOpenDataFile(file);
    sources.push(source);
    readWarnings.push(...warnings);
  }
  const neighbours = await readNeighbours(args.neighbours);
  const result = benchmark(sources, { area: args.area, neighbours });
  writeJson(args.json, benchmarkJson(result, readWarnings));
  if (args.out !== undefined) writeOutput(args.out, await renderPlanToXlsx(benchmarkPlan(result, sources.map((s) => s.file))));
  process.stdout.write(summary(result, args));
  return EXIT_DONE;
}
