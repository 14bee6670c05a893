/**
 * An input file is never changed by any verb: each verb is run on copies of the bundled samples
 * (and on its own outputs, as a partnership's cycle chains them), and every input's bytes and
 * modification time are the same afterwards. An output pointed at an input is refused.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { builtVerbs, runCli, sha256File } from "../bad-input/cli-run";

const SAMPLES = path.join(__dirname, "..", "..", "assets", "samples");
let dir = "";
const at = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sgp-inputs-"));
  // The samples, and those in their folders (open-data/), side by side in one folder.
  for (const f of fs.readdirSync(SAMPLES, { recursive: true }) as string[]) {
    if (fs.statSync(path.join(SAMPLES, f)).isFile()) fs.copyFileSync(path.join(SAMPLES, f), at(path.basename(f)));
  }
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function fingerprint(file: string): { hash: string; mtimeMs: number; size: number } {
  const stat = fs.statSync(file);
  return { hash: sha256File(file), mtimeMs: stat.mtimeMs, size: stat.size };
}

async function unchangedBy(inputs: string[], args: string[]): Promise<number> {
  const before = inputs.map(fingerprint);
  const { code, err } = await runCli(...args);
  expect(inputs.map(fingerprint)).toEqual(before);
  expect(err).not.toMatch(/Something went wrong/);
  return code;
}

const scorecard = () => at("partnership-scorecard-q2-2025-26.xlsx");
const set = () => at("indicator-set.csv");

test("ingest, gap, template, validate, collate and benchmark leave their inputs as they were", async () => {
  const verbs = builtVerbs();
  expect(await unchangedBy([scorecard()], ["ingest", scorecard(), "--json", at("obs.json"), "--out", at("indicators.xlsx")])).toBe(0);
  if (verbs.includes("gap")) {
    expect(await unchangedBy([set()], ["gap", set(), "--json", at("gap.json"), "--out", at("gap.xlsx")])).toBe(0);
    expect(await unchangedBy([at("obs.json")], ["gap", at("obs.json"), "--json", at("gap2.json")])).toBe(0);
  }
  if (verbs.includes("template")) {
    const agency = "Police";
    const code = await unchangedBy([set()], ["template", "--indicators", set(), "--agency", agency, "--period", "Q2 2025/26", "--out", at("return.xlsx")]);
    expect(code).toBe(0);
    if (verbs.includes("validate")) expect([0, 1]).toContain(await unchangedBy([at("return.xlsx")], ["validate", at("return.xlsx"), "--json", at("validation.json")]));
    if (verbs.includes("collate")) {
      expect([0, 1]).toContain(await unchangedBy([at("return.xlsx"), set()], ["collate", at("return.xlsx"), "--indicators", set(), "--json", at("collated.json"), "--out", at("collated.xlsx")]));
    }
  }
  if (verbs.includes("benchmark")) {
    const inputs = [at("children-in-need.csv"), at("statistical-neighbours.xlsx")];
    expect(await unchangedBy(inputs, ["benchmark", inputs[0]!, "--area", "Northshire", "--neighbours", inputs[1]!, "--json", at("benchmark.json"), "--out", at("benchmark.xlsx")])).toBe(0);
    const withMap = [scorecard(), ...inputs, at("benchmark-map.json")];
    const args = ["ingest", scorecard(), "--json", at("obs-b.json"), "--out", at("scorecard-b.xlsx"), "--benchmarks", inputs[0]!, "--area", "Northshire", "--neighbours", inputs[1]!, "--benchmark-map", at("benchmark-map.json")];
    expect(await unchangedBy(withMap, args)).toBe(0);
  }
});

test("an output pointed at an input is refused in one plain line, and the input is untouched", async () => {
  const cases: string[][] = [
    ["ingest", scorecard(), "--json", scorecard()],
    ["ingest", scorecard(), "--json", at("x.json"), "--out", scorecard()],
  ];
  const verbs = builtVerbs();
  if (verbs.includes("gap")) cases.push(["gap", set(), "--json", at("g.json"), "--out", set()]);
  if (verbs.includes("template")) cases.push(["template", "--indicators", set(), "--agency", "Police", "--period", "Q2 2025/26", "--out", set()]);
  if (verbs.includes("validate")) cases.push(["validate", at("return.xlsx"), "--json", at("return.xlsx")]);
  if (verbs.includes("benchmark")) {
    cases.push(["benchmark", at("children-in-need.csv"), "--area", "Northshire", "--neighbours", at("statistical-neighbours.xlsx"), "--json", at("b.json"), "--out", at("statistical-neighbours.xlsx")]);
    cases.push(["ingest", scorecard(), "--json", at("benchmark-map.json"), "--benchmarks", at("children-in-need.csv"), "--area", "Northshire", "--benchmark-map", at("benchmark-map.json")]);
  }
  for (const args of cases) {
    const inputs = args.filter((a) => fs.existsSync(a) && a.startsWith(dir));
    const before = inputs.map(fingerprint);
    const { code, err } = await runCli(...args);
    expect(code).toBe(2);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(inputs.map(fingerprint)).toEqual(before);
  }
});
