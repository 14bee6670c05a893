/**
 * The partnership's action log: actions from Section 11 audits, multi-agency case audits and case
 * reviews, merged at each collation without losing a change made by hand, and the lists of
 * actions overdue and due soon. Plain TypeScript over grids and plans.
 */
export * from "./types";
export * from "./layout";
export { readLogSheet, readLogBase, findActionLog, isLogSheet, idKey, type LogRowRead, type LogSheetRead, type BaseEntry, type LogBase } from "./read";
export { mergeActionLog, type PreviousLog, type MergedLog, type LogChanges, type FieldChange, type KeptEdit } from "./merge";
export { dueLists, isClosed, type DueLists, type DueAction } from "./due";
export { actionsFromAudits, s11ActionId } from "./from-audits";
export { actionLogSheet, logBaseSheet, actionsDueSheet } from "./plan";
export { changeLines, changeSummary } from "./words";
