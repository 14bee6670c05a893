import { runCli as run } from "./run-cli";
import { verbs } from "../../src/cli/verbs";


describe("the command line", () => {
  test("--help lists every verb of the contract", async () => {
    const { code, out } = await run("--help");
    expect(code).toBe(0);
    for (const verb of ["ingest", "gap", "template", "validate", "collate"]) expect(out).toMatch(new RegExp(`^\\s+${verb}\\b`, "m"));
  });

  test("a verb not built yet says so in one plain line and exits 2", async () => {
    const unbuilt = verbs.filter((v) => !v.run);
    for (const verb of unbuilt) {
      const args = verb.name === "template" ? ["template", "--indicators", "x.csv", "--agency", "Police", "--period", "Q1 2025/26", "--out", "t.xlsx"] : [verb.name, "input.xlsx", "--json", "o.json"];
      const { code, err } = await run(...args);
      expect(code).toBe(2);
      expect(err).toMatch(new RegExp(`"${verb.name}" command is not built yet`));
      expect(err.trim().split("\n")).toHaveLength(1);
    }
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
