#!/usr/bin/env node
// The task pane must open fast: the JavaScript it needs before it can show anything (the scripts
// dist/taskpane.html loads) stays within a budget, gzipped as a web server sends it. Lazily loaded
// chunks (the engine, the Excel adapter, ExcelJS) are listed but not counted: they load on first
// use, after the pane is on screen.
//
//   npm run build && node scripts/check-bundle.js [dist-folder]
//
// Exits 1, naming the sizes, when the initial scripts are over budget; 2 when there is no build.

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

/** 200 KiB gzipped: React, Fluent UI and the shell fit with room; anything heavier belongs in a lazy chunk. */
const BUDGET_GZIP_BYTES = 200 * 1024;

/**
 * Local scripts the page loads, in page order. Scripts from other origins (Office.js from
 * Microsoft's CDN) are Office's, not ours, and not counted.
 */
function initialScripts(html) {
  const scripts = [];
  const tag = /<script\b([^>]*)>/gi;
  let match;
  while ((match = tag.exec(html)) !== null) {
    // Minified HTML drops the quotes around attribute values.
    const src = /\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(match[1]);
    if (!src) continue;
    const url = src[1] ?? src[2] ?? src[3];
    if (/^(https?:)?\/\//i.test(url) || url.startsWith("data:")) continue;
    scripts.push(url.replace(/^\.?\//, "").split(/[?#]/)[0]);
  }
  return scripts;
}

function sizes(file) {
  const data = fs.readFileSync(file);
  // zlib's default level, about what a web server's on-the-fly gzip gives.
  return { raw: data.length, gzip: zlib.gzipSync(data).length };
}

/** Everything the check knows about a build in `dist`. */
function measure(dist) {
  const htmlFile = path.join(dist, "taskpane.html");
  if (!fs.existsSync(htmlFile)) return null;
  const initialNames = initialScripts(fs.readFileSync(htmlFile, "utf8"));
  const initial = initialNames.map((name) => {
    const file = path.join(dist, name);
    if (!fs.existsSync(file)) throw new Error(`taskpane.html loads ${name}, which is not in ${dist}`);
    return { name, ...sizes(file) };
  });
  const lazy = fs
    .readdirSync(dist)
    .filter((name) => name.endsWith(".js") && !initialNames.includes(name))
    .sort()
    .map((name) => ({ name, ...sizes(path.join(dist, name)) }));
  const totalGzip = initial.reduce((n, s) => n + s.gzip, 0);
  const totalRaw = initial.reduce((n, s) => n + s.raw, 0);
  return { initial, lazy, totalRaw, totalGzip, budget: BUDGET_GZIP_BYTES };
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

function report(result, write) {
  const line = (s) => `  ${s.name.padEnd(40)} ${kib(s.raw).padStart(11)} ${kib(s.gzip).padStart(11)} gzipped`;
  write("bundle: the scripts taskpane.html loads (counted):");
  for (const s of result.initial) write(line(s));
  write(`  ${"total".padEnd(40)} ${kib(result.totalRaw).padStart(11)} ${kib(result.totalGzip).padStart(11)} gzipped (budget ${kib(result.budget)})`);
  if (result.lazy.length > 0) {
    write("bundle: lazily loaded chunks (not counted):");
    for (const s of result.lazy) write(line(s));
  }
}

function main() {
  const dist = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "dist"));
  const result = measure(dist);
  if (!result) {
    console.error(`bundle: no ${path.join(dist, "taskpane.html")}; run npm run build first.`);
    return 2;
  }
  if (result.initial.length === 0) {
    console.error("bundle: taskpane.html loads no local scripts; the check cannot tell what the pane opens with.");
    return 2;
  }
  report(result, (s) => console.log(s));
  if (result.totalGzip > result.budget) {
    console.error(
      `bundle: FAILED: the pane's initial JavaScript is ${kib(result.totalGzip)} gzipped, over the ${kib(result.budget)} budget. ` +
        "Move what the pane does not need to show itself behind import().",
    );
    return 1;
  }
  console.log(`bundle: ok, ${kib(result.budget - result.totalGzip)} under budget.`);
  return 0;
}

module.exports = { BUDGET_GZIP_BYTES, initialScripts, measure };

if (require.main === module) process.exitCode = main();
