/**
 * Writes the bundled sample workbooks in assets/samples/ that `npm run demo` runs on. They are
 * laid out the way partnerships circulate their data (title, merged year bands over quarters,
 * agency section rows, Ref / Good is / Target / outturn / RAG / commentary columns, suppression
 * marks, blank future quarters), with plausible figures for an English safeguarding partnership.
 * Run: npx ts-node --transpile-only scripts/make-samples.ts (the outputs are committed).
 */
import * as path from "node:path";
import ExcelJS from "exceljs";

type Figure = number | string | null;
interface Row {
  ref: string;
  name: string;
  good: "High" | "Low";
  target: number | null;
  outturn: Figure;
  /** Q1..Q4 2024/25 then Q1..Q4 2025/26 (Q3, Q4 2025/26 still to come). */
  q: Figure[];
  rag?: string;
  comment?: string;
  pct?: boolean;
}

const sections: { agency: string; rows: Row[] }[] = [
  {
    agency: "Children's Social Care",
    rows: [
      { ref: "CSC01", name: "Re-referrals to children's social care within 12 months (%)", good: "Low", target: 20, outturn: 22.4, q: [23.1, 21.7, 22.9, 21.0, 19.8, 24.2, null, null], pct: true, comment: "Rise in Q2 linked to domestic abuse re-referrals; deep dive commissioned." },
      { ref: "CSC02", name: "Single assessments completed within 45 working days (%)", good: "High", target: 90, outturn: 86.5, q: [84.2, 87.9, 88.4, 85.6, 91.3, 89.7, null, null], pct: true },
      { ref: "CSC03", name: "Initial child protection conferences within 15 working days of strategy discussion (%)", good: "High", target: 85, outturn: 78, q: [74.0, 80.5, 79.2, 78.3, 83.1, 86.4, null, null], pct: true },
      { ref: "CSC04", name: "Children becoming subject of a CP plan for a second or subsequent time (%)", good: "Low", target: 18, outturn: 21.3, q: [22.0, 19.4, 20.8, 23.0, 17.6, 18.9, null, null], pct: true },
      { ref: "CSC05", name: "Child protection plans lasting 2 years or more (number)", good: "Low", target: 5, outturn: 9, q: [8, 7, 9, 11, 6, "<5", null, null] },
      { ref: "CSC06", name: "Children subject of a child protection plan (rate per 10,000)", good: "Low", target: null, outturn: 44.1, q: [45.2, 43.8, 42.9, 44.6, 41.3, 40.7, null, null] },
    ],
  },
  {
    agency: "Police",
    rows: [
      { ref: "POL01", name: "Domestic abuse incidents where children were present", good: "Low", target: null, outturn: 1846, q: [462, 451, 498, 435, 476, 489, null, null] },
      { ref: "POL02", name: "Strategy discussions attended by police within 1 working day (%)", good: "High", target: 95, outturn: 93.2, q: [91.0, 94.5, 92.8, 94.4, 96.1, 95.0, null, null], pct: true },
      { ref: "POL03", name: "Children taken into police protection", good: "Low", target: null, outturn: 31, q: [9, 6, 8, 8, 7, "*", null, null] },
      { ref: "POL04", name: "Missing episodes of children reported to police", good: "Low", target: null, outturn: 1207, q: [301, 322, 289, 295, 310, 334, null, null] },
    ],
  },
  {
    agency: "Health",
    rows: [
      { ref: "HLT01", name: "New birth visits by health visitors within 14 days (%)", good: "High", target: 90, outturn: 88.7, q: [87.2, 89.5, 88.0, 90.1, 91.4, 85.3, null, null], pct: true, comment: "Q2 dip: vacancies in the north locality." },
      { ref: "HLT02", name: "A&E attendances for self-harm, children aged 10 to 17", good: "Low", target: null, outturn: 214, q: [55, 49, 61, 49, 52, 58, null, null] },
      { ref: "HLT03", name: "Health assessments for children looked after completed on time (%)", good: "High", target: 95, outturn: "n/a", q: [88.0, 90.2, 91.5, 93.0, 94.1, 95.2, null, null], pct: true },
    ],
  },
  {
    agency: "Education",
    rows: [
      { ref: "EDU01", name: "Children missing education (number at quarter end)", good: "Low", target: null, outturn: 112, q: [98, 104, 121, 112, 95, 131, null, null] },
      { ref: "EDU02", name: "Schools returning their Section 11 safeguarding audit (%)", good: "High", target: 100, outturn: 96.4, q: ["n/a", "n/a", 94.0, 96.4, "n/a", "n/a", null, null], pct: true },
      { ref: "EDU03", name: "Permanent exclusions of children with a social worker", good: "Low", target: null, outturn: 14, q: [3, "<5", 5, 6, "<5", 4, null, null] },
    ],
  },
  {
    agency: "Partnership",
    rows: [
      { ref: "PTN01", name: "Agency attendance at initial child protection conferences (%)", good: "High", target: 85, outturn: 81.0, q: [79.5, 82.3, 80.1, 82.0, 84.0, 87.2, null, null], pct: true },
      { ref: "PTN02", name: "Practitioners attending multi-agency safeguarding training", good: "High", target: 400, outturn: 1733, q: [402, 388, 497, 446, 415, 372, null, null] },
    ],
  },
];

function ragFor(row: Row): string {
  const latest = row.q[5];
  if (row.target === null || typeof latest !== "number") return "";
  const achievement = row.good === "High" ? latest / row.target : row.target / latest;
  return achievement >= 0.95 ? "G" : achievement >= 0.9 ? "A" : "R";
}

async function scorecard(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Safeguarding Children Partnership business unit";
  wb.created = new Date(Date.UTC(2025, 9, 20));
  wb.modified = wb.created;
  const cover = wb.addWorksheet("Cover");
  cover.getCell("B2").value = "Northshire Safeguarding Children Partnership";
  cover.getCell("B2").font = { bold: true, size: 16 };
  cover.getCell("B4").value = "Quarterly multi-agency performance scorecard";
  cover.getCell("B5").value = "Quarter 2 2025/26 (July to September 2025)";
  cover.getCell("B7").value = "Prepared for the Performance and Quality Assurance sub-group. Figures below 5 are suppressed (<5 or *).";
  cover.getColumn(2).width = 90;

  const ws = wb.addWorksheet("Scorecard", { views: [{ state: "frozen", xSplit: 2, ySplit: 4 }] });
  ws.getCell("A1").value = "Multi-agency safeguarding scorecard: Quarter 2 2025/26";
  ws.getCell("A1").font = { bold: true, size: 14 };
  // Row 3: merged year bands over the quarter columns; row 4: the column headings.
  const head = ["Ref", "Indicator", "Good is", "Target\n2025/26", "2024/25\noutturn", "Q1", "Q2", "Q3", "Q4", "Q1", "Q2", "Q3", "Q4", "RAG", "Commentary"];
  ws.getRow(4).values = head;
  ws.mergeCells("F3:I3");
  ws.getCell("F3").value = "2024/25";
  ws.mergeCells("J3:M3");
  ws.getCell("J3").value = "2025/26";
  for (const r of [3, 4]) {
    ws.getRow(r).font = { bold: true };
    ws.getRow(r).alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  }
  let r = 5;
  for (const section of sections) {
    ws.mergeCells(r, 1, r, 15);
    ws.getCell(r, 1).value = section.agency;
    ws.getCell(r, 1).font = { bold: true, color: { argb: "FFFFFFFF" } };
    ws.getCell(r, 1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } };
    r++;
    for (const row of section.rows) {
      const values: Figure[] = [row.ref, row.name, row.good, row.target === null ? "" : row.pct ? row.target / 100 : row.target, row.pct && typeof row.outturn === "number" ? row.outturn / 100 : row.outturn];
      for (const v of row.q) values.push(row.pct && typeof v === "number" ? v / 100 : v);
      values.push(ragFor(row), row.comment ?? null);
      ws.getRow(r).values = values.map((v) => (v === null ? undefined : v)) as ExcelJS.CellValue[];
      if (row.pct) for (let c = 4; c <= 13; c++) ws.getCell(r, c).numFmt = "0.0%";
      ws.getCell(r, 15).alignment = { wrapText: true };
      r++;
    }
  }
  r++;
  ws.getCell(r, 1).value = "Notes: <5 and * mark numbers suppressed to protect privacy; n/a: not collected that quarter. Q3 and Q4 2025/26 are not yet due.";
  ws.getCell(r + 1, 1).value = "Source: agency returns to the partnership business unit, October 2025.";
  ws.getColumn(1).width = 8;
  ws.getColumn(2).width = 60;
  ws.getColumn(15).width = 50;
  await wb.xlsx.writeFile(file);
}

/** The partnership's indicator set with content area, type and source: the gap analysis input. */
function indicatorSetCsv(): string {
  const lines = [
    "Indicator ID,Indicator,Agency,Unit,Polarity,Target,Content area,Type,Source,Frequency",
    "CSC01,Re-referrals to children's social care within 12 months (%),Children's Social Care,percent,Low,20,Priority service areas,Outcome,MI,Quarterly",
    "CSC02,Single assessments completed within 45 working days (%),Children's Social Care,percent,High,90,Priority service areas,Quantity,MI,Quarterly",
    "CSC03,Initial child protection conferences within 15 working days of strategy discussion (%),Children's Social Care,percent,High,85,Priority service areas,Quantity,MI,Quarterly",
    "CSC04,Children becoming subject of a CP plan for a second or subsequent time (%),Children's Social Care,percent,Low,18,Priority service areas,Outcome,MI,Quarterly",
    "CSC05,Child protection plans lasting 2 years or more (number),Children's Social Care,count,Low,5,Priority service areas,Quantity,MI,Quarterly",
    "CSC06,Children subject of a child protection plan (rate per 10000),Children's Social Care,rate,Low,,Priority service areas,Quantity,MI,Quarterly",
    "CSC07,CP case files audited as good or better (%),Children's Social Care,percent,High,70,Priority service areas,Quality,Case file audit,Quarterly",
    "POL01,Domestic abuse incidents where children were present,Police,count,Low,,Specific risk issues,Quantity,MI,Quarterly",
    "POL02,Strategy discussions attended by police within 1 working day (%),Police,percent,High,95,Partnership working,Quantity,MI,Quarterly",
    "POL03,Children taken into police protection,Police,count,Low,,Vulnerable groups of children,Quantity,MI,Quarterly",
    "POL04,Missing episodes of children reported to police,Police,count,Low,,Vulnerable groups of children,Quantity,MI,Quarterly",
    "HLT01,New birth visits by health visitors within 14 days (%),Health,percent,High,90,Priority service areas,Quantity,MI,Quarterly",
    "HLT02,A&E attendances for self-harm children aged 10 to 17,Health,count,Low,,Specific risk issues,Quantity,MI,Quarterly",
    "HLT03,Health assessments for children looked after completed on time (%),Health,percent,High,95,Vulnerable groups of children,Quantity,MI,Quarterly",
    "EDU01,Children missing education (number at quarter end),Education,count,Low,,Vulnerable groups of children,Quantity,MI,Termly",
    "EDU02,Schools returning their Section 11 safeguarding audit (%),Education,percent,High,100,Partnership working,Quantity,MI,Annual",
    "EDU03,Permanent exclusions of children with a social worker,Education,count,Low,,Vulnerable groups of children,Quantity,MI,Termly",
    "PTN01,Agency attendance at initial child protection conferences (%),Partnership,percent,High,85,Partnership working,Quantity,MI,Quarterly",
    "PTN02,Practitioners attending multi-agency safeguarding training,Partnership,count,High,400,Workforce,Quantity,MI,Quarterly",
    "PTN03,Practitioners who say training improved their practice (%),Partnership,percent,High,80,Workforce,Outcome,Frontline staff,Quarterly",
    "PTN04,Children and young people who say they feel safe (%),Partnership,percent,High,,Vulnerable groups of children,Outcome,Children and parents,Annual",
  ];
  return lines.join("\r\n") + "\r\n";
}

async function main(): Promise<void> {
  const dir = path.join(__dirname, "..", "assets", "samples");
  await scorecard(path.join(dir, "partnership-scorecard-q2-2025-26.xlsx"));
  const fs = await import("node:fs");
  fs.writeFileSync(path.join(dir, "indicator-set.csv"), indicatorSetCsv());
  console.log(`Wrote the sample workbooks to ${path.relative(process.cwd(), dir)}`);
}

void main();
