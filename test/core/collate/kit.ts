/**
 * Returns for collation tests, made as the returns tests make them (test/core/returns/kit.ts):
 * the template rendered to .xlsx, typed into with ExcelJS as an agency lead would, saved, and read
 * back through the file adapter. Each agency gets the same seven indicators (so agency is what
 * tells their figures apart) with figures of its own.
 */
import type { Indicator, Period } from "../../../src/core/model/model";
import type { CollateInput } from "../../../src/core/collate";
import { isInputError } from "../../../src/core/errors";
import { readWorkbookBuffer } from "../../../src/files/read";
import { filled, INDICATORS, PERIOD, type Desk } from "../returns/kit";

export { PERIOD } from "../returns/kit";
export const Q2: Period = { start: "2025-07-01", end: "2025-09-30", label: "Q2 2025/26" };

/** CP02 (re-referrals, %) and CP03 (children on a plan, count) differ by agency, so a mix-up shows. */
export const FIGURES: Record<string, { CP02: number; CP03: number }> = {
  "Children's Social Care": { CP02: 18, CP03: 120 },
  Police: { CP02: 12, CP03: 115 },
  Health: { CP02: 15, CP03: 119 },
  Education: { CP02: 9, CP03: 117 },
};

/** The indicator set: every agency named, each with the seven indicators. */
export function setOf(agencies: readonly string[]): Indicator[] {
  return agencies.flatMap((agency) => INDICATORS.map(({ choices: _choices, ...ind }) => ({ ...ind, agency })));
}

/** An agency's return as saved by its lead: filled correctly with the agency's figures, then `edit`ed. */
export async function agencyReturn(agency: string, edit: (d: Desk) => void = () => undefined, period: Period = PERIOD): Promise<Buffer> {
  const figures = FIGURES[agency];
  if (!figures) throw new Error(`no figures for ${agency}`);
  return filled(
    (d) => {
      d.at("CP02", "value").value = figures.CP02;
      d.at("CP03", "value").value = figures.CP03;
      edit(d);
    },
    { agency, period },
  );
}

/** A file as the command line hands it over: read by the file adapter, or its reason for not being read. */
export async function input(bytes: Uint8Array, file: string): Promise<CollateInput> {
  try {
    return { file, workbook: await readWorkbookBuffer(bytes, file) };
  } catch (e) {
    if (isInputError(e)) return { file, unreadable: e.message };
    throw e;
  }
}
