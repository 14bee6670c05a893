/**
 * Audits filled as agency leads fill them, slips and all, and what the checks say: each issue
 * with its code, its sheet and cell, and a sentence saying what is wrong and what to do.
 */
import ExcelJS from "exceljs";
import { validateFiled } from "../../../src/core/s11/filed";
import { readWorkbookBuffer } from "../../../src/files/read";
import { filled as filledReturn } from "../returns/kit";
import { auditCodes, checkAudit, day, filledAudit } from "./kit";

const where = (r: Awaited<ReturnType<typeof checkAudit>>) => r.issues.map((i) => [i.code, i.severity, `${i.sheet}!${i.cell}`]);

describe("a careful lead's audit", () => {
  test("has no issues; its ratings, evidence and actions are read as typed", async () => {
    const r = await checkAudit(await filledAudit());
    expect(r.issues).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.audit!.standards.map((s) => s.rating)).toEqual(["Fully met", "Fully met", "Fully met", "Fully met", "Partly met", "Not met", "Fully met", "Fully met", "Fully met"]);
    expect(r.audit!.actions.map((a) => [a.number, a.standard, a.owner, a.due])).toEqual([
      [1, 5, "Head of Learning", "2026-03-31"],
      [2, 6, "HR Business Partner", "2025-12-31"],
      [3, 6, "Force Safeguarding Lead", "2026-02-28"],
    ]);
    // Each rating is an observation whose mark is the rating and whose colour is its RAG.
    expect(r.observations.map((o) => [o.indicatorId, o.mark, o.rag])[5]).toEqual(["S11-6", "Not met", "red"]);
    expect(r.observations[4]!.commentary).toBe("78% of frontline officers have completed level 2 training (target 95%).");
  });

  test("dates typed as text, day first, are read as the days they name", async () => {
    const r = await checkAudit(
      await filledAudit((d) => {
        d.action(1, "due").value = "31/3/2026";
        d.action(2, "due").value = "31 December 2025";
        d.action(3, "due").value = "2026-02-28";
      }),
    );
    expect(r.issues).toEqual([]);
    expect(r.audit!.actions.map((a) => a.due)).toEqual(["2026-03-31", "2025-12-31", "2026-02-28"]);
  });

  test("a standard partly met with no action but a reason in Comments is accepted without a query", async () => {
    const r = await checkAudit(
      await filledAudit((d) => {
        d.addAction(1, null, null, null, null);
        d.standard(5, "comments").value = "Training is already booked for every officer before March under the force plan.";
      }),
    );
    expect(r.issues).toEqual([]);
  });
});

describe("an audit with slips", () => {
  test("a rating without evidence, a standard not rated, and a rating typed over the list", async () => {
    const r = await checkAudit(
      await filledAudit((d) => {
        d.standard(2, "evidence").value = "   ";
        d.standard(3, "rating").value = null;
        d.standard(4, "rating").value = "Met";
      }),
    );
    expect(where(r)).toEqual([
      ["S11-022", "error", "Audit!E20"],
      ["S11-020", "error", "Audit!D21"],
      ["S11-021", "error", "Audit!D22"],
    ]);
    expect(r.issues[0]!.message).toBe("Audit!E20: standard 2 (Statement of responsibility) is rated Fully met but no evidence is given; say what shows it and where it can be seen.");
    expect(r.issues[2]!.message).toContain('the rating for standard 4 (Service development and children\'s views) is "Met"; choose one of Fully met, Partly met, Not met.');
    expect(r.valid).toBe(false);
  });

  test("a standard not met with no action is an error; one partly met with none is a query", async () => {
    const r = await checkAudit(
      await filledAudit((d) => {
        // The lead clears the actions and adds one for the wrong standard.
        for (const k of [1, 2, 3]) d.addAction(k, null, null, null, null);
        d.addAction(1, 7, "Join the new multi-agency front door rota", "Detective Inspector, MASH", day("2026-01-31"));
      }),
    );
    expect(where(r)).toEqual([
      ["S11-024", "query", "Audit!D23"],
      ["S11-023", "error", "Audit!D24"],
    ]);
    expect(r.issues[1]!.message).toBe(
      "Audit!D24: standard 6 (Safer recruitment and allegations) is rated Not met but the Actions sheet has no action for it; add at least one, with its owner and due date, giving Standard no. 6.",
    );
    expect(r.issues[0]!.message).toContain("say in Audit!F23 why none is needed");
    expect(r.counts).toEqual({ errors: 1, queries: 1, warnings: 0 });
  });

  test("actions without an owner, without a date, with a date that is not one, and without the action", async () => {
    const r = await checkAudit(
      await filledAudit((d) => {
        d.action(1, "owner").value = null;
        d.action(2, "due").value = "end of March";
        d.action(3, "due").value = null;
        d.addAction(4, 6, null, "HR Business Partner", day("2026-01-31"));
      }),
    );
    expect(where(r)).toEqual([
      ["S11-031", "error", "Actions!D7"],
      ["S11-033", "error", "Actions!E8"],
      ["S11-032", "error", "Actions!E9"],
      ["S11-030", "error", "Actions!C10"],
    ]);
    expect(r.issues[1]!.message).toBe('Actions!E8: the due date of action 2 is "end of March", which is not a date; type a date such as 31/03/2026.');
    expect(r.issues[3]!.message).toBe("Actions!C10: action 4 has a standard and an owner and a due date but does not say what will be done; write the action, or clear the row.");
    // An action with a date that is not one is still an action, but carries no date.
    expect(r.audit!.actions.find((a) => a.number === 2)!.due).toBeNull();
  });

  test("an action for no standard, or for one that does not exist, and a date before the year audited", async () => {
    const r = await checkAudit(
      await filledAudit((d) => {
        d.action(1, "standard").value = null;
        d.action(2, "standard").value = 12;
        d.action(3, "due").value = day("2024-02-28");
      }),
    );
    expect(where(r)).toEqual([
      // Action 1 no longer says it is for standard 5, so standard 5 now has none.
      ["S11-024", "query", "Audit!D23"],
      ["S11-034", "error", "Actions!B7"],
      ["S11-034", "error", "Actions!B8"],
      ["S11-035", "warning", "Actions!E9"],
    ]);
    expect(r.issues[1]!.message).toBe("Actions!B7: action 1 does not say which standard it is for; give the number of the standard it is for, 1 to 9, as numbered on the Audit sheet.");
    expect(r.issues[2]!.message).toContain('names standard "12", which is not one of the nine');
  });

  test("a formula in the evidence keeps only its text; an error value is an error", async () => {
    const r = await checkAudit(
      await filledAudit((d) => {
        d.standard(1, "evidence").value = { formula: 'CONCATENATE("Board minutes ","May 2025")', result: "Board minutes May 2025" } as ExcelJS.CellValue;
        d.standard(7, "evidence").value = { formula: "VLOOKUP(1,Z1:Z2,2)", result: { error: "#N/A" } } as unknown as ExcelJS.CellValue;
      }),
    );
    expect(where(r)).toEqual([
      ["S11-040", "warning", "Audit!E19"],
      ["S11-041", "error", "Audit!E25"],
    ]);
    expect(r.audit!.standards[0]!.evidence).toBe("Board minutes May 2025");
    expect(r.issues[1]!.message).toContain("shows the error #N/A (a formula could not find a value)");
  });

  test("the agency or period typed over is an error naming the cell and what to put back", async () => {
    const r = await checkAudit(
      await filledAudit((d) => {
        d.audit.getCell("B4").value = "Health";
        d.audit.getCell("B5").value = "2024/25";
      }),
    );
    expect(where(r)).toEqual([
      ["S11-010", "error", "Audit!B4"],
      ["S11-011", "error", "Audit!B5"],
    ]);
    expect(r.issues[0]!.message).toBe('Audit!B4: the agency is "Health", but this audit is for Police; put back "Police" (each agency fills in its own audit).');
  });

  test("text of every kind that looks like a formula or a number stays text", async () => {
    const r = await checkAudit(
      await filledAudit((d) => {
        d.standard(1, "evidence").value = "=HYPERLINK(\"http://example.test\",\"policy\")";
        d.action(1, "owner").value = "+44 1226 000000";
      }),
    );
    expect(r.issues).toEqual([]);
    expect(r.audit!.standards[0]!.evidence).toBe('=HYPERLINK("http://example.test","policy")');
    expect(r.audit!.actions[0]!.owner).toBe("+44 1226 000000");
  });
});

test("a filed workbook is checked as what its specification says it is", async () => {
  const audit = validateFiled(await readWorkbookBuffer(await filledAudit(), "audit.xlsx"));
  const ret = validateFiled(await readWorkbookBuffer(await filledReturn(), "return.xlsx"));
  expect([audit.kind, audit.result.valid]).toEqual(["section-11-audit", true]);
  expect([ret.kind, ret.result.valid]).toEqual(["return", true]);
});

test("changing a rating to Not met without adding an action is caught", async () => {
  expect(auditCodes(await checkAudit(await filledAudit((d) => (d.standard(9, "rating").value = "Not met"))))).toEqual(["S11-023"]);
});
