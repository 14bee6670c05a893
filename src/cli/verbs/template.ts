/**
 * `template --indicators SET --agency NAME --period LABEL --out RETURN.xlsx [--due YYYY-MM-DD]`
 * (../shared/contract/CLI.md): the return template for one agency and period, carrying its own
 * specification on a very hidden sheet so that it can be validated anywhere.
 */
import { InputError } from "../../core/errors";
import type { Period } from "../../core/model";
import { agenciesOf, indicatorsForAgency, partnershipOfSet, readDueDate, readPeriodLabel, returnTemplatePlan } from "../../core/returns";
import { renderPlanToXlsx } from "../../files";
import { readWorkbookFile } from "../../files/node";
import { assertNotAnInput, assertReadable, writeOutput } from "../io";
import { EXIT_DONE } from "../run";
import { readIndicatorInput } from "./gap";

export interface TemplateArgs {
  indicators: string;
  agency: string;
  period: string;
  out: string;
  due?: string;
  /** The partnership's name as it should appear on the return; by default the set's title. */
  partnership?: string;
}

/** The period a label names, by the period parser; anything partial or unreadable is refused. */
export function periodOfLabel(label: string): Period {
  const period = readPeriodLabel(label);
  if (!period) {
    throw new InputError(`"${label}" is not a period this tool can read in full; write it like "Q2 2025/26", "2025/26" or "Apr 2025".`);
  }
  return period;
}

/** A due date written YYYY-MM-DD that is a real day. */
export function dueDate(text: string | undefined): string | null {
  if (text === undefined) return null;
  const day = readDueDate(text);
  if (day === null) throw new InputError(`--due ${text} is not a date written YYYY-MM-DD, such as 2025-07-31.`);
  return day;
}

/** The partnership's name: see partnershipOfSet (a JSON set has no title, so its file name). */
async function partnershipName(file: string, sheet: string | null): Promise<string> {
  if (/\.json$/i.test(file)) return file.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  return partnershipOfSet(await readWorkbookFile(file), sheet);
}

export async function runTemplate(args: TemplateArgs): Promise<number> {
  assertReadable(args.indicators);
  assertNotAnInput(args.out, [args.indicators], "--out");
  const period = periodOfLabel(args.period);
  const due = dueDate(args.due);
  const set = await readIndicatorInput(args.indicators);
  const chosen = indicatorsForAgency(set.indicators, args.agency);
  if (!chosen) {
    const agencies = agenciesOf(set.indicators);
    throw new InputError(
      agencies.length
        ? `There is no agency "${args.agency}" in ${args.indicators}; its agencies are: ${agencies.join(", ")}.`
        : `${args.indicators} names no agencies (it has no Agency column, or the column is empty), so no agency's return can be made from it.`,
      { file: args.indicators },
    );
  }
  const plan = returnTemplatePlan({
    indicators: chosen.indicators,
    partnership: args.partnership?.trim() || (await partnershipName(args.indicators, set.sheet)),
    agency: chosen.agency,
    period,
    due,
  });
  writeOutput(args.out, await renderPlanToXlsx(plan));
  process.stdout.write(`Wrote ${args.out}: the ${period.label} return for ${chosen.agency}, with ${chosen.indicators.length} indicator${chosen.indicators.length === 1 ? "" : "s"}.\n`);
  return EXIT_DONE;
}
