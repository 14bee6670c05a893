/**
 * The add-in's sheets as people print them (the scorecard and the report book have their own
 * tests): the Section 11 and action sheets the sub-committee takes to a meeting (the summary for
 * challenge, the standards to challenge, the action log, the actions due), the gap analysis for the
 * board, and a return template an agency lead checks before sending. Each is made long enough to
 * run over several pages, written to .xlsx by the file adapter and printed to PDF by LibreOffice:
 * every page is landscape on the sheet's paper (A4 for the narrow sheets, A3 for the wide ones),
 * every page holds the whole heading row (fitted one page across, the heading repeated at the top),
 * and every agency, action or indicator is printed.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { actionLogSheet, actionsDueSheet } from "../../src/core/actions/plan";
import { dueLists } from "../../src/core/actions/due";
import { defaultFramework } from "../../src/core/framework/default-framework";
import { analyseGaps, gapAnalysisPlan } from "../../src/core/gap";
import type { LogAction } from "../../src/core/actions/types";
import type { Indicator, Period } from "../../src/core/model";
import type { SheetPlan } from "../../src/core/plan/plan";
import { returnTemplatePlan } from "../../src/core/returns";
import { STANDARDS, type Rating } from "../../src/core/s11/standards";
import { challengeSheet, summarySheet } from "../../src/core/s11/summary";
import type { AuditContent } from "../../src/core/s11/validate";
import { renderPlanToXlsx } from "../../src/files/render";
import { templateInput } from "../core/returns/kit";
import { convertWithLibreOffice, pdfPageSizes, pdfPageText, withLibreOffice } from "./libreoffice";

const it = withLibreOffice("Printing the add-in's sheets");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sgp-s11-print-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const YEAR: Period = { start: "2025-04-01", end: "2026-03-31", label: "2025/26" };
const RATINGS: Rating[] = ["Fully met", "Partly met", "Not met"];
const AGENCIES = Array.from({ length: 70 }, (_, i) => `Agency ${String(i + 1).padStart(2, "0")}`);
const EVIDENCE = "Training records for the year show most front-line staff completed level three safeguarding training; supervision notes sampled in the autumn refer to it.";

function audit(agency: string, k: number): AuditContent {
  return {
    file: `${agency}.xlsx`,
    partnership: "Northshire Safeguarding Children Partnership",
    agency,
    period: YEAR,
    standards: STANDARDS.map((s, i) => ({
      number: s.number,
      name: s.name,
      short: s.short,
      rating: RATINGS[(i + k) % 3]!,
      evidence: EVIDENCE,
      comments: "Reviewed by the designated lead.",
      source: { file: `${agency}.xlsx`, sheet: "Audit", cell: `D${19 + i}` },
    })),
    actions: [],
  };
}

const AUDITS = AGENCIES.map(audit);
const ACTIONS: LogAction[] = Array.from({ length: 240 }, (_, i) => ({
  id: `S11-${String(i + 1).padStart(3, "0")}`,
  source: "Section 11 audit",
  from: "Section 11 audit 2025/26",
  agency: AGENCIES[i % AGENCIES.length]!,
  about: `Standard ${(i % 9) + 1}: ${STANDARDS[i % 9]!.short}`,
  action: "Refresh the safeguarding training plan so that every new starter completes level three within their first three months.",
  owner: "Designated safeguarding lead",
  due: i % 3 === 0 ? "2026-01-15" : "2026-06-30",
  status: i % 4 === 0 ? "In progress" : "Not started",
  evidence: "",
  notes: "Agreed at the challenge session.",
}));

/** A3 and A4, landscape, in points (420 x 297 mm and 297 x 210 mm). */
const A3: [number, number] = [1191, 842];
const A4: [number, number] = [842, 595];

/** The sheet written alone to .xlsx and printed to PDF: each page's size in points, rounded, and its text on one line. */
async function print(plan: SheetPlan, name: string): Promise<{ sizes: [number, number][]; texts: string[] }> {
  const file = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(file, await renderPlanToXlsx({ sheets: [plan] }));
  const pdf = convertWithLibreOffice(file, "pdf", path.join(dir, name));
  const sizes = pdfPageSizes(pdf);
  return { sizes, texts: sizes.map((_, i) => pdfPageText(pdf, i + 1)) };
}

/**
 * Every page on the paper; on every page the words that head it (the heading row, repeated) and at
 * least one item, so no page is the right-hand part of a sheet that did not fit across; every item
 * printed somewhere.
 */
function expectPrinted(out: { sizes: [number, number][]; texts: string[] }, paper: [number, number], headings: readonly string[], items: readonly string[], leastPages = 2): void {
  expect(out.sizes.length).toBeGreaterThanOrEqual(leastPages);
  expect(out.sizes.filter(([w, h]) => w !== paper[0] || h !== paper[1])).toEqual([]);
  out.texts.forEach((text, i) => {
    expect({ page: i + 1, missing: headings.filter((h) => !text.includes(h)), anItem: items.some((item) => text.includes(item)) }).toEqual({ page: i + 1, missing: [], anItem: true });
  });
  const all = out.texts.join(" ");
  expect(items.filter((item) => !all.includes(item))).toEqual([]);
}

/** A hundred and sixty indicators, the police's and children's services', in the framework's words: some names wrap. */
const INDICATORS: Indicator[] = Array.from({ length: 160 }, (_, i) => ({
  id: `IND${String(i + 1).padStart(2, "0")}`,
  name: [`Referrals to children's social care from the police ${i + 1}`, `Percentage of child protection plans lasting two years or more, reviewed within timescale ${i + 1}`, `Missing episodes of children looked after ${i + 1}`][i % 3]!,
  agency: i % 2 ? "Police" : "Children's Social Care",
  unit: i % 3 === 1 ? "percent" : "count",
  polarity: i % 3 === 1 ? "higher" : "lower",
  target: i % 3 === 1 ? 90 : null,
  contentArea: null,
  type: null,
  source: null,
  frequency: "quarterly",
}));

describe("the add-in's sheets printed from LibreOffice", () => {
  it("the summary for challenge prints on A4 landscape, one page across, headings on every page", async () => {
    const out = await print(summarySheet(AUDITS, "Northshire Safeguarding Children Partnership", "2026-03-31"), "summary");
    expectPrinted(out, A4, ["Agency", "Period"], AGENCIES);
  }, 300_000);

  it("the standards to challenge print on A3 landscape, one page across, headings on every page", async () => {
    const out = await print(challengeSheet(AUDITS), "challenge");
    expectPrinted(out, A3, ["Agency", "Actions the agency gave"], AGENCIES);
  }, 300_000);

  it("the action log prints on A3 landscape, one page across, headings on every page", async () => {
    const out = await print(actionLogSheet(ACTIONS), "log");
    expectPrinted(out, A3, ["Action ID", "Due state (worked out)"], ACTIONS.map((a) => a.id));
  }, 300_000);

  it("the actions due print on A4 landscape, one page across, the title on every page", async () => {
    const lists = dueLists(ACTIONS, "2026-03-01");
    const listed = [...lists.overdue, ...lists.dueSoon].map((d) => d.action.id);
    expect(listed.length).toBe(80);
    const out = await print(actionsDueSheet(lists), "due");
    expectPrinted(out, A4, ["Actions due, as at"], listed);
  }, 300_000);

  it("a return template prints on A4 landscape, one page across, its table's headings on every page", async () => {
    const plan = returnTemplatePlan(templateInput({ indicators: INDICATORS, agency: "Police", previous: {} }));
    const out = await print(plan.sheets[0]!, "return");
    expectPrinted(out, A4, ["Indicator ID", "Commentary"], INDICATORS.filter((i) => i.agency === "Police").map((i) => i.id ?? i.name));
  }, 300_000);

  it("the gap analysis prints on A3 landscape, one page across, and its placements with their headings on every page", async () => {
    const [gap, placements] = gapAnalysisPlan(analyseGaps(INDICATORS, defaultFramework), defaultFramework);
    const gapOut = await print(gap!, "gap");
    // However long the gaps table runs, the matrix of content areas is on its first page, whole.
    expectPrinted(gapOut, A3, ["Gap analysis"], defaultFramework.areas.map((a) => a.name), 1);
    expect(defaultFramework.areas.filter((a) => !gapOut.texts[0]!.includes(a.name)).map((a) => a.name)).toEqual([]);
    const placed = await print(placements!, "placements");
    expectPrinted(placed, A3, ["Indicator ID", "Confirmed"], INDICATORS.map((i) => i.id ?? i.name));
  }, 300_000);
});
