/**
 * The ownership check at scale, against the Excel test host's real limits (5 MB a request, 5 MB
 * a response): a hand edit anywhere in an add-in sheet of 50,000 rows (its first cell, a cell in
 * the middle, its last cell) makes the register's live count non-zero, so the sheet is read back
 * in blocks whose answers stay under the limit, the edit is caught, and the add-in asks before
 * replacing it and writes nothing. Unchanged, the sheet is not read at all.
 */
import type { PlanValue, WorkbookPlan } from "../../src/core/plan/plan";
import { OwnershipError, renderOwnedPlan } from "../../src/excel/ownership";
import { ExcelHost, RESPONSE_LIMIT_BYTES } from "../excel-host";

const ROWS = 50_000;

/** One add-in sheet of 50,000 observations-like rows: reading it back is about 9 MB, two answers' worth at least. */
function plan(): WorkbookPlan {
  const values: PlanValue[][] = [["Indicator ID", "Indicator", "Agency", "Period", "Value", "Status", "Source"]];
  for (let i = 0; i < ROWS - 1; i++) {
    values.push([`CS${String(i).padStart(5, "0")}`, `Children subject to a child protection plan ${i % 500}`, "Children's Social Care", `Q${(i % 4) + 1} 2025/26`, 10 + (i % 97) / 10, "ok", `Scorecard!E${i + 7}`]);
  }
  return { sheets: [{ name: "Observations", blocks: [{ at: "A1", values }] }] };
}

async function refusal(p: Promise<unknown>): Promise<OwnershipError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof OwnershipError) return e;
    throw e;
  }
  throw new Error("expected the write to be refused");
}

test("a hand edit at the first, a middle and the last cell of a 50,000-row sheet is caught, each check's answers under 5 MB", async () => {
  const host = new ExcelHost();
  const p = plan();
  await renderOwnedPlan(host.context, p);
  const sheet = host.context.workbook.worksheets.getItem("Observations");
  const last = `G${ROWS}`;
  for (const [address, typed] of [
    ["A1", "Indicator"],
    ["E25000", 99.9],
    [last, "my note"],
  ] as const) {
    const before = host.cell("Observations", address)?.value ?? null;
    sheet.getRange(address).values = [[typed]];
    await host.context.sync();
    host.resetCounters();
    const sheets = host.sheetNames();
    const err = await refusal(renderOwnedPlan(host.context, p));
    expect({ address, conflicts: err.conflicts }).toEqual({ address, conflicts: [{ sheet: "Observations", reason: "changed-by-hand" }] });
    // Nothing written (the edit is still there, no sheet added); the whole sheet was read, in more than one answer, each under the limit.
    expect([host.sheetNames(), host.cell("Observations", address)?.value]).toEqual([sheets, typed]);
    const answers = host.requests.map((r) => r.responseBytes);
    expect(host.requests.every((r) => r.ok)).toBe(true);
    expect(answers.filter((b) => b > 1_000_000).length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...answers)).toBeLessThan(RESPONSE_LIMIT_BYTES);
    // Put back as the add-in wrote it: no longer a change.
    sheet.getRange(address).values = [[before === null ? "" : typeof before === "string" && /\d/.test(before) ? `'${before}` : before]];
    await host.context.sync();
  }
  // Unchanged again, it is replaced without a question, and without reading it back: the
  // register's live count of cells changed proves it, in one sync of a few kilobytes.
  host.resetCounters();
  const done = await renderOwnedPlan(host.context, p);
  expect(done.replaced).toEqual(["Observations"]);
  expect(done.checkSyncs).toBe(1);
  expect(host.requests[0]?.responseBytes).toBeLessThan(20_000);
  expect(host.requests.every((r) => r.ok && r.bytes < RESPONSE_LIMIT_BYTES && r.responseBytes < RESPONSE_LIMIT_BYTES)).toBe(true);
});
