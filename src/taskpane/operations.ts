/**
 * What the panels can ask of the workbook. The panels receive an Operations object as a prop and
 * never touch Office.js themselves: the real one (office/excel-operations.ts) runs in Excel, and
 * tests hand in fakes. Each operation resolves with a plain-English result to show, or rejects;
 * the panel shows the rejection's message (see describeError).
 */
export interface OperationResult {
  /** One or two sentences saying what was done, shown to the user as written. */
  summary: string;
}

export interface Operations {
  /** Writes the sample scorecard sheet into the open workbook (replacing an earlier copy of it, and nothing else). */
  writeSampleSheet(): Promise<OperationResult>;
}
