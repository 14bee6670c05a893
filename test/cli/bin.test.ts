/**
 * The installed command (`sgp`, `npm run cli`): compiled JavaScript in dist-cli/, built on first
 * use and again whenever a source is newer, run as a real process. The other CLI tests run the
 * same code in-process from the TypeScript sources.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "sgp.js");
const STAMP = path.join(ROOT, "dist-cli", ".built.json");

function sgp(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
}

describe("the sgp command", () => {
  it("is what package.json's bin and `npm run cli` run", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.bin.sgp).toBe("bin/sgp.js");
    expect(pkg.scripts.cli).toBe("node bin/sgp.js");
    expect(fs.statSync(BIN).mode & 0o111).not.toBe(0);
  });

  it("answers --help with every verb, from the compiled build", () => {
    const run = sgp("--help");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    for (const verb of ["ingest", "gap", "template", "validate", "collate"]) expect(run.stdout).toContain(verb);
    expect(fs.existsSync(path.join(ROOT, "dist-cli", "cli", "main.js"))).toBe(true);
  });

  it("rebuilds when the sources no longer match the build, and not otherwise", () => {
    sgp("--help");
    const before = fs.statSync(STAMP).mtimeMs;
    sgp("--help");
    expect(fs.statSync(STAMP).mtimeMs).toBe(before);
    // A source changed since the build: the stamp's fingerprint no longer matches.
    fs.writeFileSync(STAMP, JSON.stringify({ fingerprint: "an older build" }));
    const run = sgp("--help");
    expect(run.status).toBe(0);
    expect(JSON.parse(fs.readFileSync(STAMP, "utf8")).fingerprint).not.toBe("an older build");
  });

  it("runs a verb end to end: exit codes and one plain line, as the contract says", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sgp-bin-"));
    try {
      const json = path.join(dir, "obs.json");
      const ok = sgp("ingest", path.join(ROOT, "assets", "samples", "partnership-scorecard-q2-2025-26.xlsx"), "--json", json);
      expect([0, 1]).toContain(ok.status);
      const result = JSON.parse(fs.readFileSync(json, "utf8")) as { observations: unknown[] };
      expect(result.observations.length).toBeGreaterThan(50);

      const missing = sgp("ingest", path.join(dir, "no-such-file.xlsx"), "--json", json);
      expect(missing.status).toBe(2);
      expect(missing.stderr.trim().split("\n")).toHaveLength(1);
      expect(missing.stderr).toContain("no-such-file.xlsx");
      expect(missing.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("does not load ExcelJS to print help", () => {
    const run = spawnSync(
      process.execPath,
      ["-e", `process.argv=[process.argv[0],"sgp","--help"];require(${JSON.stringify(BIN)});process.on("exit",()=>{process.stderr.write(String(Object.keys(require.cache).some(k=>/[\\\\/]exceljs[\\\\/]/.test(k))))})`],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(run.stdout).toContain("Usage: sgp");
    expect(run.stderr).toBe("false");
  });
});
