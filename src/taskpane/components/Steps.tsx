import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: "none" },
  // The step you are on is drawn filled (primary) and underlined, so that it is told apart by
  // shape as well as colour; aria-current says it to a screen reader.
  current: { textDecorationLine: "underline", textUnderlineOffset: "3px" },
});

export interface StepDefinition<K extends string> {
  key: K;
  label: string;
}

export interface StepsProps<K extends string> {
  /** The nav landmark's name: "Analyst steps". */
  label: string;
  steps: readonly StepDefinition<K>[];
  current: K;
  onChoose: (step: K) => void;
}

/**
 * A short sequence of views as a row of numbered buttons, the current one marked
 * aria-current="step". Each is an ordinary button in the tab order (Tab to it, Enter or Space to
 * go there); the list is an ordered list inside a nav landmark, so a screen reader hears "list,
 * 5 items" and where it is.
 */
export const Steps = React.forwardRef(function Steps<K extends string>(
  { label, steps, current, onChoose }: StepsProps<K>,
  ref: React.ForwardedRef<HTMLElement>,
): React.JSX.Element {
  const styles = useStyles();
  return (
    <nav aria-label={label} ref={ref}>
      <ol className={styles.list}>
        {steps.map((s, i) => {
          const here = s.key === current;
          return (
            <li key={s.key}>
              <Button
                size="small"
                appearance={here ? "primary" : "secondary"}
                className={here ? styles.current : undefined}
                aria-current={here ? "step" : undefined}
                onClick={() => onChoose(s.key)}
              >
                {`${i + 1} ${s.label}`}
              </Button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}) as <K extends string>(props: StepsProps<K> & { ref?: React.Ref<HTMLElement> }) => React.JSX.Element;
