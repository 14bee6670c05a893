/**
 * The benchmark's pass/fail rule (scripts/bench.ts), on results made up to break it: sync counts
 * that grow with size, or a request over Excel's 5 MB, must fail the run.
 */
import { checkPromises, type BenchResult } from "../../scripts/bench";

function r(name: string, rows: number, fixedSyncs: number, maxRequestBytes = 1000, estimatedResponseBytes = 0): BenchResult {
  return {
    name,
    rows,
    engineMs: 1,
    syncs: fixedSyncs,
    maxRequestBytes,
    estimatedMaxRequestBytes: maxRequestBytes,
    fixedSyncs,
    totalRequestBytes: maxRequestBytes,
    adapterMs: 1,
    progressReports: fixedSyncs,
    estimatedResponseBytes,
  };
}

function check(results: BenchResult[]): { problems: string[]; warnings: string[] } {
  const found = { problems: [] as string[], warnings: [] as string[] };
  checkPromises(results, found);
  return found;
}

test("flat fixed syncs and small requests pass", () => {
  expect(check([r("rag", 100, 1), r("rag", 50_000, 1), r("ingest", 100, 2), r("ingest", 50_000, 2)])).toEqual({ problems: [], warnings: [] });
});

test("a job whose sync count grows with size fails, naming the job and the counts", () => {
  expect(check([r("rag", 100, 1), r("rag", 5_000, 1), r("rag", 50_000, 3)]).problems).toEqual(["rag: sync counts change with size (1 at 100, 1 at 5000, 3 at 50000)."]);
});

test("a request over 5 MB fails; a read answer over 5 MB is a warning", () => {
  const found = check([r("indicator-sheets", 50_000, 1, 5 * 1024 * 1024 + 1), r("ingest", 50_000, 2, 300, 6 * 1024 * 1024)]);
  expect(found.problems).toEqual([`indicator-sheets at 50000: a request of ${5 * 1024 * 1024 + 1} bytes exceeds Excel's 5 MB limit.`]);
  expect(found.warnings).toHaveLength(1);
  expect(found.warnings[0]).toMatch(/^ingest at 50000: Excel's answer to the read would be about 6\.0 MB/);
});
