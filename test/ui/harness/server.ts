/**
 * A small static server for the browser tests: the production build (dist/) and the Office.js
 * stand-in (dist-ui-host/) on 127.0.0.1, on a free port, with Node's http module only.
 *
 * The page comes in variants, chosen by the first path segment, so that one server serves every
 * test and relative URLs (scripts, lazy chunks, icons) stay inside the variant:
 *   /excel/taskpane.html      the CDN's office.js swapped for /ui-host/office-host.js
 *   /no-office/taskpane.html  the CDN's office.js removed: a browser where Office.js never loaded
 * Nothing else in the page changes: the Content-Security-Policy stays exactly as built (the
 * stand-in comes from this origin, which 'self' already allows).
 *
 * Tools the tests inject into the page are served from this origin too, under /ui-tools/, so that
 * they load under the page's own policy (see axe.ts).
 *
 * Files are read into memory when the server starts, so a build started elsewhere during a test
 * run (webpack cleans dist/ first) cannot pull files from under the page.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { DIST, HOST_DIST, ROOT } from "./build";

export type Variant = "excel" | "no-office";
const VARIANTS: readonly Variant[] = ["excel", "no-office"];

/** The stand-in's URL, as the swapped-in <script> names it. */
export const HOST_SCRIPT = "/ui-host/office-host.js";

/** Files tests inject, by the path they are served at. */
const TOOLS: Record<string, string> = {
  "/ui-tools/axe.min.js": path.join(ROOT, "node_modules", "axe-core", "axe.min.js"),
};

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/**
 * The CDN <script> element in the built page, quoted or not (the production build minifies the
 * HTML and drops quotes).
 */
const OFFICE_SCRIPT = /<script\b[^>]*\bsrc=(["']?)https:\/\/appsforoffice\.microsoft\.com\/[^"'\s>]*office\.js\1[^>]*>\s*<\/script>/g;

/** The page for a variant. Throws when the page no longer has exactly one CDN script to swap. */
export function pageFor(html: string, variant: Variant): string {
  const found = html.match(OFFICE_SCRIPT) ?? [];
  if (found.length !== 1) {
    throw new Error(`taskpane.html should load Office.js from the CDN exactly once; found ${found.length} such <script> elements`);
  }
  return html.replace(OFFICE_SCRIPT, variant === "excel" ? `<script src="${HOST_SCRIPT}"></script>` : "");
}

function readTree(dir: string, prefix: string, into: Map<string, Buffer>): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const url = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) readTree(full, url, into);
    else into.set(url, fs.readFileSync(full));
  }
}

export interface PaneServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  /** The page's URL for a variant, with an optional query string ("?theme=dark"). */
  url(variant: Variant, query?: string): string;
  /** Every path requested so far, in order. */
  readonly requested: string[];
  close(): Promise<void>;
}

export async function startServer(): Promise<PaneServer> {
  const pane = new Map<string, Buffer>();
  readTree(DIST, "", pane);
  const host = new Map<string, Buffer>();
  readTree(HOST_DIST, "", host);
  const html = pane.get("/taskpane.html")?.toString("utf8");
  if (html === undefined) throw new Error(`no taskpane.html in ${DIST}: build the pane first`);
  if (!host.has("/office-host.js")) throw new Error(`no office-host.js in ${HOST_DIST}: build the host first`);
  const tools = new Map(Object.entries(TOOLS).map(([url, file]) => [url, fs.readFileSync(file)]));
  const pages = new Map(VARIANTS.map((v) => [v, Buffer.from(pageFor(html, v), "utf8")]));
  const requested: string[] = [];

  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    requested.push(pathname);
    const send = (status: number, body: Buffer | string, type = "text/plain; charset=utf-8"): void => {
      // No caching, so that each page load measures the same thing.
      res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
      res.end(body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "GET only");
    let body: Buffer | undefined;
    let file = pathname;
    if (tools.has(pathname)) {
      body = tools.get(pathname);
    } else if (pathname.startsWith("/ui-host/")) {
      file = pathname.slice("/ui-host".length);
      body = host.get(file);
    } else {
      const [, variant, ...rest] = pathname.split("/");
      if (VARIANTS.includes(variant as Variant)) {
        file = `/${rest.join("/")}`;
        body = file === "/taskpane.html" ? pages.get(variant as Variant) : pane.get(file);
      }
    }
    if (!body) return send(404, `not found: ${pathname}`);
    send(200, body, TYPES[path.extname(file)] ?? "application/octet-stream");
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // Port 0: the system picks a free port, so parallel runs never collide.
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (variant, query = "") => `${origin}/${variant}/taskpane.html${query}`,
    requested,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
