/**
 * The specification a Section 11 audit carries, on the same very hidden "_spec" sheet a return
 * uses and in the same form (../templates/spec-sheet.ts, which also says why it lives in cells):
 * settings as key / value rows, then one row per standard. Its "kind" row says
 * "section-11-audit", which is how `validate`, `collate` and the task pane tell an audit from a
 * quarterly return.
 *
 * The checksum is SHA-256 over a canonical JSON of the rest: it detects an edited
 * specification; it is not a security seal.
 */
import { z } from "zod";
import type { Grid, GridWorkbook } from "../grid/grid";
import { PeriodSchema } from "../model/model";
import type { SheetPlan } from "../plan/plan";
import {
  commonCanonical,
  commonSettings,
  findSpecGrid,
  listFields,
  readSpecGrid,
  settingsOf,
  specSeal,
  specShaped,
  SpecDamaged,
  specSheetPlan,
  type SpecList,
  type SpecRead,
  type SpecRows,
} from "../templates/spec-sheet";
import { AUDIT_KIND } from "./layout";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date written YYYY-MM-DD");

export const AuditStandardSpecSchema = z.object({
  number: z.number().int().min(1),
  name: z.string().min(1),
  /** Row of the standard on the Audit sheet, 1-based, as written. */
  row: z.number().int().positive(),
});
export type AuditStandardSpec = z.infer<typeof AuditStandardSpecSchema>;

export const AuditSpecSchema = z.object({
  kind: z.literal(AUDIT_KIND),
  partnership: z.string(),
  agency: z.string().min(1),
  period: PeriodSchema,
  due: isoDate.nullable(),
  templateVersion: z.string(),
  /** The scale, in order from best to worst. */
  ratings: z.array(z.string().min(1)).min(2),
  /** How many action rows the Actions sheet has. */
  actionRows: z.number().int().positive(),
  standards: z.array(AuditStandardSpecSchema).min(1),
  checksum: z.string(),
});
export type AuditSpec = z.infer<typeof AuditSpecSchema>;
export type UnsealedAuditSpec = Omit<AuditSpec, "checksum">;

function canonical(spec: UnsealedAuditSpec): unknown {
  return {
    ...commonCanonical(spec),
    ratings: [...spec.ratings],
    actionRows: spec.actionRows,
    standards: spec.standards.map((s) => ({ number: s.number, name: s.name, row: s.row })),
  };
}

const seal = specSeal<AuditSpec>(canonical);

export function auditChecksum(spec: UnsealedAuditSpec): string {
  return seal.checksum(spec);
}

export function sealAuditSpec(spec: UnsealedAuditSpec): AuditSpec {
  return seal.seal(spec);
}

export function auditChecksumOk(spec: AuditSpec): boolean {
  return seal.verify(spec);
}

// ---------------------------------------------------------------------------------------------
// Writing

const STANDARD_FIELDS = ["number", "name", "row"] as const;
const STANDARDS: SpecList<(typeof STANDARD_FIELDS)[number]> = { fieldsMark: "standard fields", itemMark: "standard", fields: STANDARD_FIELDS };

export function auditSpecSheetPlan(spec: AuditSpec): SheetPlan {
  return specSheetPlan(spec, {
    title: "Audit specification",
    note: "Written with the Section 11 audit template; the audit is checked against it. Do not edit: a change is detected by the checksum (a tamper check, not a security seal).",
    settings: [
      ["ratings", JSON.stringify(spec.ratings)],
      ["actionRows", String(spec.actionRows)],
    ],
    list: STANDARDS,
    items: spec.standards.map((s) => ({ number: String(s.number), name: s.name, row: String(s.row) })),
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * The sheet carrying an audit's specification: the "_spec" sheet, or (if renamed) the one that
 * says it is one. Unlike a return's, a "_spec" sheet that does not say so is not taken: finding
 * one is how a workbook is told to be an audit at all.
 */
export function findAuditSpecSheet(workbook: GridWorkbook): Grid | null {
  return findSpecGrid(workbook, AUDIT_KIND);
}

/** Whether the workbook carries a Section 11 audit's specification (readable or not). */
export function isAuditWorkbook(workbook: GridWorkbook): boolean {
  return findAuditSpecSheet(workbook) !== null;
}

export type AuditSpecRead = SpecRead<AuditSpec>;

function whole(text: string, what: string): number {
  const n = Number(text.trim());
  if (text.trim() === "" || !Number.isInteger(n)) throw new SpecDamaged(`${what} is "${text}", not a whole number`);
  return n;
}

function parseAuditSpec(rows: SpecRows): AuditSpec {
  const fields = listFields(rows, STANDARDS);
  const { need } = settingsOf(rows);
  const at = (cells: string[], name: (typeof STANDARD_FIELDS)[number]): string => cells[fields.indexOf(name)] ?? "";
  let ratings: unknown;
  try {
    ratings = JSON.parse(need("ratings"));
  } catch (e) {
    if (e instanceof SpecDamaged) throw e;
    throw new SpecDamaged("its list of ratings cannot be read");
  }
  return specShaped(AuditSpecSchema, {
    ...commonSettings(rows),
    ratings,
    actionRows: whole(need("actionRows"), "its number of action rows"),
    standards: rows.items.map((cells, i) => ({
      number: whole(at(cells, "number"), `standard ${i + 1}'s number`),
      name: at(cells, "name"),
      row: whole(at(cells, "row"), `standard ${i + 1}'s row`),
    })),
    checksum: need("checksum").trim(),
  });
}

export function readAuditSpec(workbook: GridWorkbook): AuditSpecRead {
  return readSpecGrid(findAuditSpecSheet(workbook), STANDARDS, parseAuditSpec, auditChecksumOk);
}
