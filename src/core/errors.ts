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

/**
 * The person stopped a long job (the pane's Stop button, through an AbortSignal). Thrown only at
 * a point where stopping leaves nothing half done: while reading, or before a write's first
 * request. The message says what was, and was not, done.
 */
export class StoppedError extends Error {
  constructor(message = "Stopped as you asked: nothing was written.") {
    super(message);
    this.name = "StoppedError";
  }
}

/**
 * Whether an error is a StoppedError. By name as well as class: the pane's main bundle checks it
 * without importing the lazily loaded code that threw it.
 */
export function isStopped(e: unknown): e is StoppedError {
  return e instanceof StoppedError || (e instanceof Error && e.name === "StoppedError");
}

/** Throws a StoppedError when the signal says stop; a job calls it only where stopping is safe. */
export function stopIfAsked(signal: AbortSignal | undefined, message?: string): void {
  if (signal?.aborted) throw new StoppedError(message);
}
