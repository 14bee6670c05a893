/**
 * The shapes of a collation (../shared/contract/CLI.md, `collate`). The contract's fields come
 * first in each shape, with the contract's meaning; the rest are additions for the secretary who
 * chases the missing and the wrong.
 */
import type { DueLists, MergedLog, PreviousLog } from "../actions";
import type { GridWorkbook } from "../grid/grid";
import type { Indicator, Observation, Period } from "../model/model";
import type { JsonIssue } from "../returns/validate";
import type { AuditContent } from "../s11/validate";

/**
 * One file handed in. A file that could not be read as a spreadsheet at all still takes part,
 * as `unreadable` with the reader's one-sentence reason, so that it is listed as a rejected
 * submission rather than stopping the others.
 */
export type CollateInput = { file: string; workbook: GridWorkbook } | { file: string; unreadable: string };

export interface CollateOptions {
  /** The indicator set: its agencies are the returns expected. Without it nothing is "missing". */
  indicators?: readonly Indicator[];
  /** The partnership the returns must belong to; without it the partnership is not checked. */
  partnership?: string;
  /**
   * The action log as the partnership left it (last collation's, edited by hand since), which
   * this collation updates; without it, and with audits among the files, a new log is made.
   */
  previousLog?: PreviousLog;
  /** The day the lists of actions due are as at, YYYY-MM-DD; by default today. */
  today?: string;
}

/** What a file turned out to be: a quarterly return or a Section 11 self-audit (null: unreadable). */
export type SubmissionKind = "return" | "section-11-audit";

/** An issue as `validate --json` writes it (the same shape). */
export type SubmissionIssue = JsonIssue;

export interface Submission {
  file: string;
  /** Addition: a return or an audit; null when the file could not be read as either. */
  kind: SubmissionKind | null;
  agency: string | null;
  period: Period | null;
  /** Accepted: no errors (queries and warnings allowed). Rejected: any error, or not a return. */
  status: "accepted" | "rejected";
  errors: number;
  /** Warnings only; queries are counted apart, as the validator counts them. */
  warnings: number;
  queries: number;
  /** Whether the file could be read as a return at all (a spreadsheet with an intact specification). */
  readable: boolean;
  /** Why a rejected submission was rejected, in one sentence; null when accepted. */
  reason: string | null;
  partnership: string | null;
  issues: SubmissionIssue[];
}

/** One return's figure in a conflict. */
export interface ConflictFigure {
  file: string;
  sheet: string;
  cell: string;
  value: number | null;
  status: Observation["status"];
  mark: string | null;
  numerator: number | null;
  denominator: number | null;
}

export interface Conflict {
  indicatorId: string | null;
  agency: string | null;
  period: Period;
  /** Each file's figure, in the order of `files`: the number, or for a choice or "Not available" its answer. */
  values: (number | string | null)[];
  files: string[];
  indicator: string;
  figures: ConflictFigure[];
}

/** Figures given identically by more than one accepted return: counted once, from `kept`. */
export interface Duplicate {
  agency: string | null;
  period: Period;
  /** The file whose observations are kept (the first given). */
  kept: string;
  /** The other files that gave the same figures. */
  repeatedIn: string[];
  indicatorIds: string[];
  /** Indicators whose commentary differs between the files (only the kept file's commentary is collated). */
  commentaryDiffers: string[];
}

export interface MissingReturn {
  agency: string;
  period: Period;
  /** Present for a missing Section 11 audit; a missing quarterly return has none. */
  kind?: "section-11-audit";
}

/** Accepted audits from one agency for one period that say different things: none is collated. */
export interface AuditConflict {
  agency: string;
  period: Period;
  files: string[];
  /** What differs, in words ("the rating of standard 5", "the actions"). */
  differences: string[];
}

/** The same audit sent more than once: kept once, from `kept`. */
export interface AuditDuplicate {
  agency: string;
  period: Period;
  kept: string;
  repeatedIn: string[];
}

/** The action log after this collation, and the lists of actions due. */
export interface CollatedActionLog extends MergedLog {
  due: DueLists;
}

export interface CollateResult {
  submissions: Submission[];
  observations: Observation[];
  /** Agencies expected by the set with no return (accepted or rejected) for a period collated. */
  missing: string[];
  conflicts: Conflict[];
  /** The agencies the set expects, or null when no set was given (nothing can then be missing). */
  expected: string[] | null;
  /** Each missing return, by agency and period, for a collation of more than one period. */
  missingByPeriod: MissingReturn[];
  duplicates: Duplicate[];
  /** Plain-English notes: figures counted once, resubmissions, returns from agencies not in the set. */
  notes: string[];
  /** Addition: the accepted Section 11 audits, each agency and period once, in the order given. */
  audits: AuditContent[];
  auditConflicts: AuditConflict[];
  auditDuplicates: AuditDuplicate[];
  /** Addition: the partnership's action log, where audits were collated or a log was given. */
  actionLog: CollatedActionLog | null;
}
