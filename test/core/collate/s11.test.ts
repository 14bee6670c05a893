/**
 * Collating Section 11 audits as a secretary does, through real files: two agencies' audits (and
 * one with mistakes) collated into the summary for challenge and the action log; the collated
 * workbook opened and the log edited by hand as the sub-committee would (an action marked
 * complete with evidence, an owner changed, an action from a case review typed in, a row
 * deleted); then collated again with a corrected audit. Nothing typed by hand is lost.
 */
import ExcelJS from "exceljs";
import { findActionLog } from "../../../src/core/actions";
import { collatedPlan, collateReturns, collateSummary, collationClean, type CollateInput, type CollateResult } from "../../../src/core/collate";
import { readWorkbookBuffer } from "../../../src/files/read";
import { renderPlanToXlsx } from "../../../src/files/render";
import { agencyReturn, setOf } from "./kit";
import { day, filledAudit } from "../s11/kit";

const TODAY = "2026-01-15";

async function file(bytes: Uint8Array, name: string): Promise<CollateInput> {
  return { file: name, workbook: await readWorkbookBuffer(bytes, name) };
}

/** Health's audit: everything fully met but information sharing, partly met with one action. */
async function healthAudit(): Promise<Buffer> {
  return filledAudit(
    (d) => {
      for (const k of [1, 2, 3]) d.addAction(k, null, null, null, null);
      d.standard(5, "rating").value = "Fully met";
      d.standard(6, "rating").value = "Fully met";
      d.standard(8, "rating").value = "Partly met";
      d.standard(8, "evidence").value = "GP practices do not always share information for child protection conferences in time.";
      d.addAction(1, 8, "Agree a conference report template with the GP leads and audit its use", "Named GP for safeguarding", day("2026-01-10"));
    },
    { agency: "Health" },
  );
}

/** Collated workbook, as a file, and as ExcelJS opens it. */
async function rendered(result: CollateResult): Promise<Buffer> {
  return renderPlanToXlsx(collatedPlan(result));
}

function rowsOf(ws: ExcelJS.Worksheet): Record<string, ExcelJS.Row> {
  const out: Record<string, ExcelJS.Row> = {};
  ws.eachRow((row) => {
    const id = row.getCell(1).value;
    if (typeof id === "string") out[id] = row;
  });
  return out;
}

describe("the first collation of the year's audits", () => {
  let result: CollateResult;
  beforeAll(async () => {
    const careless = await filledAudit((d) => (d.standard(2, "evidence").value = null), { agency: "Education" });
    result = collateReturns(
      [await file(await filledAudit(), "police-s11.xlsx"), await file(await healthAudit(), "health-s11.xlsx"), await file(careless, "education-s11.xlsx")],
      { indicators: setOf(["Police", "Health", "Education", "Probation"]), today: TODAY },
    );
  });

  test("accepts the audits without errors, rejects the one with an error, and names the agency that sent nothing", () => {
    expect(result.submissions.map((s) => [s.file, s.kind, s.status, s.errors])).toEqual([
      ["police-s11.xlsx", "section-11-audit", "accepted", 0],
      ["health-s11.xlsx", "section-11-audit", "accepted", 0],
      ["education-s11.xlsx", "section-11-audit", "rejected", 1],
    ]);
    expect(result.audits.map((a) => a.agency)).toEqual(["Police", "Health"]);
    expect(result.missingByPeriod).toEqual([{ agency: "Probation", period: { start: "2025-04-01", end: "2026-03-31", label: "2025/26" }, kind: "section-11-audit" }]);
    expect(collationClean(result)).toBe(false);
    expect(collateSummary(result)).toContain("3 Section 11 audits among them, 2 collated");
  });

  test("each rating is collated as an observation, its RAG from the rating", () => {
    const police = result.observations.filter((o) => o.agency === "Police");
    expect(police.map((o) => o.rag)).toEqual(["green", "green", "green", "green", "amber", "red", "green", "green", "green"]);
    expect(result.observations).toHaveLength(18);
  });

  test("the action log holds every action, with IDs that name the audit, not started", () => {
    const log = result.actionLog!;
    expect(log.actions.map((a) => [a.id, a.agency, a.about, a.owner, a.due, a.status])).toEqual([
      ["S11 2025/26 Police #1", "Police", "Standard 5: Staff training", "Head of Learning", "2026-03-31", "Not started"],
      ["S11 2025/26 Police #2", "Police", "Standard 6: Safer recruitment and allegations", "HR Business Partner", "2025-12-31", "Not started"],
      ["S11 2025/26 Police #3", "Police", "Standard 6: Safer recruitment and allegations", "Force Safeguarding Lead", "2026-02-28", "Not started"],
      ["S11 2025/26 Health #1", "Health", "Standard 8: Information sharing", "Named GP for safeguarding", "2026-01-10", "Not started"],
    ]);
    expect(log.due.overdue.map((d) => [d.action.id, d.days])).toEqual([
      ["S11 2025/26 Police #2", 15],
      ["S11 2025/26 Health #1", 5],
    ]);
    expect(log.due.dueSoon.map((d) => d.action.id)).toEqual([]);
  });

  test("the collated workbook has the summary, the challenge list, the log, the lists, and the log's hidden copy", async () => {
    const wb = await readWorkbookBuffer(await rendered(result), "collated.xlsx");
    expect(wb.sheets.map((s) => [s.sheet, s.state])).toEqual([
      ["Submissions", "visible"],
      ["Collated observations", "visible"],
      ["S11 summary", "visible"],
      ["S11 challenge list", "visible"],
      ["Action log", "visible"],
      ["Actions due", "visible"],
      ["Missing and conflicts", "visible"],
      ["Issues", "visible"],
      ["_actionlog", "veryHidden"],
    ]);
    const chase = wb.sheets.find((s) => s.sheet === "Missing and conflicts")!.rows.map((r) => r[0]?.value);
    expect(chase).toContain("Probation: Section 11 audit for 2025/26");
  });
});

describe("an action edited by hand survives the next collation", () => {
  let second: CollateResult;
  let again: ExcelJS.Workbook;

  beforeAll(async () => {
    const police = await filledAudit();
    const health = await healthAudit();
    const first = collateReturns([await file(police, "police-s11.xlsx"), await file(health, "health-s11.xlsx")], { today: TODAY });

    // The sub-committee's secretary works in the collated workbook's Action log.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await rendered(first)) as unknown as ExcelJS.Buffer);
    const log = wb.getWorksheet("Action log")!;
    const rows = rowsOf(log);
    rows["S11 2025/26 Police #2"]!.getCell(9).value = "Complete";
    rows["S11 2025/26 Police #2"]!.getCell(10).value = "Second references obtained for all four starters; HR checklist updated 12/01/2026.";
    rows["S11 2025/26 Police #2"]!.getCell(7).value = "Head of HR";
    rows["S11 2025/26 Police #3"]!.getCell(11).value = "Chased at the January meeting";
    // An action from a case review, typed into the first free row with no ID.
    const free = log.getRow(log.actualRowCount + 1 + 3);
    free.getCell(2).value = "Case review";
    free.getCell(3).value = "Case review: Child T (2025)";
    free.getCell(4).value = "Health";
    free.getCell(6).value = "Brief every health visitor on the escalation policy";
    free.getCell(7).value = "Named nurse";
    free.getCell(8).value = day("2026-02-06");
    free.getCell(9).value = "In progress";
    // Health's action is dealt with elsewhere: its row is deleted.
    log.spliceRows(rows["S11 2025/26 Health #1"]!.number, 1);
    const edited = Buffer.from(await wb.xlsx.writeBuffer());

    // Police correct their audit: a later date for action 1, a new owner for action 2, a fourth action.
    const corrected = await filledAudit((d) => {
      d.action(1, "due").value = day("2026-04-30");
      d.action(2, "owner").value = "Director of People";
      d.addAction(4, 1, "Add a safeguarding item to every chief officer meeting", "Deputy Chief Constable", day("2026-02-01"));
    });
    const found = findActionLog(await readWorkbookBuffer(edited, "collated.xlsx"))!;
    second = collateReturns([await file(corrected, "police-s11-corrected.xlsx"), await file(health, "health-s11.xlsx")], {
      previousLog: { rows: found.log.rows, base: found.base },
      today: TODAY,
    });
    again = new ExcelJS.Workbook();
    await again.xlsx.load((await rendered(second)) as unknown as ExcelJS.Buffer);
  });

  test("the status, evidence, notes and owner typed by hand are all kept", () => {
    const [p2, p3] = ["S11 2025/26 Police #2", "S11 2025/26 Police #3"].map((id) => second.actionLog!.actions.find((a) => a.id === id)!);
    expect(p2).toMatchObject({ status: "Complete", evidence: "Second references obtained for all four starters; HR checklist updated 12/01/2026.", owner: "Head of HR" });
    expect(p3!.notes).toBe("Chased at the January meeting");
    expect(second.actionLog!.changes.keptEdits).toEqual([{ id: "S11 2025/26 Police #2", field: "owner", kept: "Head of HR", auditSays: "Director of People" }]);
  });

  test("what nobody touched follows the corrected audit; the new action is added at the end", () => {
    const log = second.actionLog!;
    expect(log.actions.find((a) => a.id === "S11 2025/26 Police #1")!.due).toBe("2026-04-30");
    expect(log.changes.updated).toEqual([{ id: "S11 2025/26 Police #1", field: "due", was: "2026-03-31", now: "2026-04-30" }]);
    expect(log.changes.added).toEqual(["S11 2025/26 Police #4"]);
  });

  test("the case review's action is kept with an ID of its own; the deleted row stays deleted", () => {
    const log = second.actionLog!;
    expect(log.actions.map((a) => a.id)).toEqual(["S11 2025/26 Police #1", "S11 2025/26 Police #2", "S11 2025/26 Police #3", "A-001", "S11 2025/26 Police #4"]);
    expect(log.actions[3]).toMatchObject({ source: "Case review", agency: "Health", owner: "Named nurse", due: "2026-02-06", status: "In progress" });
    expect(log.changes.notAddedAgain).toEqual(["S11 2025/26 Health #1"]);
    // Complete actions are not overdue; the case review's is due within four weeks.
    expect(log.due.overdue).toEqual([]);
    expect(log.due.dueSoon.map((d) => d.action.id)).toEqual(["S11 2025/26 Police #4", "A-001"]);
  });

  test("the workbook written holds the kept edits as cells, the dates as dates, and says what changed", () => {
    const rows = rowsOf(again.getWorksheet("Action log")!);
    expect(rows["S11 2025/26 Police #2"]!.getCell(7).value).toBe("Head of HR");
    expect(rows["S11 2025/26 Police #2"]!.getCell(9).value).toBe("Complete");
    expect(rows["A-001"]!.getCell(8).value).toEqual(day("2026-02-06"));
    expect(rows["A-001"]!.getCell(8).numFmt).toBe("dd/mm/yyyy");
    // The worked-out column is a formula of the date and status, so it follows later edits.
    expect((rows["A-001"]!.getCell(12).value as { formula: string }).formula).toMatch(/^IF\(OR\(I\d+="Complete"/);
    const said: string[] = [];
    again.getWorksheet("Actions due")!.eachRow((row) => said.push(String(row.getCell(1).value ?? "")));
    expect(said).toContain(
      'S11 2025/26 Police #2: the owner in the log, "Head of HR", was kept; the latest audit says "Director of People". Change the log by hand if the audit is right.',
    );
    expect(said).toContain("The action typed into row 10 had no ID of its own, so it was given A-001.");
  });
});

describe("audits that repeat or disagree", () => {
  test("the same audit sent twice is counted once; two that differ are held back, with what differs", async () => {
    const police = await filledAudit();
    const otherPolice = await filledAudit((d) => (d.standard(5, "rating").value = "Fully met"));
    const health = await healthAudit();
    const r = collateReturns(
      [await file(police, "police.xlsx"), await file(otherPolice, "police-v2.xlsx"), await file(health, "health.xlsx"), await file(health, "health copy.xlsx")],
      { today: TODAY },
    );
    expect(r.audits.map((a) => a.file)).toEqual(["health.xlsx"]);
    expect(r.auditDuplicates).toEqual([expect.objectContaining({ agency: "Health", kept: "health.xlsx", repeatedIn: ["health copy.xlsx"] })]);
    expect(r.auditConflicts).toEqual([expect.objectContaining({ agency: "Police", files: ["police.xlsx", "police-v2.xlsx"], differences: ["the rating of standard 5"] })]);
    expect(r.conflicts.map((c) => [c.indicatorId, c.values])).toEqual([["S11-5", ["Partly met", "Fully met"]]]);
    expect(r.actionLog!.actions.map((a) => a.agency)).toEqual(["Health"]);
    expect(collationClean(r)).toBe(false);
  });

  test("returns and audits collated together: each kind is expected apart", async () => {
    const r = collateReturns([await file(await agencyReturn("Police"), "police-q1.xlsx"), await file(await filledAudit(), "police-s11.xlsx")], {
      indicators: setOf(["Police", "Health"]),
      today: TODAY,
    });
    expect(r.submissions.map((s) => [s.kind, s.status])).toEqual([
      ["return", "accepted"],
      ["section-11-audit", "accepted"],
    ]);
    expect(r.missingByPeriod.map((m) => [m.agency, m.period.label, m.kind ?? "return"])).toEqual([
      ["Health", "Q1 2025/26", "return"],
      ["Health", "2025/26", "section-11-audit"],
    ]);
    expect(r.observations.filter((o) => o.indicatorId?.startsWith("S11-"))).toHaveLength(9);
    expect(r.observations.filter((o) => o.indicatorId?.startsWith("CP"))).toHaveLength(7);
  });
});
