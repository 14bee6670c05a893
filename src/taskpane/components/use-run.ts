import * as React from "react";
import { isStopped } from "../../core/errors";
import { describeError, replaceQuestionOf } from "../describe-error";
import type { LongJob, Progress, ReplaceQuestion, WriteOptions } from "../operations";

export type RunState<T> =
  | { kind: "idle" }
  | { kind: "running" }
  | { kind: "done"; value: T }
  | { kind: "failed"; message: string }
  /** A write stopped to ask before replacing sheets; nothing was written yet. */
  | { kind: "asking"; question: ReplaceQuestion }
  /** The person chose to keep their sheets; nothing was written. */
  | { kind: "kept"; message: string }
  /** The person stopped it where stopping left nothing half done; the message says what was not done. */
  | { kind: "stopped"; message: string };

/**
 * An operation; a write takes the person's answer to its question when it is run again, and a
 * long one the job to report its progress to and to heed a stop from.
 */
export type Operation<T> = (options: WriteOptions, job: LongJob) => Promise<T>;

export interface Run<T> {
  state: RunState<T>;
  running: boolean;
  /** How far the running operation has got, as it last said; null before it says or when not running. */
  progress: Progress | null;
  /** Asks the running operation to stop: it stops where that leaves nothing half done, or finishes. */
  stop: () => void;
  /** Stop has been asked for and the operation has not ended yet. */
  stopping: boolean;
  /** Starts the operation; false (and nothing done) while another is running. */
  start: (operation: Operation<T>, onDone?: (value: T) => void) => boolean;
  /** Answers the question a write asked: replace the sheets (run it again with them), or keep them. */
  answer: (replace: boolean) => void;
  reset: () => void;
}

function keptMessage(sheets: readonly string[]): string {
  const q = sheets.map((s) => `“${s}”`);
  const list = q.length <= 1 ? (q[0] ?? "") : `${q.slice(0, -1).join(", ")} and ${q[q.length - 1]}`;
  return `Nothing was written: ${list} ${sheets.length === 1 ? "is kept as it is" : "are kept as they are"}.`;
}

/**
 * Runs one operation at a time and keeps its outcome: running, its result, the failure as a
 * sentence to show, or the question a write asked before replacing sheets. A second start while
 * one runs is ignored, and an outcome that arrives after the component has gone is dropped rather
 * than set on an unmounted component.
 */
export function useRun<T>(): Run<T> {
  const [state, setState] = React.useState<RunState<T>>({ kind: "idle" });
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [stopping, setStopping] = React.useState(false);
  const mounted = React.useRef(true);
  const busy = React.useRef(false);
  const controller = React.useRef<AbortController | null>(null);
  // What the question is about, so that "Replace" runs the same operation again.
  const asked = React.useRef<{ operation: Operation<T>; onDone?: (value: T) => void; question: ReplaceQuestion } | null>(null);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = React.useCallback((operation: Operation<T>, options: WriteOptions, onDone?: (value: T) => void) => {
    if (busy.current) return false;
    busy.current = true;
    asked.current = null;
    const abort = new AbortController();
    controller.current = abort;
    const job: LongJob = {
      signal: abort.signal,
      onProgress: (p) => {
        if (mounted.current && controller.current === abort) setProgress(p);
      },
    };
    setState({ kind: "running" });
    setProgress(null);
    setStopping(false);
    const ended = () => {
      busy.current = false;
      if (controller.current === abort) controller.current = null;
      if (!mounted.current) return false;
      setProgress(null);
      setStopping(false);
      return true;
    };
    // Through a promise, so that an operation that throws before it returns one is still shown.
    Promise.resolve()
      .then(() => operation(options, job))
      .then(
        (value) => {
          if (!ended()) return;
          setState({ kind: "done", value });
          onDone?.(value);
        },
        (e: unknown) => {
          if (!ended()) return;
          if (isStopped(e)) {
            setState({ kind: "stopped", message: e.message });
            return;
          }
          const question = replaceQuestionOf(e);
          if (question) {
            asked.current = { operation, onDone, question };
            setState({ kind: "asking", question });
          } else setState({ kind: "failed", message: describeError(e) });
        },
      );
    return true;
  }, []);

  const start = React.useCallback((operation: Operation<T>, onDone?: (value: T) => void) => run(operation, {}, onDone), [run]);

  const answer = React.useCallback(
    (replace: boolean) => {
      const pending = asked.current;
      if (!pending || busy.current) return;
      if (replace) run(pending.operation, { replace: pending.question.sheets }, pending.onDone);
      else {
        asked.current = null;
        setState({ kind: "kept", message: keptMessage(pending.question.sheets) });
      }
    },
    [run],
  );

  const reset = React.useCallback(() => {
    asked.current = null;
    setState({ kind: "idle" });
  }, []);

  const stop = React.useCallback(() => {
    if (!controller.current || controller.current.signal.aborted) return;
    controller.current.abort();
    setStopping(true);
  }, []);
  return { state, running: state.kind === "running", progress, stop, stopping, start, answer, reset };
}
