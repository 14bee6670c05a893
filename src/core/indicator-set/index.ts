/** Reading a partnership's indicator set from a sheet, a CSV or an ingest JSON. */
export { readIndicatorSet, readIndicatorSetFromGrid, readIndicatorSetJson, type IndicatorSetRead } from "./read";
export { FIELD_HEADING, fieldOfHeading, findHeaderRow, type Field, type HeaderRow } from "./headings";
export { parsePolarity, parseSource, parseTarget, parseType, parseUnit, unitFromName } from "./values";
