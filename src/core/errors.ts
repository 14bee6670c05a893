/**
 * Errors people see. An InputError is the tool's plain-English answer to input it cannot use:
 * one sentence naming the file (and sheet and cell where there is one), never a stack trace.
 * The CLI prints `message` alone and exits 2; the task pane shows it in a message bar.
 * Anything that is not an InputError is a bug in this program.
 */
export class InputError extends Error {
  readonly file: string | null;
  readonly sheet: string | null;
  readonly cell: string | null;

  constructor(message: string, where: { file?: string | null; sheet?: string | null; cell?: string | null } = {}) {
    super(message);
    this.name = "InputError";
    this.file = where.file ?? null;
    this.sheet = where.sheet ?? null;
    this.cell = where.cell ?? null;
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
