/**
 * The action log's merge, cell by cell: what nobody touched follows the audits, what a person
 * changed stays, rows a person added stay, rows a person deleted stay deleted.
 */
import { mergeActionLog, type PreviousLog } from "../../../src/core/actions/merge";
import type { BaseEntry, LogRowRead } from "../../../src/core/actions/read";
import { dueLists } from "../../../src/core/actions/due";
import type { LogAction } from "../../../src/core/actions/types";

function action(id: string, more: Partial<LogAction> = {}): LogAction {
  return {
    id,
    source: "Section 11 audit",
    from: "Section 11 audit 2025/26",
    agency: "Police",
    about: "Standard 5: Staff training",
    action: `Action ${id}`,
    owner: "Head of Learning",
    due: "2026-03-31",
    status: "Not started",
    evidence: "",
    notes: "",
    ...more,
  };
}

/** The log as collation wrote it, then `edit`ed by hand: rows and the hidden copy. */
function previous(written: LogAction[], edit: (rows: LogRowRead[]) => LogRowRead[] = (r) => r): PreviousLog {
  const rows = written.map((a, i) => ({ ...a, row: 5 + i }));
  const base = new Map(written.map((a) => [a.id.toLowerCase(), { ...a, state: "in log" } as BaseEntry]));
  return { rows: edit(rows.map((r) => ({ ...r }))), base };
}

test("with no log before, every action from the audits is added, not started", () => {
  const m = mergeActionLog(null, [action("S11 2025/26 Police #1", { status: "" }), action("S11 2025/26 Police #2")]);
  expect(m.actions.map((a) => [a.id, a.status])).toEqual([
    ["S11 2025/26 Police #1", "Not started"],
    ["S11 2025/26 Police #2", "Not started"],
  ]);
  expect(m.changes).toMatchObject({ fresh: true, added: ["S11 2025/26 Police #1", "S11 2025/26 Police #2"], updated: [], keptEdits: [] });
});

test("status, evidence and notes typed by hand survive; the audits never change them", () => {
  const a = action("P1");
  const m = mergeActionLog(
    previous([a], ([row]) => [{ ...row!, status: "Complete", evidence: "All 212 officers trained by 12/01/2026 (LMS report)", notes: "Signed off at the January sub-committee" }]),
    [a],
  );
  expect(m.actions).toEqual([{ ...a, status: "Complete", evidence: "All 212 officers trained by 12/01/2026 (LMS report)", notes: "Signed off at the January sub-committee" }]);
  expect(m.changes).toMatchObject({ fresh: false, added: [], updated: [], keptEdits: [] });
});

test("a cell nobody changed follows a corrected audit; a cell a person changed stays, and the difference is listed", () => {
  const written = action("P1");
  const corrected = action("P1", { due: "2026-04-30", owner: "Director of People" });
  const m = mergeActionLog(previous([written], ([row]) => [{ ...row!, owner: "Head of HR" }]), [corrected]);
  expect(m.actions[0]).toMatchObject({ due: "2026-04-30", owner: "Head of HR" });
  expect(m.changes.updated).toEqual([{ id: "P1", field: "due", was: "2026-03-31", now: "2026-04-30" }]);
  expect(m.changes.keptEdits).toEqual([{ id: "P1", field: "owner", kept: "Head of HR", auditSays: "Director of People" }]);
});

test("a person's edit that the audit now agrees with is simply kept, with nothing to report", () => {
  const m = mergeActionLog(previous([action("P1")], ([row]) => [{ ...row!, owner: "Head of HR" }]), [action("P1", { owner: "Head of HR" })]);
  expect(m.actions[0]!.owner).toBe("Head of HR");
  expect(m.changes.keptEdits).toEqual([]);
  expect(m.changes.updated).toEqual([]);
});

test("rows added by hand stay where they are; one without an ID is given the next free one", () => {
  const review: LogRowRead = { ...action(""), source: "Case review", from: "Case review: Child T", agency: "Health", row: 7 };
  const audit: LogRowRead = { ...action("MACA-2025-03"), source: "Multi-agency case audit", row: 8 };
  const m = mergeActionLog(previous([action("P1")], (rows) => [...rows, review, audit]), [action("P1"), action("P2")]);
  expect(m.actions.map((a) => [a.id, a.source])).toEqual([
    ["P1", "Section 11 audit"],
    ["A-001", "Case review"],
    ["MACA-2025-03", "Multi-agency case audit"],
    ["P2", "Section 11 audit"],
  ]);
  expect(m.changes.givenIds).toEqual([{ row: 7, id: "A-001" }]);
  expect(m.changes.added).toEqual(["P2"]);
});

test("a row copied by hand (its ID twice) becomes an action of its own with a new ID", () => {
  const m = mergeActionLog(previous([action("P1")], ([row]) => [row!, { ...row!, action: "A second action, copied from the first", row: 6 }]), [action("P1")]);
  expect(m.actions.map((a) => a.id)).toEqual(["P1", "A-001"]);
  expect(m.actions[1]!.action).toBe("A second action, copied from the first");
});

test("a row deleted by hand is not added again, this collation or the next", () => {
  const first = mergeActionLog(previous([action("P1"), action("P2")], ([row]) => [row!]), [action("P1"), action("P2")]);
  expect(first.actions.map((a) => a.id)).toEqual(["P1"]);
  expect(first.changes.notAddedAgain).toEqual(["P2"]);
  const base = new Map(first.base.map((e) => [e.id.toLowerCase(), e]));
  const second = mergeActionLog({ rows: first.actions.map((a, i) => ({ ...a, row: 5 + i })), base }, [action("P1"), action("P2")]);
  expect(second.actions.map((a) => a.id)).toEqual(["P1"]);
  expect(second.base.find((e) => e.id === "P2")?.state).toBe("removed by hand");
});

test("a log whose hidden copy has gone keeps everything in it, and lists where the audits differ", () => {
  const m = mergeActionLog({ rows: [{ ...action("P1", { owner: "Head of HR" }), row: 5 }], base: new Map() }, [action("P1"), action("P2")]);
  expect(m.actions.map((a) => [a.id, a.owner])).toEqual([
    ["P1", "Head of HR"],
    ["P2", "Head of Learning"],
  ]);
  expect(m.changes.keptEdits).toEqual([{ id: "P1", field: "owner", kept: "Head of HR", auditSays: "Head of Learning" }]);
});

describe("the lists for the sub-committee", () => {
  const actions = [
    action("late", { due: "2025-12-01" }),
    action("later", { due: "2026-01-10" }),
    action("soon", { due: "2026-02-10" }),
    action("far", { due: "2026-06-30" }),
    action("done", { due: "2025-11-30", status: "Complete", evidence: "Report to sub-committee, December 2025" }),
    action("claimed", { due: "2025-11-30", status: "complete" }),
    action("dropped", { due: "2025-10-01", status: "No longer needed" }),
    action("undated", { due: "" }),
    action("mistyped", { due: "end of March" }),
  ];
  const lists = dueLists(actions, "2026-01-15");

  test("overdue, most overdue first, with the days; closed actions are never due", () => {
    expect(lists.overdue.map((d) => [d.action.id, d.days])).toEqual([
      ["late", 45],
      ["later", 5],
    ]);
  });

  test("due within four weeks, soonest first", () => {
    expect(lists.dueSoon.map((d) => [d.action.id, d.days])).toEqual([["soon", 26]]);
  });

  test("complete without evidence of the outcome, and open without a usable date", () => {
    expect(lists.completeWithoutEvidence.map((a) => a.id)).toEqual(["claimed"]);
    expect(lists.noDate.map((a) => a.id)).toEqual(["undated", "mistyped"]);
  });
});
