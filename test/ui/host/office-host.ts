/**
 * Office.js for the browser tests: the globals `Office` and `Excel` as the CDN script defines
 * them, backed by the Excel test host (test/excel-host/) instead of a real Excel. The test server
 * swaps this bundle in for the CDN <script> in taskpane.html, so the production build of the pane
 * runs unchanged against it.
 *
 * The test configures it through `window.__uiHostConfig` (set by an init script before this runs:
 * the seeded workbook, when Office.onReady resolves) and inspects it through `window.__excelHost`
 * (the sync count, the workbook's cells). See protocol.ts.
 */
import { ExcelHost } from "../../excel-host/host";
import { HostContext } from "../../excel-host/context";
import type { ExcelHostHandle, InjectedError, SyncRecord, UiHostConfig } from "./protocol";

const config: UiHostConfig = window.__uiHostConfig ?? {};

// The seed goes through ExcelHost so that it means what it means in the adapter tests.
const host = new ExcelHost({ sheets: config.sheets, file: config.file });

/** The workbook's state in the snapshot's normal form: equal texts, equal workbooks. */
function fingerprint(): string {
  return JSON.stringify(host.snapshot());
}

/**
 * A request context that also notes whether each sync changed the workbook, so that a test can
 * tell the sync that writes from the syncs that only read.
 */
class RecordingContext extends HostContext {
  readonly changed: boolean[] = [];

  override async sync(): Promise<void> {
    const before = fingerprint();
    try {
      await super.sync();
    } finally {
      this.changed.push(fingerprint() !== before);
    }
  }
}

/** Every Excel.run gets a fresh request context over the one workbook, as in Excel. */
const contexts: RecordingContext[] = [];
let pendingFailure: InjectedError | null = null;

/** Shaped like OfficeExtension.Error, which is what the pane's describeError looks at. */
class OfficeLikeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string };

  constructor(error: InjectedError) {
    super(error.message);
    this.name = "RichApi.Error";
    this.code = error.code;
    this.debugInfo = { code: error.code, message: error.message };
  }
}

async function run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  const context = new RecordingContext(host.model);
  contexts.push(context);
  if (pendingFailure) {
    const failure = pendingFailure;
    pendingFailure = null;
    throw new OfficeLikeError(failure);
  }
  // The host stands in for the part of Excel.RequestContext the adapter uses (see host.ts).
  const result = await batch(context as unknown as Excel.RequestContext);
  // Excel.run sends what the batch queued but never synced; that is one more round trip, so it
  // counts. Nothing queued means nothing sent.
  if (context.pendingOperations > 0) await context.sync();
  return result;
}

let resolveReady: (() => void) | null = null;
const hostName = config.hostName ?? "Excel";
const readyInfo = { host: hostName, platform: "OfficeOnline" };
const ready = new Promise<typeof readyInfo>((resolve) => {
  resolveReady = () => resolve(readyInfo);
});
// Office.js resolves onReady asynchronously, after its own start-up, never during the call.
if ((config.ready ?? "now") === "now") setTimeout(() => resolveReady?.(), 0);

const office = {
  HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
  PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
  onReady(callback?: (info: typeof readyInfo) => void): Promise<typeof readyInfo> {
    return ready.then((info) => {
      callback?.(info);
      return info;
    });
  },
  context: {
    // Excel's default (Colorful) theme, unless the test asks for another.
    officeTheme: config.officeTheme ?? {
      bodyBackgroundColor: "#FFFFFF",
      bodyForegroundColor: "#000000",
      controlBackgroundColor: "#FFFFFF",
      controlForegroundColor: "#000000",
      isDarkTheme: false,
    },
  },
};

const handle: ExcelHostHandle = {
  syncCount: () => contexts.reduce((n, c) => n + c.syncCount, 0),
  runCount: () => contexts.length,
  requests: (): SyncRecord[] => contexts.flatMap((c) => c.requests.map((r, i) => ({ ...r, changedWorkbook: c.changed[i] ?? false }))),
  sheetNames: () => host.sheetNames(),
  text: (sheet, address) => host.text(sheet, address),
  selection: () => host.selection,
  activeSheet: () => host.activeSheet,
  snapshot: (sheets) => host.snapshot(sheets ? { sheets } : {}),
  makeReady: () => resolveReady?.(),
  failNextRun: (error) => {
    pendingFailure = error;
  },
  edit: async (sheet, address, value) => {
    // The host's own context, not one of the pane's: the person's typing is not the pane's request.
    host.context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
    await host.context.sync();
  },
};

const globals = globalThis as unknown as { Office: typeof office; Excel: { run: typeof run }; __excelHost: ExcelHostHandle };
globals.Office = office;
globals.Excel = { run };
globals.__excelHost = handle;
