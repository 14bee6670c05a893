/** What a collation did to the action log, in sentences for the secretary. */
import { shortDay } from "../periods/days";
import type { LogChanges } from "./merge";
import { FIELD_NAMES, type LogField } from "./types";

function shown(field: LogField, value: string): string {
  if (value === "") return "blank";
  return `"${field === "due" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? shortDay(value) : value}"`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function changeLines(c: LogChanges): string[] {
  const lines: string[] = [];
  if (c.fresh) lines.push("There was no action log before, so it was made from the audits collated.");
  lines.push(c.added.length ? `Added ${plural(c.added.length, "action", "actions")} from the audits: ${c.added.join(", ")}.` : "No new actions from the audits.");
  for (const u of c.updated) lines.push(`${u.id}: the ${FIELD_NAMES[u.field]} was ${shown(u.field, u.was)} and is now ${shown(u.field, u.now)}, as the latest audit says (nobody had changed it in the log).`);
  for (const k of c.keptEdits) {
    lines.push(`${k.id}: the ${FIELD_NAMES[k.field]} in the log, ${shown(k.field, k.kept)}, was kept; the latest audit says ${shown(k.field, k.auditSays)}. Change the log by hand if the audit is right.`);
  }
  for (const g of c.givenIds) lines.push(`The action typed into row ${g.row} had no ID of its own, so it was given ${g.id}.`);
  if (c.notAddedAgain.length) {
    lines.push(`${plural(c.notAddedAgain.length, "action was", "actions were")} deleted from the log by hand and ${c.notAddedAgain.length === 1 ? "is" : "are"} not added again: ${c.notAddedAgain.join(", ")}.`);
  }
  return lines;
}

/** The log's changes in one line, for the command line and the pane. */
export function changeSummary(c: LogChanges, total: number): string {
  const parts = [`${plural(total, "action", "actions")} in the log`, `${c.added.length} new`];
  if (c.updated.length) parts.push(`${plural(c.updated.length, "cell", "cells")} updated from corrected audits`);
  if (c.keptEdits.length) parts.push(`${plural(c.keptEdits.length, "edit", "edits")} made by hand kept where an audit now differs`);
  return parts.join(", ");
}
