/**
 * The two bundles the browser tests load, built only when their sources changed:
 * - the add-in's production build in dist/ (exactly `npm run build`), which the tests serve as
 *   Excel would load it;
 * - the Office.js stand-in in dist-ui-host/ (test/ui/webpack.host.config.js).
 *
 * "Changed" is judged by content, not by file times: a hash of every input file is kept in
 * dist-ui-host/builds.json together with a hash of the output it produced. A build is reused when
 * the inputs hash the same and the output is still the one we built (so a `npm run build` by
 * someone else from the same sources, which webpack makes byte-identical, is reused too, and a
 * development build in dist/ is not).
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..", "..");
export const DIST = path.join(ROOT, "dist");
export const HOST_DIST = path.join(ROOT, "dist-ui-host");
/** Screenshots the tests keep (gitignored). */
export const ARTIFACTS = path.join(ROOT, "test-artifacts", "ui");
const RECORD = path.join(HOST_DIST, "builds.json");

interface BuildRecord {
  inputs: string;
  output: string;
}

type Records = Partial<Record<"pane" | "host", BuildRecord>>;

interface Target {
  name: "pane" | "host";
  /** Files and folders (walked) whose content decides whether the build is current. */
  inputs: string[];
  /** The file whose content identifies the build that produced it. */
  output: string;
  /** Arguments to webpack-cli. */
  args: string[];
}

const TARGETS: Target[] = [
  {
    name: "pane",
    inputs: ["src", "assets", "webpack.config.js", "tsconfig.json", "package-lock.json"],
    // Scripts are named by content hash, so the page names every byte of the initial code.
    output: path.join(DIST, "taskpane.html"),
    // Only problems on the console: the test log stays readable. The bundle is the same.
    args: ["--mode", "production", "--stats", "errors-warnings"],
  },
  {
    name: "host",
    inputs: ["test/excel-host", "test/ui/host", "src/core", "test/ui/webpack.host.config.js", "tsconfig.json", "package-lock.json"],
    output: path.join(HOST_DIST, "office-host.js"),
    args: ["--config", "test/ui/webpack.host.config.js", "--stats", "errors-warnings"],
  },
];

/**
 * Never part of a bundle: the command line, and the sample workbooks (only the icons in assets/
 * are copied). Leaving them out spares a rebuild for every edit to them.
 */
const NOT_INPUTS = new Set([path.join("src", "cli"), path.join("assets", "samples")]);

function walk(relative: string, out: string[]): void {
  const full = path.join(ROOT, relative);
  if (NOT_INPUTS.has(relative) || !fs.existsSync(full)) return;
  const stat = fs.statSync(full);
  if (stat.isFile()) {
    out.push(relative);
    return;
  }
  for (const name of fs.readdirSync(full).sort()) walk(path.join(relative, name), out);
}

function hashInputs(inputs: string[]): string {
  const files: string[] = [];
  for (const input of inputs) walk(input, files);
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(file).update("\0").update(fs.readFileSync(path.join(ROOT, file))).update("\0");
  }
  return hash.digest("hex");
}

function hashFile(file: string): string | null {
  return fs.existsSync(file) ? createHash("sha256").update(fs.readFileSync(file)).digest("hex") : null;
}

function readRecords(): Records {
  try {
    return JSON.parse(fs.readFileSync(RECORD, "utf8")) as Records;
  } catch {
    return {};
  }
}

function runWebpack(args: string[]): void {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error(`webpack ${args.join(" ")} failed (exit ${String(result.status)})`);
}

/** Builds what is stale, one build at a time (the machine is shared); says what it did. */
export function ensureBuilds(log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): void {
  const records = readRecords();
  for (const target of TARGETS) {
    const inputs = hashInputs(target.inputs);
    const current = records[target.name];
    if (current && current.inputs === inputs && current.output === hashFile(target.output)) {
      log(`ui: ${target.name} build is up to date (${path.relative(ROOT, target.output)})`);
      continue;
    }
    log(`ui: building the ${target.name} (webpack ${target.args.join(" ")})`);
    const started = Date.now();
    runWebpack(target.args);
    const output = hashFile(target.output);
    if (!output) throw new Error(`webpack did not write ${target.output}`);
    records[target.name] = { inputs, output };
    // The host build cleans dist-ui-host/, which holds this record: write it after every build.
    fs.mkdirSync(HOST_DIST, { recursive: true });
    fs.writeFileSync(RECORD, `${JSON.stringify(records, null, 2)}\n`);
    log(`ui: built the ${target.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
