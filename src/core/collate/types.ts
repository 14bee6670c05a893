/**
 * The shapes of a collation (../shared/contract/CLI.md, `collate`). The contract's fields come
 * first in each shape, with the contract's meaning; the rest are additions for the secretary who
 * chases the missing and the wrong.
 */
import type { GridWorkbook } from "../grid/grid";
import type { Indicator, Observation, Period } from "../model/model";
import type { JsonIssue } from "../returns/validate";

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
}

/** An issue as `validate --json` writes it (the same shape). */
export type SubmissionIssue = JsonIssue;

export interface Submission {
  file: string;
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
}
