/**
 * Section 11 self-audits: the nine standards, the audit template agencies fill in, its checks,
 * and the partnership's summary for challenge. Plain TypeScript over grids and plans.
 */
export { STANDARDS, RATINGS, RATING_RAG, RATING_STYLES, standardOf, standardLabel, ratingOf, needsChallenge, type Rating, type Section11Standard } from "./standards";
export { auditTemplatePlan, auditLayout, buildAuditSpec, type AuditTemplateInput, type AuditLayout } from "./template";
export { readAuditSpec, isAuditWorkbook, findAuditSpecSheet, type AuditSpec } from "./spec";
export { validateAudit, auditValidationJson, ratingObservation, sameAudit, auditKey, type AuditValidation, type AuditContent, type AuditAction, type AuditStandardAnswer } from "./validate";
export { AUDIT_RULES, auditRuleCatalogue, standardId, type AuditValidateOptions } from "./rules";
export { validateFiled, type FiledValidation } from "./filed";
export { summarySheet, challengeSheet, challengeItems, SUMMARY_SHEET, CHALLENGE_SHEET, SUMMARY_ROWS, FIRST_STANDARD_COL, type ChallengeItem } from "./summary";
export * from "./layout";
