import * as React from "react";
import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { OperationResult, WriteOptions } from "../operations";
import { ReplaceQuestion } from "./ReplaceQuestion";
import { Section } from "./Section";
import { Status } from "./Status";
import { useRun } from "./use-run";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  status: { marginTop: tokens.spacingVerticalS },
});

export interface ActionCardProps {
  title: string;
  /** One sentence: what the action does. */
  description: string;
  /** The button's words, a verb first ("Write the sample sheet"). */
  actionLabel: string;
  /** Shown beside the spinner while the action runs. */
  runningLabel: string;
  /** The operation; absent when it cannot run here (outside Excel), which disables the button. */
  run: ((options: WriteOptions) => Promise<OperationResult>) | null;
  /** Why the button is disabled, when `run` is absent; read out with the button. */
  unavailableReason?: string;
}

/** One thing a person can do: a heading, a sentence, a button, and the outcome as text. */
export function ActionCard(props: ActionCardProps): React.JSX.Element {
  const { title, description, actionLabel, runningLabel, run, unavailableReason } = props;
  const styles = useStyles();
  const action = useRun<OperationResult>();
  const { state, start } = action;
  const reasonId = React.useId();

  const onClick = React.useCallback(() => {
    if (run) start(run);
  }, [run, start]);

  const running = action.running;
  return (
    <Section title={title} description={description}>
      <div className={styles.row}>
        <Button
          appearance="primary"
          onClick={onClick}
          // disabledFocusable keeps the button in the tab order, so keyboard and screen-reader
          // users still find it and hear why it is unavailable.
          disabledFocusable={!run || running}
          aria-describedby={!run && unavailableReason ? reasonId : undefined}
        >
          {actionLabel}
        </Button>
        {running && <Spinner size="tiny" label={runningLabel} />}
      </div>
      {!run && unavailableReason && (
        <p id={reasonId} hidden>
          {unavailableReason}
        </p>
      )}
      <div className={styles.status}>
        <ReplaceQuestion run={action} />
        {state.kind === "done" && (
          <Status intent="success" title="Done">
            {state.value.summary}
          </Status>
        )}
        {state.kind === "failed" && (
          <Status intent="error" title="Could not finish">
            {state.message}
          </Status>
        )}
      </div>
    </Section>
  );
}
