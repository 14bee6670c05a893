/**
 * How every verb ends: exit 0 done, 1 done but the input has errors, 2 the input could not be
 * read or is not what the verb takes, with ONE plain-English line on stderr and never a stack
 * trace (../shared/contract/CLI.md, "Common rules"). Set SGP_DEBUG=1 to see the stack of an
 * unexpected failure.
 */
import { isInputError } from "../core/errors";

export const EXIT_DONE = 0;
export const EXIT_INPUT_HAS_ERRORS = 1;
export const EXIT_UNUSABLE_INPUT = 2;

export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

/** Runs a verb and turns its outcome into an exit code and at most one line on stderr. */
export async function runVerb(action: () => Promise<number>, stderr: (line: string) => void = (l) => process.stderr.write(l + "\n")): Promise<number> {
  try {
    return await action();
  } catch (e) {
    if (isInputError(e)) {
      stderr(oneLine(e.message));
      return EXIT_UNUSABLE_INPUT;
    }
    const detail = e instanceof Error ? e.message : String(e);
    stderr(oneLine(`Something went wrong inside the tool (not in your file): ${detail}. Please report it.`));
    if (process.env.SGP_DEBUG && e instanceof Error && e.stack) process.stderr.write(e.stack + "\n");
    return EXIT_UNUSABLE_INPUT;
  }
}
