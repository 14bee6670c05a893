/**
 * The task pane's Excel operations against the Excel test host: every lazily loaded part handed in
 * directly, and Excel.run answered by the host. Shared by the tests of the operations.
 */
import * as adapter from "../../src/excel";
import type { ExcelDeps } from "../../src/taskpane/office/excel-operations";
import * as benchmarkJobs from "../../src/taskpane/office/benchmark-jobs";
import * as collateJobs from "../../src/taskpane/office/collate-jobs";
import * as gapJobs from "../../src/taskpane/office/gap-jobs";
import * as jobs from "../../src/taskpane/office/jobs";
import * as reportJobs from "../../src/taskpane/office/report-jobs";
import * as returnJobs from "../../src/taskpane/office/returns-jobs";
import type { ExcelHost } from "../excel-host";

export function hostDeps(host: ExcelHost): ExcelDeps {
  return {
    run: jest.fn((batch) => batch(host.context)) as ExcelDeps["run"],
    runIn: jest.fn((_context, batch) => batch(host.context)) as ExcelDeps["runIn"],
    loadAdapter: jest.fn(async () => adapter),
    loadJobs: jest.fn(async () => jobs),
    loadGapJobs: jest.fn(async () => gapJobs),
    loadReturnJobs: jest.fn(async () => returnJobs),
    loadCollateJobs: jest.fn(async () => collateJobs),
    loadBenchmarkJobs: jest.fn(async () => benchmarkJobs),
    loadReportJobs: jest.fn(async () => reportJobs),
  };
}
