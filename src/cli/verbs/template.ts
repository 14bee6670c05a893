/**
 * `template --indicators SET --agency NAME --period LABEL --out RETURN.xlsx [--due YYYY-MM-DD]`
 * (../shared/contract/CLI.md): the return template for one agency and period, carrying its own
 * specification on a very hidden sheet so that it can be validated anywhere.
 *
 * `template --kind s11 --agency NAME --period LABEL --out AUDIT.xlsx [--due] [--partnership]`:
 * a Section 11 self-audit instead, which needs no indicator set; with one, its title names the
 * partnership as it does on a return.
 */
import { InputError } from "../../core/errors";
import type { Period } from "../../core/model";
import { agenciesOf, indicatorsForAgency, partnershipOfSet, readDueDate, readPeriodLabel, returnTemplatePlan } from "../../core/returns";
import { ACTION_ROWS, auditTemplatePlan } from "../../core/s11";
import { renderPlanToXlsx } from "../../files";
import { readWorkbookFile } from "../../files/node";
import { assertNotAnInput, assertReadable, writeOutput } from "../io";
import { EXIT_DONE } from "../run";
import { readIndicatorInput } from "./gap";

export interface TemplateArgs {
  /** "return" (the default) or "s11". */
  kind?: string;
  /** The indicator set: needed for a return, optional for an audit. */
  indicators?: string;
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

export type TemplateKind = "return" | "s11";

/** The kind asked for; anything else is refused in words that name the choices. */
export function templateKind(text: string | undefined): TemplateKind {
  const key = (text ?? "return").trim().toLowerCase();
  if (key === "return") return "return";
  if (key === "s11" || key === "section-11" || key === "section11") return "s11";
  throw new InputError(`--kind ${text} is not a kind of template this tool makes; use --kind return (the quarterly return, the default) or --kind s11 (the Section 11 self-audit).`);
}

async function runAuditTemplate(args: TemplateArgs): Promise<number> {
  const inputs = args.indicators !== undefined ? [args.indicators] : [];
  for (const f of inputs) assertReadable(f);
  assertNotAnInput(args.out, inputs, "--out");
  const period = periodOfLabel(args.period);
  const due = dueDate(args.due);
  let partnership = args.partnership?.trim() ?? "";
  if (partnership === "" && args.indicators !== undefined) {
    const set = await readIndicatorInput(args.indicators);
    partnership = await partnershipName(args.indicators, set.sheet);
  }
  const plan = auditTemplatePlan({ partnership, agency: args.agency, period, due });
  writeOutput(args.out, await renderPlanToXlsx(plan));
  process.stdout.write(`Wrote ${args.out}: the Section 11 self-audit for ${args.agency.trim()}, ${period.label}, with the nine standards and room for ${ACTION_ROWS} actions.\n`);
  return EXIT_DONE;
}

export async function runTemplate(args: TemplateArgs): Promise<number> {
  if (templateKind(args.kind) === "s11") return runAuditTemplate(args);
  if (args.indicators === undefined) {
    throw new InputError("A return template is made from an indicator set: give it with --indicators SET (or use --kind s11 for a Section 11 self-audit, which needs none).");
  }
  const indicators = args.indicators;
  assertReadable(indicators);
  assertNotAnInput(args.out, [indicators], "--out");
  const period = periodOfLabel(args.period);
  const due = dueDate(args.due);
  const set = await readIndicatorInput(indicators);
  const chosen = indicatorsForAgency(set.indicators, args.agency);
  if (!chosen) {
    const agencies = agenciesOf(set.indicators);
    throw new InputError(
      agencies.length
        ? `There is no agency "${args.agency}" in ${indicators}; its agencies are: ${agencies.join(", ")}.`
        : `${indicators} names no agencies (it has no Agency column, or the column is empty), so no agency's return can be made from it.`,
      { file: indicators },
    );
  }
  const plan = returnTemplatePlan({
    indicators: chosen.indicators,
    partnership: args.partnership?.trim() || (await partnershipName(indicators, set.sheet)),
    agency: chosen.agency,
    period,
    due,
  });
  writeOutput(args.out, await renderPlanToXlsx(plan));
  process.stdout.write(`Wrote ${args.out}: the ${period.label} return for ${chosen.agency}, with ${chosen.indicators.length} indicator${chosen.indicators.length === 1 ? "" : "s"}.\n`);
  return EXIT_DONE;
}
