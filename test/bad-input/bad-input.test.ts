/**
 * Bad input, tried on purpose: every file of the corpus through every verb that is built, in
 * process. Each must give a correct result, or exit 2 with one plain line naming the file, and
 * must not crash or hang (a generous per-case timeout stands guard; speed itself is measured
 * by the benchmark, not asserted here). The input file must come out unchanged.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CORPUS, writeCorpus } from "./corpus";
import { argsFor, builtVerbs, expectPlainRefusal, runCli, sha256File } from "./cli-run";

let dir = "";
let paths = new Map<string, string>();

beforeAll(async () => {
  ({ dir, paths } = await writeCorpus());
}, 120_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const verbsToTry = builtVerbs();

test("the corpus covers every verb that is built, ingest included", () => {
  expect(verbsToTry).toContain("ingest");
});

const cases = CORPUS.flatMap((file) => verbsToTry.map((verb) => ({ file, verb })));

describe.each(cases)("$verb on $file.name", ({ file, verb }) => {
  test(
    `${file.what}: a result, or exit 2 with one plain line naming the file`,
    async () => {
      const input = paths.get(file.name);
      if (!input) throw new Error(`corpus file ${file.name} was not written`);
      const before = sha256File(input);
      const { args, outputs } = argsFor(verb, input, path.join(dir, `out-${verb}-${file.name}`));

      const { code, err } = await runCli(...args);

      expect(sha256File(input)).toBe(before);
      expect([0, 1, 2]).toContain(code);
      if (code === 2) {
        expectPlainRefusal(err, file.name);
      } else {
        expect(err).not.toMatch(/\bat .+:\d+:\d+/);
        for (const out of outputs) expect(fs.statSync(out).size).toBeGreaterThan(0);
      }
      if (file.expect === "refused") expect(code).toBe(2);
      if (file.expect === "readable" && verb === "ingest") {
        // Read, and either nothing is in doubt (exit 0, nothing said) or the doubts are listed (exit 1).
        expect([0, 1]).toContain(code);
        if (code === 0) expect(err).toBe("");
        else expect(err).toMatch(new RegExp(`^${file.name.replace(/[.]/g, "\\.")} was read, but some of it is in doubt`));
        const json = fs.readFileSync(outputs[0]!, "utf8");
        const result = JSON.parse(json) as { observations: unknown[] };
        expect(result.observations.length).toBeGreaterThan(0);
        for (const text of file.mustContain ?? []) expect(json).toContain(text);
      }
      for (const out of outputs) fs.rmSync(out, { force: true });
    },
    240_000,
  );
});
