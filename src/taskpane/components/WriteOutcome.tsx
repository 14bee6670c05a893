import * as React from "react";
import { ReplaceQuestion } from "./ReplaceQuestion";
import { Status } from "./Status";
import type { Run } from "./use-run";

export interface WriteOutcomeProps<T extends { summary: string }> {
  run: Pick<Run<T>, "state" | "answer">;
  /** The title when the write is done, e.g. "Scorecard written". */
  doneTitle: string;
  /** The title when it could not finish, e.g. "Could not write the Scorecard". */
  failedTitle: string;
  /** More to show under a done write's summary (the RAG counts, say). */
  more?: (value: T) => React.ReactNode;
}

/**
 * What follows every write button: the question before replacing a sheet changed by hand, then
 * the result in words, or why it could not finish. One piece so every write answers alike.
 */
export function WriteOutcome<T extends { summary: string }>({ run, doneTitle, failedTitle, more }: WriteOutcomeProps<T>): React.JSX.Element {
  const { state } = run;
  return (
    <>
      <ReplaceQuestion run={run} />
      {state.kind === "done" && (
        <Status intent="success" title={doneTitle}>
          {state.value.summary}
          {more?.(state.value)}
        </Status>
      )}
      {state.kind === "failed" && (
        <Status intent="error" title={failedTitle}>
          {state.message}
        </Status>
      )}
      {state.kind === "stopped" && (
        <Status intent="info" title="Stopped">
          {state.message}
        </Status>
      )}
    </>
  );
}
