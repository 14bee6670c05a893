import * as React from "react";
import { Button, Caption1, Spinner, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, flexWrap: "wrap" },
});

export interface RunButtonProps {
  /** The button's words, a verb first. */
  label: string;
  /** Shown beside the spinner while the operation runs. */
  runningLabel: string;
  running: boolean;
  onClick: () => void;
  /** Why the button cannot be used outside Excel; read out with the button. */
  unavailableReason?: string;
  /** Why the button cannot be used yet ("Read a workbook first"); shown beside it and read out with it. */
  blockedReason?: string | null;
  appearance?: "primary" | "secondary";
}

/**
 * A button that starts an operation. When it cannot be used it stays in the tab order
 * (disabledFocusable), so keyboard and screen-reader users still find it and hear why.
 */
export function RunButton(props: RunButtonProps): React.JSX.Element {
  const { label, runningLabel, running, onClick, unavailableReason, blockedReason, appearance = "primary" } = props;
  const styles = useStyles();
  const reasonId = React.useId();
  const reason = unavailableReason ?? blockedReason ?? null;
  const disabled = reason !== null || running;
  return (
    <div className={styles.row}>
      <Button appearance={appearance} onClick={disabled ? undefined : onClick} disabledFocusable={disabled} aria-describedby={reason !== null ? reasonId : undefined}>
        {label}
      </Button>
      {running && <Spinner size="tiny" label={runningLabel} />}
      {reason !== null && (
        // Outside Excel the notice at the top of the pane already says why; here it is only read out.
        <Caption1 id={reasonId} hidden={unavailableReason !== undefined}>
          {reason}
        </Caption1>
      )}
    </div>
  );
}
