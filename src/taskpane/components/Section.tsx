import * as React from "react";
import { Body1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  text: { margin: 0 },
});

export interface SectionProps {
  title: string;
  description: string;
  children?: React.ReactNode;
}

/** A titled part of a panel. Headings are real h2 elements so screen-reader users can jump between them. */
export function Section({ title, description, children }: SectionProps): React.JSX.Element {
  const styles = useStyles();
  const headingId = React.useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {title}
      </Subtitle2>
      <Body1 as="p" className={styles.text}>
        {description}
      </Body1>
      {children}
    </section>
  );
}
