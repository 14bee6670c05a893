/**
 * Nothing is sent over the network: no source file calls a browser or Node networking API, and
 * the task pane's content security policy lets it connect only to itself and Microsoft (Office.js
 * itself must load from Microsoft's CDN; Office sends its own telemetry). Partnership data about
 * children stays in the workbook and the files the user names.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const SRC = path.join(__dirname, "..", "..", "src");

/** What sends data, in browser and Node code. */
const NETWORK_APIS: { what: string; pattern: RegExp }[] = [
  { what: "fetch()", pattern: /\bfetch\s*\(/ },
  { what: "XMLHttpRequest", pattern: /\bXMLHttpRequest\b/ },
  { what: "WebSocket", pattern: /\bWebSocket\b/ },
  { what: "navigator.sendBeacon", pattern: /\bsendBeacon\b/ },
  { what: "EventSource", pattern: /\bEventSource\b/ },
  { what: "RTCPeerConnection", pattern: /\bRTCPeerConnection\b/ },
  { what: "importScripts()", pattern: /\bimportScripts\s*\(/ },
  { what: "a service worker", pattern: /\bserviceWorker\b/ },
  { what: "window.open / navigation", pattern: /\bwindow\.open\s*\(|\blocation\.(assign|replace)\s*\(|\blocation\.href\s*=/ },
  { what: "a form posted elsewhere", pattern: /<form\b[^>]*\baction\s*=\s*["']https?:/i },
  { what: "Node networking", pattern: /(?:from\s+|require\(\s*)["'](?:node:)?(?:http|https|http2|net|tls|dgram)["']/ },
  { what: "a remote script, image or style", pattern: /<(?:script|img|link|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']https?:/i },
];

/** Each use allowed, with why: matched on file and the exact text. */
const ALLOWED: { file: string; text: string; why: string }[] = [
  {
    file: "taskpane/taskpane.html",
    text: '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js">',
    why: "an Office add-in must load Office.js from Microsoft's CDN",
  },
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|js|mjs|cjs|html)$/.test(e.name) ? [p] : [];
  });
}

/** Uses of network APIs in a file's text, with comments (which say why, not do) left out. */
function networkUses(file: string, text: string): string[] {
  const code = /\.html$/.test(file) ? text.replace(/<!--[\s\S]*?-->/g, "") : text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  const uses: string[] = [];
  for (const line of code.split("\n")) {
    for (const api of NETWORK_APIS) {
      const m = api.pattern.exec(line);
      if (!m) continue;
      const allowed = ALLOWED.some((a) => a.file === file && line.includes(a.text));
      if (!allowed) uses.push(`${file}: ${api.what}: ${line.trim().slice(0, 120)}`);
    }
  }
  return uses;
}

test("no source file uses a network API outside the allowlist", () => {
  const files = sourceFiles(SRC);
  expect(files.length).toBeGreaterThan(50);
  const uses = files.flatMap((f) => networkUses(path.relative(SRC, f).split(path.sep).join("/"), fs.readFileSync(f, "utf8")));
  expect(uses).toEqual([]);
});

test("the scan finds what it looks for (so an empty answer means something)", () => {
  expect(networkUses("x.ts", "const r = await fetch(url);")).toHaveLength(1);
  expect(networkUses("x.ts", "navigator.sendBeacon('/t', data)")).toHaveLength(1);
  expect(networkUses("x.ts", 'import * as https from "node:https";')).toHaveLength(1);
  expect(networkUses("x.ts", "const ws = new WebSocket(u);")).toHaveLength(1);
  expect(networkUses("x.html", '<img src="https://tracker.example/p.gif">')).toHaveLength(1);
  expect(networkUses("x.ts", "// fetch( is mentioned in a comment only")).toEqual([]);
  expect(networkUses("taskpane/taskpane.html", '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>')).toEqual([]);
});

test("every allowlisted use is still there (a stale allowlist would hide nothing but mislead)", () => {
  for (const a of ALLOWED) expect(fs.readFileSync(path.join(SRC, a.file), "utf8")).toContain(a.text);
});

test("the task pane's content security policy connects only to itself and Microsoft, and posts no forms", () => {
  const html = fs.readFileSync(path.join(SRC, "taskpane", "taskpane.html"), "utf8");
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  expect(csp).toBeDefined();
  const directives = new Map((csp ?? "").split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map((d) => [d[0]!, d.slice(1)]));
  const microsoftOrSelf = (source: string) => source === "'self'" || /^https:\/\/([a-z0-9-]+\.)*microsoft\.com$/.test(source);
  expect(directives.get("connect-src")?.every(microsoftOrSelf)).toBe(true);
  expect(directives.get("default-src")).toEqual(["'self'"]);
  expect(directives.get("form-action")).toEqual(["'none'"]);
  expect(directives.get("object-src")).toEqual(["'none'"]);
});
