import { runCli as run } from "./run-cli";
import { verbs } from "../../src/cli/verbs";


describe("the command line", () => {
  test("--help lists every verb of the contract", async () => {
    const { code, out } = await run("--help");
    expect(code).toBe(0);
    for (const verb of ["ingest", "gap", "template", "validate", "collate", "benchmark"]) expect(out).toMatch(new RegExp(`^\\s+${verb}\\b`, "m"));
  });

  test("every verb of the contract is built and declared with its required options", () => {
    expect(verbs.map((v) => v.name)).toEqual(["ingest", "gap", "template", "validate", "collate", "benchmark", "report"]);
    expect(verbs.find((v) => v.name === "report")!.options.filter((o) => o.required).map((o) => o.flags)).toEqual(["--out <book.xlsx>"]);
    for (const verb of verbs) expect(typeof verb.run).toBe("function");
    expect(verbs.find((v) => v.name === "validate")!.options.filter((o) => o.required).map((o) => o.flags)).toEqual(["--json <out.json>"]);
    expect(verbs.find((v) => v.name === "benchmark")!.options.filter((o) => o.required).map((o) => o.flags)).toEqual(["--area <name-or-code>", "--json <out.json>"]);
  });

  test("a missing input file is one plain line naming it, exit 2", async () => {
    const { code, err } = await run("ingest", "no-such-file.xlsx", "--json", "o.json");
    expect(code).toBe(2);
    expect(err.trim()).toBe("Cannot find the file no-such-file.xlsx.");
  });

  test("a missing required option is one plain line and exit 2, not a stack trace", async () => {
    const { code, err } = await run("validate", "return.xlsx");
    expect(code).toBe(2);
    expect(err).toContain("--json");
    expect(err).not.toMatch(/\bat .+\(.*:\d+:\d+\)/);
    expect(err.trim().split("\n")).toHaveLength(1);
  });

  test("an unknown verb exits 2 with one line", async () => {
    const { code, err } = await run("frobnicate");
    expect(code).toBe(2);
    expect(err).toMatch(/Unknown command 'frobnicate'/);
  });
});
