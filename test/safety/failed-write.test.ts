/**
 * A failed write leaves the workbook as it was, or says exactly what was written. Every sync of
 * a write split over several requests is made to fail in turn (before any of its operations,
 * part way, and after all of them, as when the connection drops once Excel has finished); each
 * time the user's sheets must be untouched, the report must match what the workbook holds, no
 * temporary sheet may be left behind, and running the job again must finish it without asking.
 */
import { renderPlan } from "../../src/excel";
import { contentFingerprint, planFingerprint, REGISTER_SHEET, renderOwnedPlan, WriteFailedError, type OwnedRenderOptions } from "../../src/excel/ownership";
import { ExcelHost } from "../excel-host";
import { indicatorPlan, USER_SHEETS, USER_SHEET_NAMES } from "./plans";

/** Small requests, so that the write takes several syncs; a fixed clock, so that the register's times match. */
const BUDGET = 48 * 1024;
const WRITE: OwnedRenderOptions = { requestBudgetBytes: BUDGET, now: () => new Date("2025-10-01T09:30:00Z") };
/** The earlier write lacks the Indicators sheet, so the new write adds one sheet and replaces two. */
const OLD = { ...indicatorPlan(3), sheets: indicatorPlan(3).sheets.filter((s) => s.name !== "Indicators") };
const NEW = indicatorPlan(40);

async function workbookWithEarlierWrite(): Promise<ExcelHost> {
  const host = new ExcelHost({ sheets: USER_SHEETS });
  await renderOwnedPlan(host.context, OLD, WRITE);
  return host;
}

async function fingerprintOf(host: ExcelHost, sheet: string): Promise<string | null> {
  const context = host.context;
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  const used = ws.getUsedRangeOrNullObject(true);
  ws.load("name");
  used.load("formulas,rowIndex,columnIndex");
  await context.sync();
  if (ws.isNullObject) return null;
  return contentFingerprint(used.isNullObject ? null : used);
}

let clean: { snapshot: ReturnType<ExcelHost["snapshot"]>; syncs: number; checkSyncs: number };

beforeAll(async () => {
  const host = await workbookWithEarlierWrite();
  const done = await renderOwnedPlan(host.context, NEW, WRITE);
  clean = { snapshot: host.snapshot(), syncs: done.totalSyncs, checkSyncs: done.checkSyncs };
});

test("the write under test takes several syncs: the check's one (the sizes and the register's counts, which prove the sheets unchanged) and the render's", () => {
  expect(clean.checkSyncs).toBe(1);
  expect(clean.syncs).toBeGreaterThanOrEqual(6);
});

test("the host's injected failure applies the operations before it and keeps them, as Excel does", async () => {
  const host = new ExcelHost();
  // Operations are counted as Office.js queues them: getItem, getRange, the write; getRange, the write.
  host.failSync({ sync: 1, afterOperations: 3 });
  const ws = host.context.workbook.worksheets.getItem("Sheet1");
  ws.getRange("A1").values = [["first"]];
  ws.getRange("A2").values = [["second"]];
  await expect(host.context.sync()).rejects.toThrow(/failure injected by the test at sync 1/);
  expect(host.text("Sheet1", "A1")).toBe("first");
  expect(host.text("Sheet1", "A2")).toBe("");
  expect(host.requests[0]?.ok).toBe(false);
});

/** One failed write: the checks every failure must pass. Returns the outcomes reported. */
async function failAt(sync: number, afterOperations: number): Promise<string[]> {
  const outcomes: string[] = [];
  {
    const host = await workbookWithEarlierWrite();
    const userBefore = host.snapshot({ sheets: USER_SHEET_NAMES });
    const whole = host.snapshot();
    const before = new Map<string, string | null>();
    for (const s of NEW.sheets) before.set(s.name, await fingerprintOf(host, s.name));
    host.failSync({ sync: host.syncCount + sync, afterOperations });

    let error: unknown = null;
    try {
      await renderOwnedPlan(host.context, NEW, WRITE);
    } catch (e) {
      error = e;
    }
    host.failSync(null);
    expect(error).not.toBeNull();
    expect(host.snapshot({ sheets: USER_SHEET_NAMES }).sheets).toEqual(userBefore.sheets);
    expect(host.sheetNames().filter((n) => /^~new/.test(n))).toEqual([]);

    if (sync <= clean.checkSyncs) {
      // The check only reads: nothing was written, and Excel's own error is passed on.
      expect(error).not.toBeInstanceOf(WriteFailedError);
      expect(host.snapshot()).toEqual(whole);
    } else {
      expect(error).toBeInstanceOf(WriteFailedError);
      const failed = error as WriteFailedError;
      expect(failed.message).toMatch(/^Excel stopped part way through writing \(.*failure injected.*\)\. .*Run it again to finish; no other sheet was touched\.$/);
      expect(failed.message.split("\n")).toHaveLength(1);
      expect(failed.sheets.map((s) => s.sheet)).toEqual(NEW.sheets.map((s) => s.name));
      for (const state of failed.sheets) {
        const now = await fingerprintOf(host, state.sheet);
        const planned = planFingerprint(NEW.sheets.find((s) => s.name === state.sheet)!);
        switch (state.outcome) {
          case "written":
            expect(now).toBe(planned);
            break;
          case "as-before":
            expect(now).toBe(before.get(state.sheet));
            break;
          case "removed":
          case "not-written":
            expect(now).toBeNull();
            break;
          case "incomplete":
            expect(now).not.toBeNull();
            expect(now).not.toBe(planned);
            break;
          case "unknown":
            throw new Error("the add-in could check what it left, so nothing should be unknown");
        }
        expect(failed.message).toContain(`“${state.sheet}”`);
        outcomes.push(state.outcome);
      }
    }

    // Again, without force: what the failed write left is the add-in's and is replaced without a question.
    await renderOwnedPlan(host.context, NEW, WRITE);
    expect(host.snapshot()).toEqual(clean.snapshot);
  }
  return outcomes;
}

const seen = new Set<string>();

describe.each([
  { when: "before any of its operations", afterOperations: 0 },
  // In the first sync of the render, 7 operations add the new sheets (three, their copies and the
  // register) and 2 more remove the first old one.
  { when: "part way", afterOperations: 9 },
  { when: "after all of them (the answer is lost)", afterOperations: 1_000_000 },
])("each sync of the write in turn fails $when", ({ afterOperations }) => {
  test("the user's sheets are untouched, the report is exact, and running again finishes the job", async () => {
    for (let sync = 1; sync <= clean.syncs; sync++) for (const o of await failAt(sync, afterOperations)) seen.add(o);
  });
});

test("the failures above met every kind of outcome, so the report's distinctions were each tested", () => {
  expect([...seen].sort()).toEqual(["as-before", "incomplete", "not-written", "removed", "written"]);
});

test("when Excel refuses even the tidying up, the report says what could not be checked, in one plain line", async () => {
  const host = await workbookWithEarlierWrite();
  const userBefore = host.snapshot({ sheets: USER_SHEET_NAMES });
  const context = host.context as unknown as { sync: () => Promise<void> };
  const sync = context.sync.bind(context);
  let calls = 0;
  context.sync = async () => {
    calls++;
    // The render's first sync and every one after it fail, sending nothing.
    if (calls > clean.checkSyncs) throw new Error("The connection to Excel was lost.");
    return sync();
  };
  const error = await renderOwnedPlan(host.context, NEW, WRITE).then(
    () => null,
    (e: unknown) => e,
  );
  context.sync = sync;
  expect(error).toBeInstanceOf(WriteFailedError);
  const failed = error as WriteFailedError;
  expect(failed.sheets.map((s) => s.outcome)).toEqual(["unknown", "unknown", "unknown"]);
  expect(failed.message).toBe(
    "Excel stopped part way through writing (The connection to Excel was lost). What “Scorecard”, “Indicators” and “Observations” now hold could not be checked. " +
      "Excel would not let the add-in tidy up, so check these sheets (and remove any named like ~new0~) before running it again; no other sheet was touched.",
  );
  expect(host.snapshot({ sheets: USER_SHEET_NAMES }).sheets).toEqual(userBefore.sheets);
});

test("why the wrapper is needed: renderPlan alone, failing at its second sync, has already replaced the earlier sheets with incomplete ones, and says only Excel's error", async () => {
  const host = new ExcelHost({ sheets: USER_SHEETS });
  await renderPlan(host.context, OLD);
  const old = await fingerprintOf(host, "Observations");
  host.failSync({ sync: host.syncCount + 2, afterOperations: 0 });
  await expect(renderPlan(host.context, NEW, { requestBudgetBytes: BUDGET })).rejects.toThrow(/^The request failed \(a failure injected by the test at sync \d+\)\.$/);
  const now = await fingerprintOf(host, "Observations");
  expect(now).not.toBeNull();
  expect(now).not.toBe(old);
  expect(now).not.toBe(planFingerprint(NEW.sheets.find((s) => s.name === "Observations")!));
  expect(host.sheetNames()).not.toContain(REGISTER_SHEET);
  expect(host.snapshot({ sheets: USER_SHEET_NAMES }).sheets).toEqual(new ExcelHost({ sheets: USER_SHEETS }).snapshot({ sheets: USER_SHEET_NAMES }).sheets);
});
