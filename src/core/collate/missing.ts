/**
 * Which returns have not come in. An agency is expected once for each period collated (the
 * periods of the returns that could be read), when the indicator set names it.
 *
 * "Missing" means nothing arrived: an agency whose only return was rejected is not missing. It
 * has sent something, which is listed among the submissions as rejected with its errors, and
 * what the secretary asks of it is different (put these errors right) from what she asks of an
 * agency that sent nothing (send your return). A file that could not be read at all names no
 * agency, so it cannot count as anyone's return: that agency is missing as well as the file
 * being rejected.
 */
import type { Period } from "../model/model";
import { agenciesOf } from "../returns/agencies";
import { labelKey } from "../returns/layout";
import type { CollateOptions, MissingReturn, Submission } from "./types";

function samePeriod(a: Period, b: Period): boolean {
  return a.start === b.start && a.end === b.end;
}

/** The periods of the submissions that name one, each once, in the order first met. */
export function periodsCollated(submissions: readonly Submission[]): Period[] {
  const periods: Period[] = [];
  for (const s of submissions) if (s.period && !periods.some((p) => samePeriod(p, s.period!))) periods.push(s.period);
  return periods;
}

export function expectedAgencies(options: CollateOptions): string[] | null {
  return options.indicators ? agenciesOf(options.indicators) : null;
}

/**
 * Each agency is expected once for each period collated, and for each kind: quarterly returns for
 * the periods of the returns, Section 11 audits for the periods of the audits (an audit does not
 * stand in for a return, nor a return for an audit).
 */
export function missingReturns(expected: readonly string[], submissions: readonly Submission[]): MissingReturn[] {
  const out: MissingReturn[] = [];
  for (const kind of ["return", "section-11-audit"] as const) {
    const ofKind = submissions.filter((s) => (s.kind ?? "return") === kind);
    for (const period of periodsCollated(ofKind)) {
      for (const agency of expected) {
        const received = ofKind.some((s) => s.agency !== null && s.period !== null && labelKey(s.agency) === labelKey(agency) && samePeriod(s.period, period));
        if (!received) out.push(kind === "return" ? { agency, period } : { agency, period, kind });
      }
    }
  }
  return out;
}

/** The agencies missing for any period, each once, in the set's order. */
export function missingAgencies(expected: readonly string[], missing: readonly MissingReturn[]): string[] {
  return expected.filter((a) => missing.some((m) => m.agency === a));
}
