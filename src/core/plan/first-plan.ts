/**
 * The first plan: a small scorecard sheet that exercises what both adapters must render the same
 * way (values, a formula, an Excel table, number formats, conditional formats, data validation,
 * a merged title, frozen headings and column widths). The adapter-equivalence test renders it
 * through both; it is also a plain example of a plan.
 *
 * Two commentary cells begin with "=" and "-": agency text like this must arrive in Excel as
 * text, never as a formula.
 */
import type { PlanValue, WorkbookPlan } from "./plan";

const HEADINGS = ["Indicator ID", "Indicator", "Agency", "Period", "Value (%)", "Target (%)", "Commentary", "Gap"];

const ROWS: [string, string, string, number, number, string][] = [
  ["CP01", "Child protection conferences held within 15 working days", "Children's social care", 87.5, 90, "Slightly below target; two conferences were rescheduled."],
  ["CP02", "Children subject to a repeat child protection plan within 2 years", "Children's social care", 19, 18, "=Second quarter above the national rate"],
  ["EH03", "Early help assessments completed within 45 days", "Early help", 72.4, 80, "-3.1 points on Q4: staffing gaps in the north locality"],
  ["PL04", "Strategy discussions attended by police", "Police", 95, 95, "On target"],
  ["HE05", "Initial health assessments within 20 working days", "Health", 61.3, 75, "+12 children awaiting appointments"],
];

const FIRST_DATA_ROW = 4; // row 1 title, row 2 blank, row 3 headings

export function firstPlan(): WorkbookPlan {
  const data: PlanValue[][] = ROWS.map(([id, name, agency, value, target, commentary], i) => [
    id,
    name,
    agency,
    "Q1 2025/26",
    value,
    target,
    commentary,
    { formula: `E${FIRST_DATA_ROW + i}-F${FIRST_DATA_ROW + i}` },
  ]);
  const last = FIRST_DATA_ROW + ROWS.length - 1;
  return {
    sheets: [
      {
        name: "Scorecard",
        blocks: [
          { at: "A1", values: [["Safeguarding partnership scorecard: Q1 2025/26"]] },
          { at: "A3", values: [HEADINGS, ...data] },
        ],
        merges: ["A1:H1"],
        styles: [
          { range: "A1", style: { bold: true, size: 14 } },
          { range: `G${FIRST_DATA_ROW}:G${last}`, style: { wrap: true } },
        ],
        numberFormats: [
          { range: `E${FIRST_DATA_ROW}:F${last}`, format: "0.0" },
          { range: `H${FIRST_DATA_ROW}:H${last}`, format: "0.0" },
        ],
        tables: [{ name: "ScorecardData", range: `A3:H${last}`, style: "TableStyleMedium2" }],
        conditionalFormats: [
          {
            kind: "expression",
            range: `E${FIRST_DATA_ROW}:E${last}`,
            formula: `E${FIRST_DATA_ROW}<F${FIRST_DATA_ROW}`,
            style: { fill: "#FFC7CE", fontColor: "#9C0006" },
            priority: 1,
            stopIfTrue: true,
          },
          {
            kind: "expression",
            range: `E${FIRST_DATA_ROW}:E${last}`,
            formula: `E${FIRST_DATA_ROW}>=F${FIRST_DATA_ROW}`,
            style: { fill: "#C6EFCE", fontColor: "#006100" },
            priority: 2,
          },
        ],
        dataValidations: [
          {
            range: `E${FIRST_DATA_ROW}:E${last}`,
            kind: "decimal",
            operator: "between",
            min: 0,
            max: 100,
            allowBlank: true,
            prompt: { title: "Value (%)", message: "A percentage from 0 to 100: 87.5 means 87.5%." },
            error: { title: "Not a percentage", message: "Enter a number from 0 to 100.", style: "stop" },
          },
        ],
        columnWidths: [
          { col: 0, width: 12 },
          { col: 1, width: 48 },
          { col: 2, width: 24 },
          { col: 3, width: 12 },
          { col: 4, width: 11 },
          { col: 5, width: 11 },
          { col: 6, width: 50 },
          { col: 7, width: 8 },
        ],
        freeze: { rows: 3, columns: 0 },
      },
    ],
  };
}
