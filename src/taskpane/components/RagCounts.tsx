import * as React from "react";
import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import type { RagTally } from "../operations";

const useStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: "none" },
});

/**
 * Counts of red, amber, green and not rated as words and numbers ("Red 3"), each in a badge. The
 * colour only repeats what the words say.
 */
export function RagCounts({ counts, label }: { counts: RagTally; label: string }): React.JSX.Element {
  const styles = useStyles();
  const items = [
    { text: `Red ${counts.red}`, color: "danger" },
    { text: `Amber ${counts.amber}`, color: "warning" },
    { text: `Green ${counts.green}`, color: "success" },
    { text: `Not rated ${counts.notRated}`, color: "informative" },
  ] as const;
  return (
    <ul className={styles.list} aria-label={label}>
      {items.map((i) => (
        <li key={i.color}>
          <Badge appearance="tint" color={i.color} shape="rounded" size="large">
            {i.text}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
