/**
 * `ingest FILE --json OUT.json [--out OUT.xlsx] [--rag-rule RULE.json]`
 * (../shared/contract/CLI.md): every observation in a circulated workbook, rated against its
 * target, and optionally the structured indicator workbook with its live scorecard.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { InputError } from "../../core/errors";
import { indicatorsSheet, observationsSheet } from "../../core/indicator-sheets";
import { ingestWorkbook, isDoubt } from "../../core/ingest";
import { firstProblem, type IngestResult, type Period } from "../../core/model";
import { readPeriodLabel } from "../../core/returns/request";
import type { WorkbookPlan } from "../../core/plan/plan";
import { applyRag, RagRuleSchema, type RagRule } from "../../core/rag";
import { scorecardPlan } from "../../core/scorecard";
import { renderPlanToXlsx } from "../../files";
import { readWorkbookFile } from "../../files/node";
import { assertNotAnInput, assertReadable, writeJson, writeOutput } from "../io";
import { EXIT_DONE, EXIT_INPUT_HAS_ERRORS } from "../run";

export interface IngestArgs {
  json: string;
  out?: string;
  ragRule?: string;
  /** The period of figures on sheets that name none. */
  period?: string;
}

/** A RAG rule file: JSON in the shape of RagRuleSchema; anything else is one plain sentence. */
export function readRagRule(file: string | undefined): RagRule {
  if (!file) return RagRuleSchema.parse({});
  assertReadable(file);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    throw new InputError(`The RAG rule file ${file} is not valid JSON.`, { file });
  }
  const parsed = RagRuleSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(`The RAG rule file ${file} cannot be used: ${firstProblem(parsed.error)}.`, { file });
  return parsed.data;
}

/** The workbook `--out` writes: the scorecard first (what people read), then the two tables. */
export function indicatorWorkbookPlan(result: IngestResult, rule: RagRule): WorkbookPlan {
  return {
    sheets: [
      ...scorecardPlan(result.observations, result.indicators, rule, { groupBy: "agency" }),
      indicatorsSheet(result.indicators),
      observationsSheet(result.observations),
    ],
    activeSheet: "Scorecard",
  };
}

export async function ingestFile(file: string, rule: RagRule, defaultPeriod?: Period): Promise<IngestResult> {
  assertReadable(file);
  const workbook = await readWorkbookFile(file);
  const detail = ingestWorkbook(workbook, defaultPeriod ? { defaultPeriod } : {});
  return { observations: applyRag(detail.observations, detail.indicators, rule), indicators: detail.indicators, warnings: detail.warnings };
}

/**
 * What a person must look at before using the reading, as a few lines for stderr: the sheets read
 * with low confidence and the other doubts by code, with a count and the first cells. Empty when
 * nothing is in doubt.
 */
export function doubtSummary(file: string, warnings: IngestResult["warnings"]): string[] {
  const doubts = warnings.filter((w) => isDoubt(w.code));
  if (doubts.length === 0) return [];
  const lines = [`${file} was read, but some of it is in doubt; look at these before using the figures:`];
  for (const w of doubts.slice(0, 12)) lines.push(`  ${w.code}${w.sheet ? ` (sheet "${w.sheet}"${w.cell ? `, ${w.cell}` : ""})` : ""}: ${w.message}`);
  if (doubts.length > 12) lines.push(`  and ${doubts.length - 12} more, listed in the JSON.`);
  return lines;
}

export async function runIngest(file: string, args: IngestArgs): Promise<number> {
  assertNotAnInput(args.json, [file], "--json");
  if (args.out) assertNotAnInput(args.out, [file], "--out");
  const rule = readRagRule(args.ragRule);
  let period: Period | undefined;
  if (args.period !== undefined) {
    period = readPeriodLabel(args.period) ?? undefined;
    if (!period) throw new InputError(`--period "${args.period}" is not a period this tool can read; write it as "2024/25", "Q2 2025/26" or "Sep 2025".`);
  }
  const result = await ingestFile(file, rule, period);
  writeJson(args.json, result);
  if (args.out) writeOutput(args.out, await renderPlanToXlsx(indicatorWorkbookPlan(result, rule)));
  const doubts = doubtSummary(path.basename(file), result.warnings);
  if (doubts.length === 0) return EXIT_DONE;
  process.stderr.write(doubts.join("\n") + "\n");
  return EXIT_INPUT_HAS_ERRORS;
}
