/**
 * The lists the sub-committee works from: actions overdue, actions due soon, actions marked
 * complete without evidence of their outcome (the framework signs an action off only with
 * evidence), and actions whose due date is missing or is not a date.
 */
import { daysBetween } from "../periods/days";
import { labelKey } from "../returns/layout";
import { DUE_SOON_DAYS } from "./layout";
import { CLOSED_STATUSES, type LogAction } from "./types";

export interface DueAction {
  action: LogAction;
  /** Days past the due date (overdue) or left until it (due soon). */
  days: number;
}

export interface DueLists {
  /** YYYY-MM-DD: the day the lists are as at. */
  asAt: string;
  overdue: DueAction[];
  dueSoon: DueAction[];
  completeWithoutEvidence: LogAction[];
  /** Open actions with no due date, or one that is not a date. */
  noDate: LogAction[];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isClosed(a: LogAction): boolean {
  return CLOSED_STATUSES.some((s) => labelKey(s) === labelKey(a.status));
}

export function dueLists(actions: readonly LogAction[], asAt: string): DueLists {
  const out: DueLists = { asAt, overdue: [], dueSoon: [], completeWithoutEvidence: [], noDate: [] };
  for (const a of actions) {
    if (labelKey(a.status) === "complete" && a.evidence.trim() === "") out.completeWithoutEvidence.push(a);
    if (isClosed(a)) continue;
    if (!ISO_DAY.test(a.due)) {
      out.noDate.push(a);
      continue;
    }
    const left = daysBetween(asAt, a.due);
    if (left < 0) out.overdue.push({ action: a, days: -left });
    else if (left <= DUE_SOON_DAYS) out.dueSoon.push({ action: a, days: left });
  }
  out.overdue.sort((x, y) => y.days - x.days);
  out.dueSoon.sort((x, y) => x.days - y.days);
  return out;
}
