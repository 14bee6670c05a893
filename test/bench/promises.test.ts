/**
 * The benchmark's pass/fail rule (scripts/bench.ts), on results made up to break it: sync counts
 * that grow with size for any reason but bytes, more syncs than the bytes force, or a request or
 * a response over Excel's 5 MB, must fail the run.
 */
import { checkPromises, type BenchResult } from "../../scripts/bench";

const MB5 = 5 * 1024 * 1024;

function r(name: string, rows: number, fixedSyncs: number, more: Partial<BenchResult> = {}): BenchResult {
  const base: BenchResult = {
    name,
    rows,
    engineMs: 1,
    syncs: fixedSyncs,
    maxRequestBytes: 1000,
    estimatedMaxRequestBytes: 1000,
    fixedSyncs,
    totalRequestBytes: 1000,
    maxResponseBytes: 0,
    totalResponseBytes: 0,
    requestBytesPerRow: 0,
    responseBytesPerRow: 0,
    allowedSyncs: fixedSyncs + 1,
    adapterMs: 1,
    progressReports: fixedSyncs,
  };
  return { ...base, ...more };
}

function check(results: BenchResult[]): { problems: string[]; warnings: string[] } {
  const found = { problems: [] as string[], warnings: [] as string[] };
  checkPromises(results, found);
  return found;
}

test("flat fixed syncs, small requests and responses, and syncs within what bytes force pass", () => {
  expect(check([r("rag", 100, 1), r("rag", 50_000, 1, { syncs: 4, allowedSyncs: 4 }), r("ingest", 100, 3), r("ingest", 50_000, 3)])).toEqual({ problems: [], warnings: [] });
});

test("a job whose fixed sync count grows with size fails, naming the job and the counts", () => {
  expect(check([r("rag", 100, 1), r("rag", 5_000, 1), r("rag", 50_000, 3)]).problems).toEqual(["rag: sync counts change with size (1 at 100, 1 at 5000, 3 at 50000)."]);
});

test("a request over 5 MB fails, and so does a response over 5 MB", () => {
  const found = check([r("indicator-sheets", 50_000, 1, { maxRequestBytes: MB5 + 1 }), r("ingest", 50_000, 3, { maxResponseBytes: MB5 + 2 })]);
  expect(found.problems).toEqual([
    `indicator-sheets at 50000: a request of ${MB5 + 1} bytes exceeds Excel's 5 MB limit.`,
    `ingest at 50000: a response of ${MB5 + 2} bytes exceeds Excel on the web's 5 MB limit.`,
  ]);
});

test("more syncs than fixed + ceil(bytes / 5 MB) fail, saying what the bytes were", () => {
  const found = check([r("validate", 10_000, 3, { syncs: 6, allowedSyncs: 5, totalRequestBytes: 1800, totalResponseBytes: 9_000_000 })]);
  expect(found.problems).toEqual(["validate at 10000: 6 syncs, more than the 5 its bytes force (3 fixed, 1800 bytes sent, 9000000 received)."]);
});
