/**
 * What the browser tests and the test-only Office.js stand-in (office-host.ts) agree on: how a
 * test configures the stand-in before the page loads, and the handle the stand-in leaves on
 * `window` for the test to inspect the workbook. Types only, so both sides can import it.
 */
import type { SeedSheet } from "../../excel-host/host";
import type { RequestRecord } from "../../excel-host/context";
import type { WorkbookSnapshot } from "../../../src/core/plan/snapshot";

/** When Office.onReady resolves. */
export type ReadyMode =
  /** As soon as the script has run, as Office.js does inside Excel. */
  | "now"
  /** Never: Office.js loaded but the host never answered. */
  | "never"
  /** When the test calls `window.__excelHost.makeReady()`: a slow start. */
  | "manual";

/** An error shaped like Office.js's OfficeExtension.Error, for a run the test makes fail. */
export interface InjectedError {
  code: string;
  message: string;
}

/**
 * Set by the test (Playwright's addInitScript) as `window.__uiHostConfig` before any page script
 * runs. Every field is optional: by default the workbook has one empty "Sheet1" and Office is
 * ready at once.
 */
export interface UiHostConfig {
  sheets?: SeedSheet[];
  /** What `workbook.name` says. */
  file?: string;
  ready?: ReadyMode;
  /** What Office.onReady reports as the host; "Word" and the like test the other-host notice. */
  hostName?: string;
  /** Office.context.officeTheme. */
  officeTheme?: { isDarkTheme?: boolean; bodyBackgroundColor?: string };
}

/** One context.sync(): its request as the test host measured it, and whether it changed the workbook. */
export interface SyncRecord extends RequestRecord {
  /** The workbook's snapshot differs after the sync: this request wrote something. */
  changedWorkbook: boolean;
}

/** `window.__excelHost`: the test's view of the in-memory workbook. */
export interface ExcelHostHandle {
  /** `context.sync()` calls over every Excel.run so far, including Excel.run's own closing sync. */
  syncCount(): number;
  /** Excel.run calls so far. */
  runCount(): number;
  /** Every sync, in order. */
  requests(): SyncRecord[];
  sheetNames(): string[];
  /** What the cell displays, as Range.text says. */
  text(sheet: string, address: string): string;
  /** The cell last selected through Range.select(), as "Sheet!A1"; null before any. */
  selection(): string | null;
  /** The active sheet's name. */
  activeSheet(): string;
  /** The workbook (or the named sheets) in the snapshot's normal form (src/core/plan/snapshot.ts). */
  snapshot(sheets?: string[]): WorkbookSnapshot;
  /** Resolves Office.onReady when the config said `ready: "manual"`. */
  makeReady(): void;
  /** The next Excel.run rejects with this error before it touches the workbook. */
  failNextRun(error: InjectedError): void;
  /** Types into a cell as a person would in Excel, outside any Excel.run of the pane (not counted as its syncs). */
  edit(sheet: string, address: string, value: string | number): Promise<void>;
}

declare global {
  interface Window {
    __uiHostConfig?: UiHostConfig;
    __excelHost?: ExcelHostHandle;
  }
}
