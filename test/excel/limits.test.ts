/**
 * Every job the task pane runs passes against an Excel test host that refuses any request or
 * response over its limit, as Excel on the web refuses one over 5 MB. So that each job is
 * several times over the limit without minutes of work, the host's limits here are 96 KB and
 * the adapter's budgets 76 KB (the same fifth below the limit as its 4 MB under 5 MB); the
 * last test reads 50,000 observations under the real 5 MB limits. For each job: nothing is
 * refused, no request or response passes the limit, the job really was split, the syncs are
 * the fixed ones and one more for each budget's worth of bytes, and the result is the same as
 * with no limit at all.
 */
import { indicatorWorkbookPlan } from "../../src/cli/verbs/ingest";
import { defaultFramework } from "../../src/core/framework/default-framework";
import { analyseGaps, gapAnalysisPlan, GAP_SHEET } from "../../src/core/gap";
import type { GridWorkbook } from "../../src/core/grid/grid";
import { ingestWorkbook } from "../../src/core/ingest";
import type { Indicator, IngestResult } from "../../src/core/model/model";
import type { WorkbookPlan } from "../../src/core/plan/plan";
import { applyRag, RagRuleSchema } from "../../src/core/rag";
import { RETURN_SHEET, returnTemplatePlan, SPEC_SHEET, validateReturn } from "../../src/core/returns";
import { scorecardPlan } from "../../src/core/scorecard";
import { readWorkbook } from "../../src/excel";
import { renderOwnedPlan, type OwnedRenderOptions } from "../../src/excel/ownership";
import { ExcelHost, REQUEST_LIMIT_BYTES, RESPONSE_LIMIT_BYTES, type SeedSheet } from "../excel-host";
import { generateScorecard, scorecardWorkbook } from "../generators/scorecard";

const LIMIT = 96 * 1024;
const BUDGET = 76 * 1024;
const NOW = () => new Date("2025-10-01T09:30:00Z");
const LIMITED: OwnedRenderOptions = { requestBudgetBytes: BUDGET, responseBudgetBytes: BUDGET, now: NOW };
const UNLIMITED: OwnedRenderOptions = { requestBudgetBytes: Number.POSITIVE_INFINITY, responseBudgetBytes: Number.POSITIVE_INFINITY, now: NOW };

function limitedHost(sheets?: SeedSheet[]): ExcelHost {
  return new ExcelHost({ requestLimitBytes: LIMIT, responseLimitBytes: LIMIT, ...(sheets ? { sheets } : {}) });
}

function unlimitedHost(sheets?: SeedSheet[]): ExcelHost {
  return new ExcelHost({ requestLimitBytes: Number.POSITIVE_INFINITY, responseLimitBytes: Number.POSITIVE_INFINITY, ...(sheets ? { sheets } : {}) });
}

/** The syncs from `from` on kept every limit, the job was over the limit, and took no more syncs than its bytes force. */
function expectWithinLimits(host: ExcelHost, from: number, fixedSyncs: number, limit = LIMIT, budget = BUDGET): void {
  const requests = host.requests.slice(from);
  const sent = requests.reduce((n, r) => n + r.bytes, 0);
  const received = requests.reduce((n, r) => n + r.responseBytes, 0);
  expect(requests.filter((r) => !r.ok)).toEqual([]);
  expect(Math.max(...requests.map((r) => r.bytes))).toBeLessThanOrEqual(limit);
  expect(Math.max(...requests.map((r) => r.responseBytes))).toBeLessThanOrEqual(limit);
  expect(Math.max(sent, received)).toBeGreaterThan(limit);
  expect(requests.length).toBeGreaterThan(fixedSyncs);
  expect(requests.length).toBeLessThanOrEqual(fixedSyncs + Math.ceil(sent / budget) + Math.ceil(received / budget));
}

function scorecardRows(observations: number): ReturnType<typeof generateScorecard>["rows"] {
  return generateScorecard({ quarters: 4, agencies: 5, indicatorsPerAgency: Math.round(observations / 20), firstYear: 2025, blankRowsBetweenSections: true }).rows;
}

function ingested(observations: number): IngestResult {
  const detail = ingestWorkbook(scorecardWorkbook(scorecardRows(observations)));
  const rule = RagRuleSchema.parse({});
  return { observations: applyRag(detail.observations, detail.indicators, rule), indicators: detail.indicators, warnings: detail.warnings };
}

/** Writes the plan under the limits and with none; both workbooks must be the same. */
async function writeBothWays(plan: WorkbookPlan, options: OwnedRenderOptions = {}): Promise<ExcelHost> {
  const host = limitedHost();
  await renderOwnedPlan(host.context, plan, { ...LIMITED, ...options });
  const free = unlimitedHost();
  const fixed = await renderOwnedPlan(free.context, plan, { ...UNLIMITED, ...options });
  expectWithinLimits(host, 0, fixed.totalSyncs);
  expect(host.snapshot()).toEqual(free.snapshot());
  return host;
}

async function readBothWays(sheets: SeedSheet[]): Promise<GridWorkbook> {
  const host = limitedHost(sheets);
  const book = await readWorkbook(host.context, { responseBudgetBytes: BUDGET });
  const free = unlimitedHost(sheets);
  const whole = await readWorkbook(free.context, { responseBudgetBytes: Number.POSITIVE_INFINITY });
  expectWithinLimits(host, 0, free.syncCount);
  expect(book).toEqual(whole);
  return book;
}

test("ingest: reading a circulated scorecard of 2,000 figures", async () => {
  const book = await readBothWays([{ name: "Scorecard", rows: { values: scorecardRows(2000) } }]);
  expect(ingestWorkbook(book).observations).toHaveLength(2000);
});

test("rag: writing the live scorecard", async () => {
  const result = ingested(2000);
  await writeBothWays({ sheets: scorecardPlan(result.observations, result.indicators, RagRuleSchema.parse({}), { groupBy: "agency" }), activeSheet: "Scorecard" });
});

test("indicator sheets: writing them, then again over the add-in's own, unchanged (the register's counts prove it) and changed by hand (the check reads the sheet back)", async () => {
  const plan = indicatorWorkbookPlan(ingested(2000), RagRuleSchema.parse({}));
  const host = await writeBothWays(plan);
  const unchanged = await renderOwnedPlan(host.context, plan, LIMITED);
  expect(unchanged.checkSyncs).toBe(1);
  const free = unlimitedHost();
  await renderOwnedPlan(free.context, plan, UNLIMITED);
  for (const h of [host, free]) {
    h.context.workbook.worksheets.getItem("Observations").getRange("B2").values = [["changed by hand"]];
    await h.context.sync();
  }
  const start = free.syncCount;
  await renderOwnedPlan(free.context, plan, { ...UNLIMITED, force: ["Observations"] });
  const fixed = free.syncCount - start;
  const from = host.syncCount;
  const again = await renderOwnedPlan(host.context, plan, { ...LIMITED, force: ["Observations"] });
  expect(again.replaced).toEqual(["Scorecard", "Indicators", "Observations"]);
  expect(again.forced).toEqual(["Observations"]);
  expect(again.checkSyncs).toBeGreaterThan(2);
  expectWithinLimits(host, from, fixed);
  expect(host.snapshot()).toEqual(free.snapshot());
});

test("gap analysis: writing the framework's sheets", async () => {
  const result = analyseGaps(ingested(2000).indicators, defaultFramework);
  await writeBothWays({ sheets: gapAnalysisPlan(result, defaultFramework), activeSheet: GAP_SHEET });
});

function returnIndicators(n: number): Indicator[] {
  const units = ["count", "percent", "rate", "days"] as const;
  return Array.from({ length: n }, (_, i) => ({
    id: `PO${String(i + 1).padStart(4, "0")}`,
    name: `Police safeguarding measure ${i + 1}`,
    agency: "Police",
    unit: units[i % 4]!,
    polarity: i % 2 ? "lower" : "higher",
    target: 50 + (i % 30),
    contentArea: null,
    type: null,
    source: null,
    frequency: "quarterly",
  }));
}

test("return template, then validating the return filled in", async () => {
  const rows = 600;
  const plan = returnTemplatePlan({ indicators: returnIndicators(rows), partnership: "Northshire", agency: "Police", period: { start: "2025-07-01", end: "2025-09-30", label: "Q2 2025/26" } });
  const host = await writeBothWays(plan, { fixedNames: [RETURN_SHEET, SPEC_SHEET] });
  // The agency lead types a figure into every Value cell.
  const grid = (await readWorkbook(host.context, { sheets: [RETURN_SHEET], responseBudgetBytes: BUDGET })).sheets[0]!;
  const header = grid.rows.findIndex((row) => row.some((c) => c.value === "Value"));
  const valueCol = (grid.rows[header] ?? []).findIndex((c) => c.value === "Value");
  const ws = host.context.workbook.worksheets.getItem(RETURN_SHEET);
  ws.getRangeByIndexes(grid.origin.row + header + 1, grid.origin.col + valueCol, rows, 1).values = Array.from({ length: rows }, (_, i) => [60 + (i % 40)]);
  await host.context.sync();
  const from = host.syncCount;
  const book = await readWorkbook(host.context, { responseBudgetBytes: BUDGET });
  expectWithinLimits(host, from, 3);
  const checked = validateReturn({ ...book, file: "police.xlsx" });
  expect(checked.readable).toBe(true);
  expect(checked.observations.filter((o) => o.status === "ok")).toHaveLength(rows);
});

test("under Excel's real 5 MB limits: 50,000 figures (an answer of over 5 MB) are read and ingested", async () => {
  const values = scorecardRows(50_000);
  const host = new ExcelHost({ sheets: [{ name: "Scorecard", rows: { values } }] });
  const book = await readWorkbook(host.context);
  const received = host.requests.reduce((n, r) => n + r.responseBytes, 0);
  expect(received).toBeGreaterThan(RESPONSE_LIMIT_BYTES);
  expect(host.requests.every((r) => r.ok && r.bytes < REQUEST_LIMIT_BYTES && r.responseBytes < RESPONSE_LIMIT_BYTES)).toBe(true);
  expect(host.syncCount).toBeLessThanOrEqual(3 + Math.ceil(received / RESPONSE_LIMIT_BYTES));
  expect(ingestWorkbook(book).observations).toHaveLength(50_000);
});
