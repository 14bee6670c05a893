import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { Status } from "./Status";
import type { Run } from "./use-run";

export interface ReplaceQuestionProps {
  run: Pick<Run<unknown>, "state" | "answer">;
}

/**
 * The question a write asks before replacing a sheet changed by hand (or one that is the
 * person's own), with "Replace" and "Keep" buttons, and what keeping means once chosen. The
 * buttons come straight after the write's button in the tab order. Answering removes them, so
 * focus moves to the place they were (a container that stays), and the next Tab carries on from
 * there rather than from the top of the pane.
 */
export function ReplaceQuestion({ run }: ReplaceQuestionProps): React.JSX.Element | null {
  const { state, answer } = run;
  const place = React.useRef<HTMLDivElement>(null);
  const [answered, setAnswered] = React.useState(false);
  if (state.kind !== "asking" && state.kind !== "kept" && !answered) return null;

  const onAnswer = (replace: boolean) => {
    setAnswered(true);
    answer(replace);
    place.current?.focus();
  };
  const several = state.kind === "asking" && state.question.sheets.length > 1;
  return (
    <div ref={place} tabIndex={-1}>
      {state.kind === "asking" && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{several ? "Replace these sheets?" : "Replace this sheet?"}</MessageBarTitle>
            {state.question.question}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {several ? "Replace them" : "Replace it"}
            </Button>
            <Button onClick={() => onAnswer(false)}>{several ? "Keep them" : "Keep it"}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.kind === "kept" && (
        <Status intent="info" title="Kept">
          {state.message}
        </Status>
      )}
    </div>
  );
}
