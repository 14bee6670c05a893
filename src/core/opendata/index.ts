/**
 * Official statistics published as tidy open data (England's Department for Education and
 * others): recognised from their headings and read into observations with an area, a breakdown
 * and a period. See README.md for the rules and why.
 */
export { detectOpenData, type OpenDataColumn, type OpenDataLayout, type OpenDataRole } from "./detect";
export { readOpenData, type OpenDataRead, type Place } from "./read";
export { MARKS, markMeaning, type MarkMeaning } from "./marks";
export { periodOf, readYearCode } from "./periods";
export { normaliseAreaName, editDistance } from "./area-names";
export { OPENDATA_WARNING_CODES, type OpenDataWarningCode } from "./warnings";
