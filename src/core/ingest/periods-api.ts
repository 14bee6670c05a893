/** The parts of the period parser (../periods) that ingest uses, in one place. */
export { completePeriod, findPeriodInText, findPeriodsInText, parsePeriod, parseStackedPeriod, periodFromDates as parsePeriodFromDates, toPeriod } from "../periods";
export type { ParsedPeriod } from "../periods";
export { dayOfText, readDay } from "../periods/days";
