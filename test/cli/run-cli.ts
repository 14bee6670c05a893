/** Running the command line in-process, capturing what it prints: shared by the CLI tests. */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { main } from "../../src/cli/main";

export interface CliOutcome {
  code: number;
  out: string;
  err: string;
}

export async function runCli(...args: string[]): Promise<CliOutcome> {
  let out = "";
  let err = "";
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  process.exitCode = undefined;
  try {
    const code = await main(["node", "sgp", ...args]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}

/** A file's SHA-256, to prove a verb left its input exactly as it was. */
export function sha256File(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}
