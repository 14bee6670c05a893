/**
 * Section 11 audits in the task pane's Excel operations, against the Excel test host: the audit
 * template written as sheets of an empty workbook, an audit checked where it is filled in, and
 * the action log collated into the partnership's workbook, edited there by a person, and
 * collated into again without a question and without losing the edit.
 */
import { OwnershipError, placeSheets, REGISTER_SHEET } from "../../src/excel/ownership";
import { createExcelOperations, type ExcelDeps } from "../../src/taskpane/office/excel-operations";
import { actionLogSheet } from "../../src/core/actions";
import { hostDeps } from "./excel-deps";
import { ExcelHost } from "../excel-host";
import { seedFromBuffer } from "../ui/harness/workbooks";
import { day, filledAudit } from "../core/s11/kit";
import { withoutCopies } from "../support/copies";

function depsFor(host: ExcelHost): ExcelDeps {
  return hostDeps(host);
}

/** Types into a cell as a person would, outside the pane's own requests. */
async function typeInto(host: ExcelHost, sheet: string, address: string, value: string | number): Promise<void> {
  host.context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
  await host.context.sync();
}

async function healthAudit(): Promise<Buffer> {
  return filledAudit(
    (d) => {
      for (const k of [1, 2, 3]) d.addAction(k, null, null, null, null);
      d.standard(5, "rating").value = "Fully met";
      d.standard(6, "rating").value = "Fully met";
      d.standard(8, "rating").value = "Partly met";
      d.addAction(1, 8, "Agree a conference report template with GP leads", "Named GP", day("2026-03-31"));
    },
    { agency: "Health" },
  );
}

describe("the audit template in the pane", () => {
  test("is written into an empty workbook as Audit, Actions and Audit checks, with its very hidden specification", async () => {
    const host = new ExcelHost({ file: "Book1.xlsx" });
    const done = await createExcelOperations(depsFor(host)).writeAuditTemplate({ agency: "Police", period: "2025/26", due: "2025-10-31", partnership: "Northshire Safeguarding Children Partnership" });
    expect(withoutCopies(host.sheetNames())).toEqual(["Sheet1", "Audit", "Actions", "Audit checks", "_spec", REGISTER_SHEET]);
    expect(host.sheet("_spec")?.visibility).toBe("VeryHidden");
    expect(host.text("Audit", "B4")).toBe("Police");
    expect(done.summary).toContain("The 2025/26 Section 11 self-audit is for Police.");
  });

  test("is refused in words where the workbook already holds a return template, and a period that is not one is refused", async () => {
    const host = new ExcelHost({ sheets: [{ name: "Return", cells: { A1: "Agency return" } }] });
    const ops = createExcelOperations(depsFor(host));
    const before = host.snapshot();
    await expect(ops.writeAuditTemplate({ agency: "Police", period: "2025/26", due: null, partnership: null })).rejects.toThrow(/already holds a return template/);
    const empty = new ExcelHost();
    await expect(createExcelOperations(depsFor(empty)).writeAuditTemplate({ agency: "Police", period: "this year", due: null, partnership: null })).rejects.toThrow(
      /“this year” is not a period the add-in can read in full/,
    );
    expect(host.snapshot()).toEqual(before);
  });

  test("a filled audit open in Excel is checked as an audit, its issues naming the audit's cells", async () => {
    const filled = await filledAudit((d) => (d.standard(3, "evidence").value = null));
    const host = new ExcelHost(await seedFromBuffer(filled, "police-s11.xlsx"));
    const before = host.snapshot();
    const check = await createExcelOperations(depsFor(host)).checkReturn();
    expect(check).toMatchObject({ kind: "section-11-audit", readable: true, valid: false, agency: "Police", period: "2025/26" });
    expect(check.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([["S11-022", "Audit", "E21"]]);
    expect(host.snapshot()).toEqual(before);
  });
});

describe("the action log in the partnership's workbook", () => {
  const NOTES = { name: "Notes", cells: { A1: "The secretary's own notes", B3: 42 } };

  test("is written at the first collation, then edited by hand, and the next collation keeps every edit without asking", async () => {
    const host = new ExcelHost({ file: "Collation 2025-26.xlsx", sheets: [NOTES] });
    const ops = createExcelOperations(depsFor(host));
    const notesBefore = host.snapshot({ sheets: ["Notes"] });
    const police = { name: "police-s11.xlsx", bytes: await filledAudit() };
    const health = { name: "health-s11.xlsx", bytes: await healthAudit() };

    const first = await ops.collateFiles({ files: [police, health] });
    expect(first.result.actionLog?.changes.fresh).toBe(true);
    await ops.writeCollation(first.result);
    expect(withoutCopies(host.sheetNames())).toEqual(expect.arrayContaining(["S11 summary", "S11 challenge list", "Action log", "Actions due", "_actionlog"]));
    expect(host.sheet("_actionlog")?.visibility).toBe("VeryHidden");
    expect([host.text("Action log", "A5"), host.text("Action log", "A6"), host.text("Action log", "A8")]).toEqual(["S11 2025/26 Police #1", "S11 2025/26 Police #2", "S11 2025/26 Health #1"]);

    // The sub-committee marks Police #2 complete with its evidence, and moves Health's date.
    await typeInto(host, "Action log", "I6", "Complete");
    await typeInto(host, "Action log", "J6", "Second references obtained; HR checklist changed.");
    await typeInto(host, "Action log", "H8", 46142); // 30/04/2026, into a cell already shown as a date

    const corrected = { name: "police-s11-v2.xlsx", bytes: await filledAudit((d) => d.addAction(4, 1, "Safeguarding on every chief officer agenda", "Deputy Chief Constable", day("2026-02-01"))) };
    const second = await ops.collateFiles({ files: [corrected, health] });
    // A note typed after the files were collated, before the sheets are written, is kept too.
    await typeInto(host, "Action log", "K5", "Chased at the January meeting");
    host.resetCounters();
    const done = await ops.writeCollation(second.result);
    expect(done.summary).toMatch(/Only sheets the add-in wrote were replaced/);

    expect([host.text("Action log", "I6"), host.text("Action log", "J6"), host.text("Action log", "K5")]).toEqual([
      "Complete",
      "Second references obtained; HR checklist changed.",
      "Chased at the January meeting",
    ]);
    expect(host.cell("Action log", "H8")?.value).toBe(46142);
    expect(host.text("Action log", "A9")).toBe("S11 2025/26 Police #4");
    expect(host.snapshot({ sheets: ["Notes"] }).sheets).toEqual(notesBefore.sheets);
    // Reading the log (three syncs) and writing everything (the check's two reads, sizes then the
    // add-in's own cells, and one write): a fixed number.
    expect(host.syncCount).toBe(6);
  });

  test("a partnership's own sheet called Action log is left alone; the add-in's log goes beside it and is found again", async () => {
    const own = { name: "Action log", cells: { A1: "Our old action log", A2: "Do not change" } };
    const host = new ExcelHost({ sheets: [own] });
    const ops = createExcelOperations(depsFor(host));
    const before = host.snapshot({ sheets: ["Action log"] });
    const files = [{ name: "police-s11.xlsx", bytes: await filledAudit() }];
    await ops.writeCollation((await ops.collateFiles({ files })).result);
    expect(host.sheetNames()).toContain("Action log (add-in)");
    await typeInto(host, "Action log (add-in)", "I5", "In progress");
    const again = await ops.collateFiles({ files });
    expect(again.result.actionLog?.changes.fresh).toBe(false);
    await ops.writeCollation(again.result);
    expect(host.text("Action log (add-in)", "I5")).toBe("In progress");
    expect(host.snapshot({ sheets: ["Action log"] }).sheets).toEqual(before.sheets);
  });
});

test("an agency's text that Excel would take for a formula reaches the summary, challenge list and log as text", async () => {
  const host = new ExcelHost();
  const ops = createExcelOperations(depsFor(host));
  const hostile = await filledAudit((d) => {
    d.standard(6, "evidence").value = "=HYPERLINK(\"http://example.test\",\"policy\")";
    d.action(2, "action").value = "-1+2 references re-checked";
    d.action(2, "owner").value = "@SUM(A1)";
  });
  await ops.writeCollation((await ops.collateFiles({ files: [{ name: "police-s11.xlsx", bytes: hostile }] })).result);
  const cells = ["S11 challenge list", "Action log"].flatMap((sheet) => Object.values(host.snapshot({ sheets: [sheet] }).sheets[0]!.cells));
  const texts = cells.map((c) => c.value);
  expect(texts).toEqual(expect.arrayContaining(['=HYPERLINK("http://example.test","policy")', "-1+2 references re-checked", "@SUM(A1)"]));
  // The only formulas are the log's own worked-out due state.
  const formulas = cells.filter((c) => c.formula !== undefined).map((c) => c.formula!);
  expect(formulas.length).toBeGreaterThan(0);
  expect(formulas.filter((f) => !f.replace(/^=/, "").startsWith("IF(OR(I"))).toEqual([]);
});

test("a log changed again after it was read is asked about, not replaced", () => {
  const sheet = actionLogSheet([]);
  const register = new Map([["action log", { sheet: "Action log", wanted: "Action log", job: "Collated returns", fingerprint: "00000000000001", writtenAt: "" }]]);
  const meta = { job: "Collated returns", writtenAt: "" };
  // What the log holds now is neither what the add-in wrote nor what was read and merged.
  const place = (read: string) => placeSheets({ sheets: [sheet] }, ["Action log"], register, () => "00000000000003", meta, { carried: new Map([["Action log", read]]) });
  expect(() => place("00000000000002")).toThrow(OwnershipError);
  expect(place("00000000000003").replaced).toEqual(["Action log"]);
});
