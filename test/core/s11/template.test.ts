/**
 * The Section 11 audit template: what the agency lead sees, the lists and rules on the cells a
 * person fills in, the protection of everything else, and the specification it carries, which
 * survives the file being re-saved by another tool.
 */
import ExcelJS from "exceljs";
import { parseRange } from "../../../src/core/grid/address";
import { wrappedLines } from "../../../src/core/plan/units";
import { STANDARDS } from "../../../src/core/s11/standards";
import { readAuditSpec, isAuditWorkbook } from "../../../src/core/s11/spec";
import { auditLayout, auditTemplatePlan, buildAuditSpec } from "../../../src/core/s11/template";
import { readSpec } from "../../../src/core/returns/spec";
import { readWorkbookBuffer } from "../../../src/files/read";
import { snapshotXlsx } from "../../../src/files/snapshot";
import { withLibreOffice } from "../../render/libreoffice";
import { resaveWithLibreOffice } from "../returns/kit";
import { auditInput, auditSpecSheet, auditTemplate, checkAudit, filledAudit, openAudit } from "./kit";

test("the sheets, in order: Audit first and open, then Actions, the checks, and the very hidden specification", () => {
  const plan = auditTemplatePlan(auditInput());
  expect(plan.sheets.map((s) => [s.name, s.state ?? "visible"])).toEqual([
    ["Audit", "visible"],
    ["Actions", "visible"],
    ["Audit checks", "visible"],
    ["_spec", "veryHidden"],
  ]);
  expect(plan.activeSheet).toBe("Audit");
});

test("the nine standards are the framework's, in its order, each with what to show", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await auditTemplate()) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet("Audit")!;
  const { headerRow, firstStandardRow } = auditLayout(auditInput());
  expect([1, 2, 3, 4, 5, 6].map((c) => ws.getCell(headerRow, c).value)).toEqual(["Standard no.", "Standard", "What to show", "Rating", "Evidence", "Comments"]);
  const names = STANDARDS.map((_, i) => ws.getCell(firstStandardRow + i, 2).value);
  expect(names[0]).toBe("Senior management commitment to the importance of safeguarding and promoting the welfare of children");
  expect(names[5]).toBe("Recruitment, vetting procedures and allegations against staff");
  expect(names[8]).toBe("Work with individual children and their families.");
  expect(STANDARDS.map((_, i) => ws.getCell(firstStandardRow + i, 1).value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  for (let i = 0; i < 9; i++) expect(String(ws.getCell(firstStandardRow + i, 3).value).length).toBeGreaterThan(40);
  // The details a lead checks before starting.
  const details = Object.fromEntries([3, 4, 5, 6, 7, 8].map((r) => [ws.getCell(r, 1).value, ws.getCell(r, 2).value]));
  expect(details).toMatchObject({ Partnership: "Northshire Safeguarding Children Partnership", Agency: "Police", Period: "2025/26", Dates: "1 April 2025 to 31 March 2026", "Due by": "31 October 2025" });
});

test("each standard's row is tall enough for its name and what to show, wrapped in their columns, and the file says so", async () => {
  const plan = auditTemplatePlan(auditInput());
  const audit = plan.sheets.find((s) => s.name === "Audit")!;
  const { firstStandardRow } = auditLayout(auditInput());
  const widths = new Map(audit.columnWidths?.map((w) => [w.col, w.width]));
  const heights = new Map(audit.rowHeights?.map((h) => [h.row, h.height]));
  STANDARDS.forEach((s, i) => {
    const lines = Math.max(wrappedLines(s.name, widths.get(1)!), wrappedLines(s.show, widths.get(2)!));
    expect({ standard: s.number, height: heights.get(firstStandardRow - 1 + i) ?? 15 }).toEqual({ standard: s.number, height: 15 * lines });
  });
  // Every standard says more than one line's worth of what to show.
  expect(heights.size).toBe(STANDARDS.length);
  const snap = (await snapshotXlsx(await auditTemplate())).sheets.find((s) => s.name === "Audit")!;
  expect(snap.rowHeights).toEqual(Object.fromEntries(heights));
});

test("only the cells a lead fills in are unlocked, each with a rule and a prompt; the rating is a list of the three ratings", async () => {
  const snap = await snapshotXlsx(await auditTemplate());
  const { firstStandardRow, firstActionRow } = auditLayout(auditInput());
  const audit = snap.sheets.find((s) => s.name === "Audit")!;
  const actions = snap.sheets.find((s) => s.name === "Actions")!;
  expect(audit.protected).toBe(true);
  expect(actions.protected).toBe(true);
  const rulesAt = (sheet: typeof audit, address: string) =>
    sheet.dataValidations.filter((dv) => {
      const r = parseRange(dv.range);
      const a = parseRange(address);
      return a.top >= r.top && a.top <= r.bottom && a.left >= r.left && a.left <= r.right;
    });
  for (const col of ["D", "E", "F"]) {
    for (let r = firstStandardRow; r < firstStandardRow + 9; r++) {
      expect(audit.cells[`${col}${r}`]?.locked).toBe(false);
      const rules = rulesAt(audit, `${col}${r}`);
      expect(rules).toHaveLength(1);
      expect(rules[0]!.prompt?.message.length).toBeGreaterThan(10);
    }
  }
  // The standard's own number and name cannot be typed over.
  expect(audit.cells[`A${firstStandardRow}`]?.locked).not.toBe(false);
  expect(audit.cells[`B${firstStandardRow}`]?.locked).not.toBe(false);
  const rating = rulesAt(audit, `D${firstStandardRow}`)[0]!;
  expect(rating).toMatchObject({ kind: "list", items: ["Fully met", "Partly met", "Not met"] });
  // Evidence prompts say what to show for that standard.
  expect(rulesAt(audit, `E${firstStandardRow + 4}`)[0]!.prompt?.message).toBe(STANDARDS[4]!.show);
  for (const col of ["B", "C", "D", "E"]) {
    expect(actions.cells[`${col}${firstActionRow}`]?.locked).toBe(false);
    expect(rulesAt(actions, `${col}${firstActionRow + 26}`)).toHaveLength(1);
  }
  expect(actions.cells[`A${firstActionRow}`]?.locked).not.toBe(false);
  expect(rulesAt(actions, `B${firstActionRow}`)[0]).toMatchObject({ kind: "whole", min: 1, max: 9 });
  // The due date is a date: a number rule between two days, shown day first.
  expect(rulesAt(actions, `E${firstActionRow}`)[0]).toMatchObject({ kind: "decimal" });
});

test("the specification reads back whole, its checksum intact, and says it is an audit (not a return)", async () => {
  const wb = await readWorkbookBuffer(await auditTemplate(), "audit.xlsx");
  expect(isAuditWorkbook(wb)).toBe(true);
  const read = readAuditSpec(wb);
  expect(read).toMatchObject({ status: "ok", checksumOk: true });
  if (read.status === "ok") expect(read.spec).toEqual(buildAuditSpec(auditInput()));
  // A return's reader does not take an audit's specification for its own.
  expect(readSpec(wb).status).toBe("damaged");
});

test("an edited specification is caught by its checksum", async () => {
  const d = await openAudit(await auditTemplate());
  const ws = auditSpecSheet(d);
  ws.eachRow((row) => {
    if (row.getCell(1).value === "agency") row.getCell(2).value = "Health";
  });
  const r = await checkAudit(Buffer.from(await d.wb.xlsx.writeBuffer()));
  expect(r.issues.map((i) => i.code)).toContain("S11-005");
  expect(r.valid).toBe(false);
});

const withSoffice = withLibreOffice("s11 template re-saved");
withSoffice(
  "re-saved by LibreOffice, a well-filled audit still has no issues and a careless one the same issues",
  async () => {
    const good = await checkAudit(await resaveWithLibreOffice(await filledAudit(), "audit.xlsx"));
    expect(good.issues).toEqual([]);
    expect(good.audit?.actions.map((a) => a.due)).toEqual(["2026-03-31", "2025-12-31", "2026-02-28"]);
    const careless = await filledAudit((d) => {
      d.standard(2, "evidence").value = null;
      d.action(2, "owner").value = null;
    });
    const before = await checkAudit(careless);
    const after = await checkAudit(await resaveWithLibreOffice(careless, "audit.xlsx"));
    expect(after.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual(before.issues.map((i) => [i.code, i.sheet, i.cell]));
    expect(after.issues.map((i) => i.code)).toEqual(["S11-022", "S11-031"]);
  },
  240_000,
);
