/** The codes of the warnings ingest gives, each with what it means. Codes are stable: tools match on them. */
export const INGEST_WARNING_CODES = {
  INGEST_SHEET_SKIPPED: "A sheet was not read: it is not an indicator table (a cover or notes sheet), or the analyst left it out.",
  INGEST_AMBIGUOUS_HEADER: "A column holds figures but its heading does not say what they are (no period beside columns that have one); it is left out.",
  INGEST_UNPARSED_VALUE: "A figure cell holds text that is neither a number nor a recognised mark; it is left out.",
  INGEST_UNPARSED_PERIOD: "A period cell could not be read as a period; the row's figures are left out.",
  INGEST_NO_PERIOD: "No heading, column or title says which period a figure is for; it is left out.",
  INGEST_NO_INDICATOR: "A row has figures but no indicator label; they are left out.",
  INGEST_CELL_ERROR: "A figure cell shows an Excel error (#DIV/0!, #N/A); it is read as missing.",
  INGEST_ZERO_DENOMINATOR: "A percentage to be worked out from a numerator and a zero denominator; it is read as missing.",
  INGEST_INCOMPLETE_FRACTION: "Only one of a numerator and a denominator is given, and no value; nothing is worked out.",
  INGEST_DUPLICATE_OBSERVATION: "The same indicator, agency and period appear twice with different figures.",
} as const;

export type IngestWarningCode = keyof typeof INGEST_WARNING_CODES;
