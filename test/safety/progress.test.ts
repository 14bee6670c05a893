/**
 * Long writes report progress between syncs, and the pane gets its turn between them: a plan
 * split over several syncs calls onProgress after each one, before the next batch is queued.
 * renderPlan does not itself yield to the event loop; in Excel each sync is a round trip, which
 * is the yield (shown here by giving the host's sync a round trip of its own).
 */
import { renderPlan } from "../../src/excel";
import { ExcelHost } from "../excel-host";
import { indicatorPlan } from "./plans";

const BIG = indicatorPlan(300);
const BUDGET = 64 * 1024;

test("a large plan reports progress after every sync, in order, with nothing of the next batch queued yet", async () => {
  const host = new ExcelHost();
  const seen: { done: number; total: number; syncs: number; pending: number }[] = [];
  const result = await renderPlan(host.context, BIG, {
    requestBudgetBytes: BUDGET,
    onProgress: (p) => seen.push({ ...p, syncs: host.syncCount, pending: host.pendingOperations }),
  });
  expect(result.syncs).toBeGreaterThan(5);
  expect(seen).toEqual(Array.from({ length: result.syncs }, (_, i) => ({ done: i + 1, total: result.syncs, syncs: i + 1, pending: 0 })));
});

test("with syncs that are round trips, as in Excel, the pane's timers run between the syncs of one write", async () => {
  const host = new ExcelHost();
  const context = host.context as unknown as { sync: () => Promise<void> };
  const sync = context.sync.bind(context);
  context.sync = async () => {
    // Excel answers a request from another process: the task pane's event loop turns meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 1));
    return sync();
  };
  const repaints: { progress: number; syncsDone: number }[] = [];
  const result = await renderPlan(host.context, BIG, {
    requestBudgetBytes: BUDGET,
    onProgress: (p) => {
      setTimeout(() => repaints.push({ progress: p.done, syncsDone: host.syncCount }), 0);
    },
  });
  const between = repaints.filter((r) => r.progress < result.syncs);
  // Each repaint asked for after sync i ran before sync i + 1 was sent: the pane had its turn.
  expect(between).toEqual(Array.from({ length: result.syncs - 1 }, (_, i) => ({ progress: i + 1, syncsDone: i + 1 })));
});
