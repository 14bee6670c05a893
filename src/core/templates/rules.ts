/**
 * The form every template's checks take (a return's in ../returns/rules.ts, an audit's in
 * ../s11/rules.ts): one rule, one stable code, one severity, one message template, the fields it
 * reads, and its check, run in phases. Modelled on the statutory-return validators local
 * authorities use (the CIN census and SSDA903 validators: errors apart from queries) and
 * Frictionless Data's error catalogue (every issue typed, naming its cell, its message from a
 * template).
 *
 * Messages name the cell ({where}, e.g. "Return!G19"), say what was found and what is expected.
 */
import { quoteSheetName } from "../grid/address";
import type { Severity, ValidationIssue } from "../model/model";
import type { TemplateVersions } from "./layout";

export type Params = Record<string, string | number>;

/** One thing a rule found: where, about which indicator or standard, and the values for its message. */
export interface Finding {
  /** Defaults to the template's main sheet when a cell is given. */
  sheet?: string | null;
  cell: string | null;
  indicatorId?: string | null;
  params: Params;
}

export interface RuleBase {
  code: string;
  severity: Severity;
  title: string;
  /** The message, with {placeholders} filled from the finding's params ({where} is the cell). */
  message: string;
  /** The fields (headings, details, specification entries) the rule reads. */
  fields: readonly string[];
  /** When it finds anything, the file cannot be checked further. */
  blocking?: boolean;
}

/** A rule of one phase, whose check sees that phase's context. */
export type PhaseRule<P extends string, C> = RuleBase & { phase: P; check: (ctx: C) => Finding[] };

/** What a check is asked to hold a filled template to, beyond its own specification. */
export interface CheckOptions {
  /** The partnership the file should belong to; without it the partnership is not checked. */
  partnership?: string;
  /** Template versions this check accepts (default: the versions this code writes). */
  templateVersions?: TemplateVersions;
}

// ---------------------------------------------------------------------------------------------
// Messages

export function fillMessage(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/**
 * "Return!G19", or the sheet alone, or "The return" where no cell is to blame. An audit's
 * messages say "The return" too: the words are part of the stable messages, so they stay.
 */
export function whereText(sheet: string | null, cell: string | null): string {
  if (sheet && cell) return `${quoteSheetName(sheet)}!${cell}`;
  if (sheet) return `Sheet ${sheet}`;
  return "The return";
}

/** The sheet a finding is on: the one it names, else the main sheet when it names a cell. */
export function findingSheet(f: Finding, mainSheet: string): string | null {
  if (f.sheet !== undefined) return f.sheet;
  return f.cell === null ? null : mainSheet;
}

// ---------------------------------------------------------------------------------------------
// The catalogue

export interface CatalogueEntry {
  code: string;
  severity: Severity;
  title: string;
  message: string;
  fields: readonly string[];
  blocking: boolean;
}

/** Every rule, for printing: into the template's checks sheet, the README, or a help panel. */
export function catalogueOf(rules: readonly RuleBase[]): CatalogueEntry[] {
  return rules.map((r) => ({ code: r.code, severity: r.severity, title: r.title, message: r.message, fields: r.fields, blocking: r.blocking ?? false }));
}

// ---------------------------------------------------------------------------------------------
// Running the rules

type AnyRule = PhaseRule<string, never>;

/** What the rules of one phase see, for a catalogue of phase rules. */
export type PhaseContext<R extends AnyRule, P extends R["phase"]> = Parameters<Extract<R, { phase: P }>["check"]>[0];

function toIssue(rule: RuleBase, f: Finding, mainSheet: string): ValidationIssue {
  const sheet = findingSheet(f, mainSheet);
  return {
    code: rule.code,
    severity: rule.severity,
    sheet,
    cell: f.cell,
    message: fillMessage(rule.message, { ...f.params, where: whereText(sheet, f.cell) }),
    indicatorId: f.indicatorId ?? null,
  };
}

/** Runs one phase's rules, in catalogue order; `blocked` when a blocking rule found something. */
export function runPhase<R extends AnyRule, P extends R["phase"]>(
  rules: readonly R[],
  phase: P,
  ctx: PhaseContext<R, P>,
  mainSheet: string,
): { issues: ValidationIssue[]; blocked: boolean } {
  const issues: ValidationIssue[] = [];
  let blocked = false;
  for (const rule of rules) {
    if (rule.phase !== phase) continue;
    const found = (rule.check as (c: PhaseContext<R, P>) => Finding[])(ctx);
    if (found.length && rule.blocking) blocked = true;
    for (const f of found) issues.push(toIssue(rule, f, mainSheet));
  }
  return { issues, blocked };
}
