/**
 * The warnings the open-data reader gives, one code per rule. Codes are stable: tools match on
 * them. Each is given once per column (or per sheet), with a count and the first cell, never
 * once per cell: a file of 20,000 rows must not bury its reader in warnings. A doubt makes the
 * command line exit 1 (see ../ingest/warnings.ts); a note does not.
 */
import type { WarningCode } from "../ingest/warnings";
export const OPENDATA_WARNING_CODES = {
  OPENDATA_UNKNOWN_MARK: { doubt: true, meaning: "An indicator cell holds text that is neither a figure nor a statistics mark this tool knows; the figure is read as missing, with the text kept as its mark." },
  OPENDATA_UNPARSED_PERIOD: { doubt: true, meaning: "A row's time_period and time_identifier do not name a period this tool knows; the row's figures are left out." },
  OPENDATA_PERIOD_ASSUMED: { doubt: true, meaning: "The file has no time_identifier, so the kind of year was assumed (stated in the message)." },
  OPENDATA_PERCENT_FROM_FRACTION: { doubt: false, meaning: "A percentage column holds fractions (0.245 for 24.5%); its figures were multiplied by 100." },
  OPENDATA_PERCENT_SCALE_UNCLEAR: { doubt: true, meaning: "A percentage column's figures are all between 0 and 1 at one decimal place, so they could be fractions or small percentages; they were kept as percentages." },
  OPENDATA_DURATION_IN_MONTHS: { doubt: false, meaning: "A column holds durations written years:months (01:07); each was read as a number of months (19), unit other." },
  OPENDATA_NO_AREA: { doubt: true, meaning: "A row names no area in any geography column; its figures carry no area." },
  OPENDATA_CELL_ERROR: { doubt: false, meaning: "An indicator cell shows an Excel error (#DIV/0!, #N/A); it is read as missing." },
} as const satisfies Record<string, WarningCode>;

export type OpenDataWarningCode = keyof typeof OPENDATA_WARNING_CODES;
