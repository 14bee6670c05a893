/**
 * The collated workbook, rendered to .xlsx by the file adapter and read back: its four sheets,
 * their tables and frozen headings, and what each says about a collation with a rejected return,
 * a missing agency, a repeat and a conflict.
 */
import { collatedPlan, collateReturns, sameFigure, type CollateResult } from "../../../src/core/collate";
import type { Observation } from "../../../src/core/model/model";
import type { SnapshotSheet } from "../../../src/core/plan/snapshot";
import { renderPlanToXlsx, snapshotXlsx } from "../../../src/files";
import { agencyReturn, input, setOf } from "./kit";

let result: CollateResult;
let sheets: Map<string, SnapshotSheet>;

/** A column's values from row 1 to the sheet's last row with anything in it (blank rows as null). */
function column(sheet: SnapshotSheet, letter: string): unknown[] {
  const last = Math.max(...Object.keys(sheet.cells).map((a) => Number(/\d+$/.exec(a)![0])));
  return Array.from({ length: last }, (_, r) => sheet.cells[`${letter}${r + 1}`]?.value ?? null);
}

function cell(sheet: SnapshotSheet, address: string): unknown {
  return sheet.cells[address]?.value ?? null;
}

beforeAll(async () => {
  const csc = await agencyReturn("Children's Social Care");
  const police = await agencyReturn("Police");
  const policeAgain = await agencyReturn("Police", (d) => (d.at("CP02", "value").value = 13));
  const health = await agencyReturn("Health", (d) => (d.at("CP05", "value").value = "=SUM(A1)"));
  result = collateReturns(
    [
      await input(csc, "csc.xlsx"),
      await input(police, "police.xlsx"),
      await input(policeAgain, "police-v2.xlsx"),
      await input(health, "health.xlsx"),
      await input(new TextEncoder().encode("%PDF-1.4\u0000\u0001"), "scan.pdf"),
    ],
    { indicators: setOf(["Children's Social Care", "Police", "Health", "Education"]) },
  );
  const plan = collatedPlan(result);
  const snapshot = await snapshotXlsx(await renderPlanToXlsx(plan));
  sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
  expect(snapshot.activeSheet).toBe("Submissions");
});

test("four sheets, in order, the tables with frozen headings", () => {
  expect([...sheets.keys()]).toEqual(["Submissions", "Collated observations", "Missing and conflicts", "Issues"]);
  expect(sheets.get("Submissions")!.tables).toEqual([{ name: "Submissions", range: "A1:I6", columns: ["File", "Agency", "Period", "Status", "Errors", "Queries", "Warnings", "Reason", "Kind"] }]);
  expect(sheets.get("Collated observations")!.tables[0]).toMatchObject({ name: "CollatedObservations", range: `A1:R${result.observations.length + 1}` });
  expect(sheets.get("Issues")!.tables[0]).toMatchObject({ name: "Issues", columns: ["File", "Agency", "Period", "Severity", "Sheet", "Cell", "Code", "Indicator ID", "Message"] });
  for (const name of ["Submissions", "Collated observations", "Issues"]) expect(sheets.get(name)!.freeze).toEqual({ rows: 1, columns: 0 });
  expect(sheets.get("Missing and conflicts")!.tables).toEqual([]);
});

test("Submissions: one row per file with its verdict and counts", () => {
  const s = sheets.get("Submissions")!;
  expect(column(s, "A")).toEqual(["File", "csc.xlsx", "police.xlsx", "police-v2.xlsx", "health.xlsx", "scan.pdf"]);
  expect(column(s, "D")).toEqual(["Status", "accepted", "accepted", "accepted", "rejected", "rejected"]);
  expect(s.cells["E5"]?.value).toBe(1);
  expect(String(s.cells["H5"]?.value)).toMatch(/^Return!G25: the value for CP05 .* "=SUM\(A1\)"/);
  // A message that starts like a formula is data, never a formula.
  expect(s.cells["H5"]?.formula).toBeUndefined();
  expect(String(s.cells["H6"]?.value)).toContain('"scan.pdf"');
});

test("Collated observations: the accepted figures once, with their source cells; the conflicting figure in neither", () => {
  const s = sheets.get("Collated observations")!;
  expect(result.observations).toHaveLength(7 + 6);
  const rows = column(s, "C").slice(1).map((agency, i) => [agency, cell(s, `A${i + 2}`), cell(s, `G${i + 2}`), cell(s, `P${i + 2}`)]);
  expect(rows.filter(([agency, id]) => agency === "Police" && id === "CP02")).toEqual([]);
  expect(rows.filter(([agency, id]) => agency === "Police" && id === "CP03")).toEqual([["Police", "CP03", 115, "police.xlsx"]]);
  expect(rows.filter(([agency]) => agency === "Health")).toEqual([]);
});

test("Missing and conflicts: plain lists under bold headings", () => {
  const s = sheets.get("Missing and conflicts")!;
  const lines = column(s, "A");
  expect(lines[0]).toBe("Missing returns (nothing received)");
  expect(s.cells["A1"]?.style?.bold).toBe(true);
  expect(lines).toContain("Education (Q1 2025/26)");
  expect(lines).not.toContain("Health (Q1 2025/26)");
  expect(lines).toContainEqual(expect.stringMatching(/^"health\.xlsx" \(Health, Q1 2025\/26\): Return!G25/));
  expect(lines).toContain(`CP02 Re-referrals within 12 months, Police, Q1 2025/26: 12 in "police.xlsx" (Return!G22); 13 in "police-v2.xlsx" (Return!G22).`);
  expect(lines).toContain(`"police-v2.xlsx" gives the same 6 figures as "police.xlsx" for Police, Q1 2025/26; each is counted once, from "police.xlsx".`);
});

test("Issues: every issue of every return, with file, cell, code and message", () => {
  const s = sheets.get("Issues")!;
  const rows = column(s, "A").slice(1).map((file, i) => [file, cell(s, `D${i + 2}`), cell(s, `F${i + 2}`), cell(s, `G${i + 2}`)]);
  expect(rows).toEqual(result.submissions.flatMap((sub) => sub.issues.map((i) => [sub.file, i.kind, i.cell, i.code])));
  expect(rows).toContainEqual(["health.xlsx", "error", "G25", "RET023"]);
  expect(rows).toContainEqual(["scan.pdf", "error", null, "COL001"]);
});

test("an empty collation still renders valid tables", async () => {
  const empty = collateReturns([]);
  const snapshot = await snapshotXlsx(await renderPlanToXlsx(collatedPlan(empty)));
  expect(snapshot.sheets.map((s) => s.tables.length)).toEqual([1, 1, 0, 1]);
  expect(snapshot.sheets[2]!.cells["A2"]?.value).toBe("Not checked: no indicator set was given, so no agency was expected.");
});

describe("sameFigure", () => {
  const base: Observation = {
    indicator: "Conferences on time",
    indicatorId: "CP01",
    agency: "Police",
    period: { start: "2025-04-01", end: "2025-06-30", label: "Q1 2025/26" },
    value: 92.5,
    status: "ok",
    unit: "percent",
    numerator: 37,
    denominator: 40,
    target: 90,
    polarity: "higher",
    rag: "green",
    source: { file: "a.xlsx", sheet: "Return", cell: "G21" },
  };
  test.each<[string, Partial<Observation>, boolean]>([
    ["the same figure from another file, with other commentary", { source: { file: "b.xlsx", sheet: "Return", cell: "G30" }, commentary: "Checked." }, true],
    ["a value that differs only in its last bits (0.925 shown as a percentage)", { value: 92.50000000000001 }, true],
    ["another value", { value: 92.6 }, false],
    ["the same percentage of other counts", { numerator: 74, denominator: 80 }, false],
    ["a numerator left out", { numerator: null, denominator: null }, false],
    ["not available", { value: null, status: "missing", mark: "Not available" }, false],
  ])("%s: %s", (_what, change, same) => {
    expect(sameFigure(base, { ...base, ...change })).toBe(same);
  });
  test("two answers to a choice compare by the answer", () => {
    const yes = { ...base, value: null, mark: "Yes" };
    expect(sameFigure(yes, { ...yes })).toBe(true);
    expect(sameFigure(yes, { ...yes, mark: "No" })).toBe(false);
  });
});
