import fc from "fast-check";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { InputError } from "../../src/core/errors";
import { jsonChunks, writeJsonFile } from "../../src/cli/json-file";

const joined = (value: unknown): string => [...jsonChunks(value)].join("");

describe("JSON written in pieces reads exactly as JSON.stringify(value, null, 2)", () => {
  test("any JSON value, small or with long arrays at any depth", () => {
    const long = fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 257, maxLength: 400 });
    const value = fc.oneof(
      fc.jsonValue(),
      fc.record({ observations: long, indicators: fc.array(fc.jsonValue({ maxDepth: 1 })), warnings: long }),
      fc.record({ nested: fc.record({ rows: long }), n: fc.integer() }),
      long,
    );
    fc.assert(
      fc.property(value, (v) => {
        expect(joined(v)).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 60 },
    );
  });

  test("what JSON cannot hold is left out of objects and null in arrays, as JSON.stringify does", () => {
    const items: unknown[] = Array.from({ length: 300 }, (_, i) => (i === 5 ? undefined : { a: i, skip: undefined, when: new Date(0) }));
    const v = { list: items, gone: undefined, f: () => 1 };
    expect(joined(v)).toBe(JSON.stringify(v, null, 2));
  });

  test("a file is written with a final line break; an unwritable place is one plain InputError", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sgp-json-"));
    try {
      const file = path.join(dir, "deeper", "out.json");
      const value = { observations: Array.from({ length: 5000 }, (_, i) => ({ i, text: "x".repeat(i % 50) })) };
      writeJsonFile(file, value);
      expect(fs.readFileSync(file, "utf8")).toBe(JSON.stringify(value, null, 2) + "\n");
      fs.writeFileSync(path.join(dir, "file"), "");
      expect(() => writeJsonFile(path.join(dir, "file", "out.json"), value)).toThrow(InputError);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
