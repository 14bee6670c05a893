/**
 * Agency returns: templates that carry their own specification, the rule catalogue, and the
 * validation of filled returns. Plain TypeScript over grids and plans: no Excel, Office, DOM or Node.
 */
export { returnTemplatePlan, buildReturnSpec, returnLayout, entryKind, longDate, type ReturnTemplateInput, type ReturnIndicatorInput, type EntryKind, type ReturnLayout } from "./template";
export { readReturnSpec, readSpec, verifyChecksum, specChecksum, sealSpec, findSpecSheet, specSheetPlan, type SpecRead, type UnsealedSpec } from "./spec";
export { RULES, ruleCatalogue, describeChange, type ValidationRule, type CatalogueEntry, type ValidateOptions, type Finding } from "./rules";
export { validateReturn, validationJson, countBySeverity, type ReturnValidation, type SeverityCounts } from "./validate";
export { validationReportPlan } from "./report";
export { agenciesOf, indicatorsForAgency, partnershipOfSet } from "./agencies";
export { readPeriodLabel, readDueDate } from "./request";
export { sha256Hex } from "../templates/sha256";
export * from "./layout";
