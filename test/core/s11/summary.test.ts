/**
 * The summary for challenge and the challenge list, as plans and as a rendered file: ratings in
 * words, live counts, the standards to challenge worst first, and every agency's text kept as
 * text (an evidence cell that begins with "=" is never written as a formula).
 */
import { collateReturns } from "../../../src/core/collate";
import { wrappedLines } from "../../../src/core/plan/units";
import { challengeItems, challengeSheet, SUMMARY_ROWS, summarySheet } from "../../../src/core/s11/summary";
import { readWorkbookBuffer } from "../../../src/files/read";
import { renderPlanToXlsx } from "../../../src/files/render";
import { day, filledAudit } from "./kit";

async function audits() {
  const police = await filledAudit((d) => (d.standard(6, "evidence").value = "=cmd|' /C calc'!A0"));
  const health = await filledAudit(
    (d) => {
      for (const k of [1, 2, 3]) d.addAction(k, null, null, null, null);
      d.standard(5, "rating").value = "Fully met";
      d.standard(6, "rating").value = "Fully met";
      d.standard(2, "rating").value = "Not met";
      d.addAction(1, 2, "Publish the statement of responsibility on the staff intranet", "Chief Nurse", day("2026-02-28"));
    },
    { agency: "Health" },
  );
  const r = collateReturns(
    await Promise.all(
      [
        [police, "police.xlsx"],
        [health, "health.xlsx"],
      ].map(async ([b, f]) => ({ file: f as string, workbook: await readWorkbookBuffer(b as Buffer, f as string) })),
    ),
    { today: "2026-01-15" },
  );
  return r.audits;
}

test("the standards to challenge: Not met first, then by standard and agency, with the agency's actions", async () => {
  const items = challengeItems(await audits());
  expect(items.map((i) => [i.rating, i.standard, i.agency, i.actions.length])).toEqual([
    ["Not met", 2, "Health", 1],
    ["Not met", 6, "Police", 2],
    ["Partly met", 5, "Police", 1],
  ]);
  expect(items[0]!.actions).toEqual(["#1 Publish the statement of responsibility on the staff intranet (Chief Nurse, due 28/02/2026)"]);
});

test("the summary puts each rating in words in its agency's row, with live counts per standard and per agency", async () => {
  const sheet = summarySheet(await audits(), "Northshire Safeguarding Children Partnership", "2026-01-15");
  const table = sheet.blocks[3]!.values;
  expect(table[0]!.slice(0, 4)).toEqual(["Agency", "Period", "1. Senior management commitment", "2. Statement of responsibility"]);
  expect(table.slice(1).map((r) => [r[0], r[3], r[7]])).toEqual([
    ["Health", "Not met", "Fully met"],
    ["Police", "Fully met", "Not met"],
  ]);
  expect(table[1]![11]).toEqual({ formula: 'COUNTIF(C6:K6,"Fully met")' });
  const counts = sheet.blocks[4]!.values;
  expect(counts.map((r) => r[0])).toEqual(["Standards rated", "Fully met", "Partly met", "Not met", "No rating"]);
  expect(counts[3]![2]).toEqual({ formula: 'COUNTIF(C6:C7,"Not met")' });
  expect(sheet.conditionalFormats?.map((c) => c.kind === "expression" && c.formula)).toEqual(['C6="Fully met"', 'C6="Partly met"', 'C6="Not met"']);
  expect(String(sheet.blocks[1]!.values[0]![0])).toBe("Northshire Safeguarding Children Partnership. 2 audits for 2025/26 collated on 15 January 2026.");
});

test("the summary's heading row is tall enough for the standards' names, wrapped in bold in their narrow columns", async () => {
  const sheet = summarySheet(await audits(), "Northshire Safeguarding Children Partnership", "2026-01-15");
  const header = sheet.blocks[3]!.values[0]!.map(String);
  const lines = Math.max(...header.map((text, col) => wrappedLines(text, sheet.columnWidths!.find((w) => w.col === col)!.width, { bold: true })));
  expect(lines).toBeGreaterThan(1);
  expect(sheet.rowHeights).toEqual([{ row: SUMMARY_ROWS.header, height: 15 * lines }]);
});

test("the challenge list wraps the standard, evidence, comments and actions, each row as tall as its longest", async () => {
  const sheet = challengeSheet(await audits());
  expect(sheet.styles).toContainEqual({ range: "C5:C7", style: { wrap: true } });
  const rows = sheet.blocks[2]!.values.slice(1);
  const width = (col: number) => sheet.columnWidths!.find((w) => w.col === col)!.width;
  const expected = rows
    .map((r, i) => ({ row: 4 + i, height: 15 * Math.max(...[2, 4, 5, 6].map((c) => wrappedLines(String(r[c] ?? ""), width(c)))) }))
    .filter((h) => h.height > 15);
  expect(expected.length).toBeGreaterThan(0);
  expect(sheet.rowHeights).toEqual(expected);
});

test("an agency's text that looks like a formula is written as text in the challenge list", async () => {
  const file = await renderPlanToXlsx({ sheets: [challengeSheet(await audits())] });
  const grid = (await readWorkbookBuffer(file, "c.xlsx")).sheets[0]!;
  const cells = grid.rows.flat();
  const evidence = cells.find((c) => c.value === "=cmd|' /C calc'!A0");
  expect(evidence).toBeDefined();
  expect(cells.some((c) => c.formula !== undefined)).toBe(false);
});

test("with no standard below Fully met, the challenge list says so", () => {
  const sheet = challengeSheet([]);
  expect(sheet.blocks[1]!.values[0]![0]).toBe("No agency rates any standard below Fully met.");
});
