import type { OfficeThemeHint } from "../theme";

/** Where the pane finds itself, as the shell needs to know it. */
export type HostState =
  /** Waiting for Office.onReady. */
  | { kind: "starting" }
  /** Inside Excel: the panels can work on the workbook. */
  | { kind: "excel" }
  /** Office.js is not on the page: opened in a plain browser from disk, or Microsoft's CDN could not be reached. */
  | { kind: "no-office" }
  /** Office.js is there but this is not Excel: a plain browser tab (host null) or another Office application. */
  | { kind: "other-host"; host: string | null }
  /** Office.onReady did not resolve in time. */
  | { kind: "timeout"; seconds: number };

/** The part of the Office global the start-up uses, so that tests can hand in a stand-in. */
export interface OfficeGlobal {
  onReady(): Promise<{ host: unknown; platform: unknown }>;
  context?: { officeTheme?: OfficeThemeHint | null } | null;
}

/** Office.js's global, or undefined when the script did not load. */
export function officeGlobal(): OfficeGlobal | undefined {
  const candidate = (globalThis as { Office?: unknown }).Office;
  if (
    typeof candidate === "object" &&
    candidate !== null &&
    typeof (candidate as OfficeGlobal).onReady === "function"
  ) {
    return candidate as OfficeGlobal;
  }
  return undefined;
}

/** Office's theme if the host reports one. Reading it can throw in hosts without theme support. */
export function officeThemeOf(office: OfficeGlobal | undefined): OfficeThemeHint | null {
  try {
    return office?.context?.officeTheme ?? null;
  } catch {
    return null;
  }
}

export const OFFICE_TIMEOUT_MS = 10_000;

/**
 * Waits for Office and reports each state the pane passes through: "starting", then the outcome.
 * When Office.onReady is slow, "timeout" is reported after `timeoutMs`, and should Office become
 * ready after all the outcome follows, so a slow start still ends with a working pane.
 */
export function startOffice(
  office: OfficeGlobal | undefined,
  report: (state: HostState) => void,
  timeoutMs: number = OFFICE_TIMEOUT_MS,
): Promise<void> {
  if (!office) {
    report({ kind: "no-office" });
    return Promise.resolve();
  }
  report({ kind: "starting" });
  const timer = setTimeout(() => report({ kind: "timeout", seconds: Math.round(timeoutMs / 1000) }), timeoutMs);
  return office.onReady().then(
    (info) => {
      clearTimeout(timer);
      // Compared as text: HostType is an enum object on the Office global, which a test stand-in lacks.
      const host = info.host === null || info.host === undefined ? null : String(info.host);
      report(host === "Excel" ? { kind: "excel" } : { kind: "other-host", host });
    },
    () => {
      clearTimeout(timer);
      report({ kind: "no-office" });
    },
  );
}
