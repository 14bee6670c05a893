/**
 * The period and due date a return template is made for, as a person types them. The command
 * line's template verb and the task pane both read them here, and each words its own refusal
 * (an option name on the command line, a sentence in the pane).
 */
import type { Period } from "../model/model";
import { parsePeriod, toPeriod } from "../periods";

/**
 * The period a label names in full ("Q2 2025/26", "2025/26", "Apr 2025"); null when it names
 * none, or only part of one ("Q2" without a year), since a return must say exactly which period.
 */
export function readPeriodLabel(label: string): Period | null {
  const parsed = parsePeriod(label.trim());
  return parsed && parsed.complete ? toPeriod(parsed) : null;
}

/**
 * The date written YYYY-MM-DD, trimmed; null when it is not in that form or is not a real day
 * (2025-02-30), which the return would otherwise show as a due date that never comes.
 */
export function readDueDate(text: string): string | null {
  const trimmed = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? trimmed : null;
}
