/**
 * The checks that are the same for every template, whatever it asks for: whether its
 * specification can be read, whose it is, which version made it, whether it has been changed,
 * and whether the agency and period above the table are still the template's. A return's
 * catalogue (../returns/rules.ts) and an audit's (../s11/rules.ts) give each its own code; where
 * the words differ only by what the file is called, the rule is made here from those words, so
 * that a fix to one is a fix to both.
 */
import { parsePeriod } from "../periods";
import { labelKey, type DetailCell, type Details, type TemplateVersions } from "./layout";
import type { CheckOptions, Finding, PhaseRule } from "./rules";
import type { CommonSpec, SpecRead } from "./spec-sheet";

/** What a template's messages call things. */
export interface TemplateWords {
  /** The filled-in file: "return", "audit". */
  noun: string;
  /** What a person copies from it into a new template: "figures", "answers". */
  copy: string;
  /** What they ask the partnership for when it cannot be read: "template", "audit template". */
  template: string;
}

/** What the file-phase rules see: whether a specification was found. */
export interface FilePhaseContext<S> {
  file: string;
  specRead: SpecRead<S>;
}

/** What the specification-phase rules see; each template adds the read of its own sheets. */
export interface SpecPhaseContext<S extends CommonSpec> {
  file: string;
  spec: S;
  specSheet: string;
  checksumOk: boolean;
  checksumCell: string | null;
  options: CheckOptions;
}

// ---------------------------------------------------------------------------------------------
// Where a detail is, and whether it is still the template's

/** A detail's place for a finding: its cell on the main sheet, or nowhere when it was not found. */
export function detailAt(sheet: string, detail: DetailCell | undefined): { sheet: string | null; cell: string | null } {
  return detail ? { sheet, cell: detail.cell } : { sheet: null, cell: null };
}

/** A detail as found, for a message: quoted, or "blank" (a missing label reads the same). */
export function shownText(text: string | undefined): string {
  return text ? `"${text}"` : "blank";
}

/** The period as typed names the spec's: its label, or the same complete dates written another way. */
export function periodMatches(text: string, period: CommonSpec["period"]): boolean {
  if (labelKey(text) === labelKey(period.label)) return true;
  const parsed = parsePeriod(text);
  return !!parsed && parsed.complete && parsed.start === period.start && parsed.end === period.end;
}

/** The file is for another partnership than the one checking it; `details` null where the main sheet could not be read. */
export function otherPartnership(ctx: SpecPhaseContext<CommonSpec>, details: Details | null, sheet: string): Finding[] {
  const wanted = ctx.options.partnership;
  if (wanted === undefined || labelKey(wanted) === labelKey(ctx.spec.partnership)) return [];
  return [{ ...detailAt(sheet, details?.partnership), params: { found: ctx.spec.partnership || "no partnership", expected: wanted } }];
}

/** The agency above the table is not the spec's. */
export function agencyChanged(details: Details, spec: CommonSpec, sheet: string): Finding[] {
  const d = details.agency;
  if (d && labelKey(d.text) === labelKey(spec.agency)) return [];
  return [{ ...detailAt(sheet, d), params: { found: shownText(d?.text), expected: spec.agency } }];
}

/** The period above the table is not the spec's (the dates are given for a message that names them). */
export function periodChanged(details: Details, spec: CommonSpec, sheet: string): Finding[] {
  const d = details.period;
  if (d && periodMatches(d.text, spec.period)) return [];
  return [{ ...detailAt(sheet, d), params: { found: shownText(d?.text), expected: spec.period.label, start: spec.period.start, end: spec.period.end } }];
}

// ---------------------------------------------------------------------------------------------
// The rules made from a template's words

type SpecRule<C> = Omit<PhaseRule<"spec", C>, "code">;

export interface SpecRules<S, C> {
  unreadable: Omit<PhaseRule<"file", FilePhaseContext<S>>, "code">;
  unknownVersion: SpecRule<C>;
  olderVersion: SpecRule<C>;
  changed: SpecRule<C>;
}

/**
 * The specification's rules for one kind of template, without their codes (each catalogue gives
 * its own). `versions` are the ones this code writes; `versionCell` is where the main sheet shows
 * the version to people.
 */
export function specRules<S extends CommonSpec, C extends SpecPhaseContext<S>>(
  words: TemplateWords,
  versions: TemplateVersions,
  versionCell: (ctx: C) => { sheet: string | null; cell: string | null },
): SpecRules<S, C> {
  const { noun, copy, template } = words;
  const accepted = (ctx: C): TemplateVersions => ctx.options.templateVersions ?? versions;
  return {
    unreadable: {
      phase: "file",
      severity: "error",
      blocking: true,
      title: `The ${noun}'s specification cannot be read`,
      message: `"{file}" is damaged: its ${noun} specification (hidden sheet {specSheet}) cannot be read ({problem}); ask the partnership for a new ${template} and copy your ${copy} into it.`,
      fields: ["_spec sheet"],
      check: (ctx) =>
        ctx.specRead.status === "damaged" ? [{ sheet: ctx.specRead.sheet, cell: null, params: { file: ctx.file, specSheet: ctx.specRead.sheet, problem: ctx.specRead.problem } }] : [],
    },
    unknownVersion: {
      phase: "spec",
      severity: "error",
      title: "The template version is not one this tool knows",
      message: `{where}: the ${noun} was made with template version {found}, which this tool does not know (it accepts {known}); ask the partnership for the current template.`,
      fields: ["_spec templateVersion"],
      check: (ctx) => {
        const v = accepted(ctx);
        if (v.accepted.includes(ctx.spec.templateVersion) || ctx.spec.templateVersion === v.current) return [];
        return [{ ...versionCell(ctx), params: { found: ctx.spec.templateVersion, known: [...new Set([...v.accepted, v.current])].join(", ") } }];
      },
    },
    olderVersion: {
      phase: "spec",
      severity: "warning",
      title: "The template is an older version",
      message: `{where}: the ${noun} was made with template version {found}; the current version is {current}. It has been checked, but use the current template next time.`,
      fields: ["_spec templateVersion"],
      check: (ctx) => {
        const v = accepted(ctx);
        if (ctx.spec.templateVersion === v.current || !v.accepted.includes(ctx.spec.templateVersion)) return [];
        return [{ ...versionCell(ctx), params: { found: ctx.spec.templateVersion, current: v.current } }];
      },
    },
    changed: {
      phase: "spec",
      severity: "error",
      title: `The ${noun}'s specification has been changed`,
      // "a new template" even for an audit: these are the words the message has always had.
      message: `{where}: the ${noun}'s hidden specification has been changed since the template was made (its checksum no longer matches), so it cannot be trusted; ask the partnership for a new template and copy your ${copy} into it.`,
      fields: ["_spec (all)", "_spec checksum"],
      check: (ctx) => (ctx.checksumOk ? [] : [{ sheet: ctx.specSheet, cell: ctx.checksumCell, params: {} }]),
    },
  };
}
