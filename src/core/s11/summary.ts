/**
 * The partnership's view of its Section 11 audits, for the sub-committee and its challenge
 * sessions (the Barnsley framework, section 6: completed audits come back to the partnership and
 * are examined in "challenge" sessions):
 * - "S11 summary": agencies by standards, each cell the agency's own rating in words, coloured by
 *   live conditional formats (green Fully met, amber Partly met, red Not met), with counts per
 *   standard and per agency worked out by the workbook, so that a rating changed after a
 *   challenge session recolours and recounts by itself;
 * - "S11 challenge list": every standard an agency rates Not met or Partly met, worst first, with
 *   the evidence, comments and the actions the agency gave, for the session to go through.
 */
import { columnLetters } from "../grid/address";
import type { ConditionalFormatPlan, PlanValue, SheetPlan } from "../plan/plan";
import { landscapeOnePageWide } from "../plan/print";
import { wrappedRowHeights } from "../plan/units";
import { shortDay } from "../periods/days";
import { longDate } from "../returns/template";
import { labelKey } from "./layout";
import { needsChallenge, RATING_STYLES, RATINGS, STANDARDS, type Rating } from "./standards";
import type { AuditContent } from "./validate";

export const SUMMARY_SHEET = "S11 summary";
export const CHALLENGE_SHEET = "S11 challenge list";
/** Zero-based rows of the summary: title, what it is, the key, a blank, then the headings. */
export const SUMMARY_ROWS = { title: 0, about: 1, key: 2, header: 4, firstAgency: 5 } as const;
/** The first standard's column (after Agency and Period). */
export const FIRST_STANDARD_COL = 2;

function periodsOf(audits: readonly AuditContent[]): string[] {
  return [...new Set(audits.map((a) => a.period.label))];
}

/** Audits in a stable order: by period, then agency. */
export function orderAudits(audits: readonly AuditContent[]): AuditContent[] {
  return [...audits].sort((a, b) => a.period.start.localeCompare(b.period.start) || labelKey(a.agency).localeCompare(labelKey(b.agency)));
}

function ratingRules(range: string, topLeft: string): ConditionalFormatPlan[] {
  return RATINGS.map((r, i) => ({
    kind: "expression",
    range,
    formula: `${topLeft}="${r}"`,
    style: { fill: RATING_STYLES[r].fill, fontColor: RATING_STYLES[r].fontColor },
    priority: i + 1,
  }));
}

/** The summary's column widths: Agency, Period, a column per standard, a count per rating. */
const SUMMARY_WIDTHS = { agency: 26, period: 10, standard: 14, count: 10 } as const;

export function summarySheet(audits: readonly AuditContent[], partnership: string, asAt: string): SheetPlan {
  const ordered = orderAudits(audits);
  const first = SUMMARY_ROWS.firstAgency + 1;
  const last = Math.max(first, SUMMARY_ROWS.firstAgency + ordered.length);
  const letter = (i: number) => columnLetters(FIRST_STANDARD_COL + i);
  const rowRange = (row: number) => `${letter(0)}${row}:${letter(STANDARDS.length - 1)}${row}`;
  const colRange = (i: number) => `${letter(i)}${first}:${letter(i)}${last}`;

  const header: string[] = ["Agency", "Period", ...STANDARDS.map((s) => `${s.number}. ${s.short}`), ...RATINGS];
  const widths = [SUMMARY_WIDTHS.agency, SUMMARY_WIDTHS.period, ...STANDARDS.map(() => SUMMARY_WIDTHS.standard), ...RATINGS.map(() => SUMMARY_WIDTHS.count)];
  const rows: PlanValue[][] = ordered.map((a, k) => {
    const row = first + k;
    const ratings = STANDARDS.map((s) => a.standards.find((x) => x.number === s.number)?.rating ?? null);
    return [a.agency, a.period.label, ...ratings, ...RATINGS.map((r) => ({ formula: `COUNTIF(${rowRange(row)},"${r}")` }))];
  });
  const body = rows.length ? rows : [header.map(() => null)];
  const countsRow = last + 2;
  const counts: PlanValue[][] = [
    ["Standards rated", null, ...STANDARDS.map(() => null)],
    ...RATINGS.map((r) => [r, null, ...STANDARDS.map((_, i) => ({ formula: `COUNTIF(${colRange(i)},"${r}")` }))]),
    ["No rating", null, ...STANDARDS.map((_, i) => ({ formula: `COUNTBLANK(${colRange(i)})` }))],
  ];
  const periods = periodsOf(ordered);
  const about = `${partnership ? `${partnership}. ` : ""}${ordered.length} ${ordered.length === 1 ? "audit" : "audits"} ${periods.length ? `for ${periods.join(", ")} ` : ""}collated on ${longDate(asAt)}.`;
  const ratingArea = `${letter(0)}${first}:${letter(STANDARDS.length - 1)}${last}`;
  return {
    name: SUMMARY_SHEET,
    blocks: [
      { at: "A1", values: [["Section 11 self-audits: summary for challenge"]] },
      { at: "A2", values: [[about]] },
      {
        at: "A3",
        values: [["Each cell is the agency's own rating, in words, coloured green for Fully met, amber for Partly met and red for Not met. The counts are worked out by the workbook, so they follow a rating changed after a challenge session."]],
      },
      { at: `A${SUMMARY_ROWS.header + 1}`, values: [header, ...body] },
      { at: `A${countsRow}`, values: counts },
    ],
    styles: [
      { range: "A1", style: { bold: true, size: 14 } },
      { range: `A${SUMMARY_ROWS.header + 1}:${columnLetters(header.length - 1)}${SUMMARY_ROWS.header + 1}`, style: { bold: true, wrap: true } },
      { range: `A${countsRow}:A${countsRow + counts.length - 1}`, style: { bold: true } },
      { range: `${letter(0)}${first}:${columnLetters(header.length - 1)}${countsRow + counts.length - 1}`, style: { horizontal: "center" } },
    ],
    conditionalFormats: ratingRules(ratingArea, `${letter(0)}${first}`),
    columnWidths: widths.map((width, col) => ({ col, width })),
    // The standards' names wrap, in bold, in their narrow columns.
    rowHeights: wrappedRowHeights([{ row: SUMMARY_ROWS.header, cells: header.map((text, i) => ({ text, width: widths[i] ?? 0, bold: true })) }]),
    freeze: { rows: SUMMARY_ROWS.header + 1, columns: 1 },
    // Taken to the challenge session: agencies by standards fit one A4 page across.
    print: landscapeOnePageWide("A4", SUMMARY_ROWS.header),
  };
}

export interface ChallengeItem {
  agency: string;
  period: string;
  standard: number;
  short: string;
  rating: Rating;
  evidence: string;
  comments: string;
  /** The actions the agency gave for the standard, in words. */
  actions: string[];
}

const SEVERITY: Record<Rating, number> = { "Not met": 0, "Partly met": 1, "Fully met": 2 };

/** Every standard rated Not met or Partly met: Not met first, then by standard, then agency. */
export function challengeItems(audits: readonly AuditContent[]): ChallengeItem[] {
  const items: ChallengeItem[] = [];
  for (const a of audits) {
    for (const s of a.standards) {
      if (!needsChallenge(s.rating)) continue;
      items.push({
        agency: a.agency,
        period: a.period.label,
        standard: s.number,
        short: s.short,
        rating: s.rating!,
        evidence: s.evidence,
        comments: s.comments,
        actions: a.actions
          .filter((x) => x.standard === s.number)
          .map((x) => `#${x.number} ${x.action} (${x.owner || "no owner"}, due ${x.due ? shortDay(x.due) : "no date"})`),
      });
    }
  }
  return items.sort((x, y) => SEVERITY[x.rating] - SEVERITY[y.rating] || x.standard - y.standard || labelKey(x.agency).localeCompare(labelKey(y.agency)) || x.period.localeCompare(y.period));
}

export const CHALLENGE_HEADINGS = ["Agency", "Period", "Standard", "Rating", "Evidence", "Comments", "Actions the agency gave"] as const;
/** The challenge list's column widths, in the order of its headings. */
const CHALLENGE_WIDTHS = [24, 10, 28, 12, 60, 40, 50] as const;
/** The challenge list's wrapped columns (zero-based): the standard, the evidence, comments and actions. */
const CHALLENGE_WRAPPED = [2, 4, 5, 6] as const;

export function challengeSheet(audits: readonly AuditContent[]): SheetPlan {
  const items = challengeItems(audits);
  const headerRow = 4;
  const first = headerRow + 1;
  const last = Math.max(first, headerRow + items.length);
  const rows: PlanValue[][] = items.map((i) => [i.agency, i.period, `${i.standard}. ${i.short}`, i.rating, i.evidence, i.comments, i.actions.length ? i.actions.join("\n") : "None given"]);
  const body = rows.length ? rows : [CHALLENGE_HEADINGS.map(() => null)];
  const notMet = items.filter((i) => i.rating === "Not met").length;
  return {
    name: CHALLENGE_SHEET,
    blocks: [
      { at: "A1", values: [["Section 11: standards to challenge"]] },
      {
        at: "A2",
        values: [[items.length ? `${items.length} ${items.length === 1 ? "standard" : "standards"} rated below Fully met (${notMet} Not met), worst first.` : "No agency rates any standard below Fully met."]],
      },
      { at: `A${headerRow}`, values: [[...CHALLENGE_HEADINGS], ...body] },
    ],
    styles: [
      { range: "A1", style: { bold: true, size: 14 } },
      // A standard's name is often longer than its column: wrapped, it is read whole, not cut off by the rating.
      { range: `C${first}:C${last}`, style: { wrap: true } },
      { range: `E${first}:G${last}`, style: { wrap: true } },
    ],
    tables: [{ name: "ChallengeList", range: `A${headerRow}:G${last}`, style: "TableStyleMedium2" }],
    conditionalFormats: ratingRules(`D${first}:D${last}`, `$D${first}`),
    columnWidths: CHALLENGE_WIDTHS.map((width, col) => ({ col, width })),
    rowHeights: wrappedRowHeights(rows.map((row, i) => ({ row: first - 1 + i, cells: CHALLENGE_WRAPPED.map((c) => ({ text: String(row[c] ?? ""), width: CHALLENGE_WIDTHS[c] })) }))),
    freeze: { rows: headerRow, columns: 0 },
    // The evidence and actions are long: A3, so that fitting the seven columns across keeps them readable.
    print: landscapeOnePageWide("A3", headerRow - 1),
  };
}
