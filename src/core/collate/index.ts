/**
 * Collating agency returns: validating each, merging the accepted ones' figures without losing
 * or doubling any, and listing the missing, the rejected and the conflicting. Plain TypeScript
 * over grids and plans: no Excel, Office, DOM or Node.
 */
export { collateReturns, collationClean, anyReadable, localToday, withActionLog } from "./collate";
export { collatedPlan, section11Sheets, submissionsSheet, issuesSheet, chaseSheet, collatedObservationsSheet, conflictLine, SUBMISSIONS_SHEET, COLLATED_SHEET, CHASE_SHEET, ISSUES_SHEET } from "./plan";
export { collateSummary } from "./summary";
export { sameFigure, figureKey } from "./merge";
export type { CollateInput, CollateOptions, CollateResult, Submission, SubmissionIssue, Conflict, ConflictFigure, Duplicate, MissingReturn, AuditConflict, AuditDuplicate, CollatedActionLog, SubmissionKind } from "./types";
