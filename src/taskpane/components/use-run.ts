import * as React from "react";
import { describeError } from "../describe-error";

export type RunState<T> =
  | { kind: "idle" }
  | { kind: "running" }
  | { kind: "done"; value: T }
  | { kind: "failed"; message: string };

/**
 * Runs one operation at a time and keeps its outcome: running, its result, or the failure as a
 * sentence to show. A second start while one runs is ignored, and an outcome that arrives after the
 * component has gone is dropped rather than set on an unmounted component.
 */
export function useRun<T>(): {
  state: RunState<T>;
  running: boolean;
  /** Starts the operation; false (and nothing done) while another is running. */
  start: (operation: () => Promise<T>, onDone?: (value: T) => void) => boolean;
  reset: () => void;
} {
  const [state, setState] = React.useState<RunState<T>>({ kind: "idle" });
  const mounted = React.useRef(true);
  const busy = React.useRef(false);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const start = React.useCallback((operation: () => Promise<T>, onDone?: (value: T) => void) => {
    if (busy.current) return false;
    busy.current = true;
    setState({ kind: "running" });
    // Through a promise, so that an operation that throws before it returns one is still shown.
    Promise.resolve()
      .then(operation)
      .then(
        (value) => {
          busy.current = false;
          if (!mounted.current) return;
          setState({ kind: "done", value });
          onDone?.(value);
        },
        (e: unknown) => {
          busy.current = false;
          if (mounted.current) setState({ kind: "failed", message: describeError(e) });
        },
      );
    return true;
  }, []);

  const reset = React.useCallback(() => setState({ kind: "idle" }), []);
  return { state, running: state.kind === "running", start, reset };
}
