// Builds the command line into plain JavaScript (dist-cli/), so that `sgp` starts in a fraction of
// a second instead of compiling TypeScript on every call.
//
//   node scripts/build-cli.js          build now if any source is newer than the last build
//   node scripts/build-cli.js --force  build now whatever
//
// bin/sgp.js calls ensureBuilt() before every run: the first run after `npm ci` (or after a source
// changes) builds, every other run only compares modification times (a few milliseconds). Each file
// is transpiled on its own (TypeScript's transpileModule, no type checking: that is `npm run
// typecheck`'s job), so no compiler beyond the `typescript` package is needed and nothing native.
"use strict";

const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "dist-cli");
const STAMP = ".built.json";
/** The Node side of the engine: everything the command line can reach. The task pane is not built here. */
const SOURCE_DIRS = ["src/core", "src/files", "src/cli"];
/** A change to these rebuilds too: the compiler options, and this script's own way of building. */
const ALSO_WATCHED = ["tsconfig.json", "scripts/build-cli.js"];

function listSources() {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (/\.ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name)) files.push(rel);
    }
  };
  SOURCE_DIRS.forEach(walk);
  return files.sort();
}

/** What the build depends on, cheaply: every source's name and modification time. */
function fingerprint(files) {
  const mtimes = [...files, ...ALSO_WATCHED].map((f) => `${f}@${fs.statSync(path.join(ROOT, f)).mtimeMs}`);
  return mtimes.join("\n");
}

function readStamp() {
  try {
    return JSON.parse(fs.readFileSync(path.join(OUT, STAMP), "utf8")).fingerprint;
  } catch {
    return null;
  }
}

function compilerOptions(ts) {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, "\n"));
  const { options, errors } = ts.convertCompilerOptionsFromJson(config.config.compilerOptions, ROOT);
  if (errors.length) throw new Error(ts.flattenDiagnosticMessageText(errors[0].messageText, "\n"));
  return { ...options, module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: false, declaration: false, noEmit: false };
}

/** Transpiles every source into a fresh folder, then swaps it in, so a run never sees half a build. */
function build(files, print) {
  const ts = require("typescript");
  const options = compilerOptions(ts);
  const tmp = `${OUT}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  for (const rel of files) {
    const source = fs.readFileSync(path.join(ROOT, rel), "utf8");
    const { outputText } = ts.transpileModule(source, { compilerOptions: options, fileName: rel, reportDiagnostics: false });
    const target = path.join(tmp, rel.replace(/^src\//, "").replace(/\.ts$/, ".js"));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, outputText);
  }
  fs.writeFileSync(path.join(tmp, STAMP), JSON.stringify({ fingerprint: fingerprint(files), files: files.length }));
  const old = `${OUT}.old-${process.pid}`;
  if (fs.existsSync(OUT)) fs.renameSync(OUT, old);
  try {
    fs.renameSync(tmp, OUT);
  } catch (e) {
    // Another process built at the same moment and won the swap: its build is as good as ours.
    if (!fs.existsSync(OUT)) throw e;
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  fs.rmSync(old, { recursive: true, force: true });
  if (print) print(`Built the command line: ${files.length} files into ${path.relative(process.cwd(), OUT) || "."}`);
}

/**
 * Makes sure dist-cli/ holds a build of the current sources, building it if not, and returns the
 * path of the compiled entry point.
 */
function ensureBuilt({ force = false, print = null } = {}) {
  const files = listSources();
  if (force || readStamp() !== fingerprint(files)) build(files, print);
  return path.join(OUT, "cli", "main.js");
}

module.exports = { ensureBuilt, OUT };

if (require.main === module) {
  ensureBuilt({ force: process.argv.includes("--force"), print: (line) => console.log(line) });
}
