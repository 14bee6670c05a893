/**
 * The fixture every browser test uses: `const pane = usePane();` inside a describe block gives
 * one Chromium (a fresh profile) and one test server for the file, and `await pane.open({...})`
 * loads the production task pane in a new page, against the Office.js stand-in with a workbook
 * the test seeds.
 *
 * Whatever the test itself checks, a test fails when its page
 * - requests anything outside the test server (the pane must work offline apart from Office.js,
 *   which the stand-in replaces; any other request would be a leak or a CDN dependency),
 * - logs a console error or throws an uncaught error,
 * - breaks its Content-Security-Policy (a `securitypolicyviolation` event),
 * - opens an alert, confirm or prompt dialog (the sign of injected script running).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import type { ExcelHostHandle, UiHostConfig } from "../host/protocol";
import { CHROMIUM, CHROMIUM_ARGS, chromiumProblem } from "./chromium";
import { ARTIFACTS } from "./build";
import { startServer, type PaneServer, type Variant } from "./server";

/** The task pane's width in Excel is about 350 CSS pixels; the tests look at it that narrow. */
export const PANE_VIEWPORT = { width: 360, height: 800 };

export interface OpenOptions {
  /** "excel" (the default): the stand-in is there; "no-office": Office.js never loaded. */
  office?: Variant;
  /** Pins the look through the pane's `?theme=` parameter. */
  theme?: "light" | "dark" | "contrast";
  /** The stand-in's workbook and start-up behaviour; see host/protocol.ts. */
  host?: UiHostConfig;
  /**
   * Installs Playwright's fake clock before the page loads, so that a test can move time on with
   * `page.clock.fastForward(ms)` (the 10 s Office start-up timeout) instead of waiting for it.
   * An installed clock still runs with the real one, so the page's load (slower on a busy machine)
   * counts too; `"paused"` stops it before the page loads, for a test that checks the time to the
   * millisecond ("still connecting at 9.5 s"), and it runs again after the test. While it is
   * paused nothing that waits on animation frames moves (`page.waitForFunction`, axe's settling).
   */
  fakeClock?: boolean | "paused";
  /**
   * Waits until the pane is usable: the tab list shown and, in Excel, the host connected (no
   * "Starting" notice). On by default; off for tests of the start-up itself.
   */
  waitUntilReady?: boolean;
}

/** Times the page records about itself, in ms since navigation started (performance.now()). */
export interface PaneTiming {
  /** The tab list was in the document with a size: React has rendered the shell. */
  tabListShown?: number;
  /** The first animation frame after that: the shell is on screen. */
  tabListPainted?: number;
  firstContentfulPaint?: number;
}

declare global {
  interface Window {
    __uiTiming?: PaneTiming;
    __uiReportProblem?: (problem: string) => void;
  }
}

type Handle = ExcelHostHandle;

/** The test's view of the stand-in's workbook: each call runs in the page, on `window.__excelHost`. */
export class HostClient {
  constructor(private readonly page: Page) {}

  private async call<K extends keyof Handle>(method: K, ...args: Parameters<Handle[K]>): Promise<Awaited<ReturnType<Handle[K]>>> {
    const result = await this.page.evaluate(
      ([m, a]) => {
        const handle = window.__excelHost;
        if (!handle) throw new Error("the Office.js stand-in is not on this page (opened with office: 'no-office'?)");
        return (handle[m] as (...x: unknown[]) => unknown)(...a);
      },
      [method, args as unknown[]] as const,
    );
    // What the page returns is plain data (JSON-like), which is what every method of the handle returns.
    return result as Awaited<ReturnType<Handle[K]>>;
  }

  /** context.sync() calls over every Excel.run so far. */
  syncCount = (): Promise<number> => this.call("syncCount");
  runCount = (): Promise<number> => this.call("runCount");
  requests = (): Promise<ReturnType<Handle["requests"]>> => this.call("requests");
  sheetNames = (): Promise<string[]> => this.call("sheetNames");
  /** What the cell displays. */
  text = (sheet: string, address: string): Promise<string> => this.call("text", sheet, address);
  /** The cell the pane last selected, as "Sheet!A1" (null before any), and the active sheet. */
  selection = (): Promise<string | null> => this.call("selection");
  activeSheet = (): Promise<string> => this.call("activeSheet");
  snapshot = (sheets?: string[]): Promise<ReturnType<Handle["snapshot"]>> => this.call("snapshot", sheets);
  /** Resolves Office.onReady when the page was opened with `host: { ready: "manual" }`. */
  makeReady = (): Promise<void> => this.call("makeReady");
  /** Makes the next Excel.run reject with an error shaped like Office.js's. */
  failNextRun = (code: string, message: string): Promise<void> => this.call("failNextRun", { code, message });
  /** Types into a cell as a person would in Excel (not one of the pane's syncs). */
  edit = (sheet: string, address: string, value: string | number): Promise<void> => this.call("edit", sheet, address, value);
}

export interface OpenPane {
  page: Page;
  host: HostClient;
  /** Saves a screenshot of the whole pane in test-artifacts/ui/; returns its path. */
  screenshot(label?: string): Promise<string>;
  /** What the page recorded about its own start-up. */
  timing(): Promise<PaneTiming>;
}

export interface PaneFixture {
  open(options?: OpenOptions): Promise<OpenPane>;
  server(): PaneServer;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 120);
}

/** Runs in the page before any of its scripts: records problems and timings the test checks. */
function pageProbe(): void {
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__uiReportProblem?.(`Content-Security-Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline code"} (${e.sourceFile}:${e.lineNumber})`);
  });
  const timing: PaneTiming = {};
  window.__uiTiming = timing;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === "first-contentful-paint") timing.firstContentfulPaint = entry.startTime;
  }).observe({ type: "paint", buffered: true });
  const observer = new MutationObserver(() => {
    const list = document.querySelector('[role="tablist"]');
    if (!list || list.getBoundingClientRect().height === 0) return;
    timing.tabListShown = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      timing.tabListPainted = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

export function usePane(): PaneFixture {
  let context: BrowserContext | undefined;
  let server: PaneServer | undefined;
  let profile: string | undefined;
  let problems: string[] = [];
  let pages: Page[] = [];
  let clockPaused = false;

  beforeAll(async () => {
    const missing = chromiumProblem();
    if (missing) throw new Error(missing);
    server = await startServer();
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "sgp-ui-profile-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: PANE_VIEWPORT,
      locale: "en-GB",
      timezoneId: "Europe/London",
      reducedMotion: "reduce",
    });
    const origin = server.origin;
    const outside = (url: string): boolean => !url.startsWith("data:") && !url.startsWith("blob:") && new URL(url).origin !== origin;
    // Blocked before they leave the machine, and each one fails the test.
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (outside(url)) {
        problems.push(`request outside the test server: ${url}`);
        await route.abort("blockedbyclient");
      } else {
        await route.continue();
      }
    });
    // A second net for requests routing does not see (service workers, for one).
    context.on("request", (request) => {
      if (outside(request.url()) && !problems.some((p) => p.endsWith(request.url()))) {
        problems.push(`request outside the test server: ${request.url()}`);
      }
    });
    await context.exposeFunction("__uiReportProblem", (problem: string) => {
      problems.push(problem);
    });
    await context.addInitScript(pageProbe);
    // The persistent context opens with a blank page; each test uses its own.
    for (const p of context.pages()) await p.close();
  });

  beforeEach(() => {
    problems = [];
  });

  afterEach(async () => {
    // A violation event is queued as a task and reported through a binding: let queued tasks run
    // and the reports arrive before the pages close. A message, not a timer, because a test may
    // have faked the page's timers.
    for (const p of pages) {
      if (p.isClosed()) continue;
      await p
        .evaluate(() => new Promise<void>((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(null);
        }))
        .catch(() => undefined);
    }
    for (const p of pages) await p.close();
    pages = [];
    if (clockPaused && context) {
      clockPaused = false;
      await context.clock.resume();
    }
    const found = problems;
    problems = [];
    if (found.length > 0) throw new Error(`The page had problems:\n- ${found.join("\n- ")}`);
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  return {
    server: () => {
      if (!server) throw new Error("usePane(): the server starts in beforeAll");
      return server;
    },
    async open(options: OpenOptions = {}): Promise<OpenPane> {
      if (!context || !server) throw new Error("usePane(): open() is for tests, after beforeAll");
      const page = await context.newPage();
      pages.push(page);
      // Well inside jest's 30 s per test, so that a wait that fails names what it waited for.
      page.setDefaultTimeout(15_000);
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(`console error: ${message.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`uncaught error: ${error.message}`));
      page.on("dialog", (dialog) => {
        problems.push(`the page opened a ${dialog.type()} dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      if (options.fakeClock) {
        const start = Date.now();
        await page.clock.install({ time: start });
        if (options.fakeClock === "paused") {
          // A moment ahead of the time installed, which has run on since; no page has loaded yet,
          // so nothing waits on the jump. The clock is the whole context's: afterEach runs it again.
          await page.clock.pauseAt(start + 1_000);
          clockPaused = true;
        }
      }
      await page.addInitScript((config) => {
        window.__uiHostConfig = config;
      }, options.host ?? {});
      const variant = options.office ?? "excel";
      await page.goto(server.url(variant, options.theme ? `?theme=${options.theme}` : ""));
      if (options.waitUntilReady !== false) {
        await page.getByRole("tablist").waitFor();
        const ready = variant === "excel" && (options.host?.ready ?? "now") === "now" && (options.host?.hostName ?? "Excel") === "Excel";
        if (ready) await page.getByText("Connecting to Excel").waitFor({ state: "detached" });
      }
      const testName = expect.getState().currentTestName ?? "pane";
      let shots = 0;
      return {
        page,
        host: new HostClient(page),
        async screenshot(label?: string): Promise<string> {
          fs.mkdirSync(ARTIFACTS, { recursive: true });
          shots += 1;
          const name = `${slug(testName)}${label ? `--${slug(label)}` : shots > 1 ? `--${shots}` : ""}.png`;
          const file = path.join(ARTIFACTS, name);
          await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
          return file;
        },
        timing: () => page.evaluate(() => ({ ...(window.__uiTiming ?? {}) })),
      };
    },
  };
}
