import * as React from "react";
import { Field, Input, Link, makeStyles, tokens } from "@fluentui/react-components";
import type { AnalystChoices, Framework } from "../../../core/model";
import { RunButton } from "../../components/RunButton";
import { Section } from "../../components/Section";
import { Status } from "../../components/Status";
import { useObjectUrl } from "../../components/use-object-url";
import { useRun } from "../../components/use-run";
import { WorkProgress, type StepShares } from "../../components/WorkProgress";
import { WriteOutcome } from "../../components/WriteOutcome";
import type { Operations, Progress, PublishedBook, ReportBookResult, ScorecardSettings } from "../../operations";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  threshold: { maxWidth: "8em" },
});

export interface ReportSectionProps {
  operations: Operations | null;
  unavailableReason?: string;
  /** The framework the Gap section uses; the built-in one when it has loaded none. */
  framework: Framework | null;
  /**
   * The Scorecard section's RAG thresholds; null until the pane has found the choices kept in the
   * workbook (the write then uses the kept ones, and says what it found through `onSavedChoices`).
   */
  settings: ScorecardSettings | null;
  /** The Analyst tab's choices, kept in the workbook with the book (absent until the pane has looked for kept ones). */
  keep?: AnalystChoices;
  /** The largest count to withhold, as typed (kept with the other choices). */
  thresholdText: string;
  onThresholdText: (text: string) => void;
  /** Hears of the choices kept in the workbook, read with the book's sheets. */
  onSavedChoices?: (choices: AnalystChoices | null) => void;
}

const STEP_WORDS: Record<Progress["step"], string> = {
  reading: "Reading the indicator sheets and any earlier book",
  building: "Building the pages",
  writing: "Writing the pages",
};

/** Reading and building are the first fifth of the work, the write the rest. */
const SHARES: StepShares = { reading: 0.15, building: 0.05, writing: 0.8 };

/** The number typed as the largest count to withhold, or why it cannot be used. */
export function thresholdOf(text: string): { threshold: number } | { problem: string } {
  const n = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > 100) return { problem: "Type a whole number from 1 to 100: counts from 1 to it are withheld." };
  return { threshold: n };
}


/**
 * The report book: a page per content area with its figures, trends, story, actions and
 * questions, written into this workbook with a bar that moves as the work does; and a copy to
 * publish, small numbers withheld, as a file to download (the book here is the working copy).
 */
export function ReportSection(props: ReportSectionProps): React.JSX.Element {
  const { operations, unavailableReason, framework, settings, keep, thresholdText, onThresholdText, onSavedChoices } = props;
  const styles = useStyles();
  const write = useRun<ReportBookResult>();
  const publish = useRun<PublishedBook>();
  const threshold = thresholdOf(thresholdText);
  const published = publish.state.kind === "done" ? publish.state.value : null;
  const publishedBlob = React.useMemo(
    () => (published ? new Blob([published.bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }) : null),
    [published],
  );
  const downloadUrl = useObjectUrl(publishedBlob);

  const onWrite = () => {
    if (!operations) return;
    write.start(
      (options, job) => operations.writeReportBook({ framework, settings, ...(keep ? { keep } : {}) }, options, job),
      (done) => {
        if (done.savedChoices !== undefined) onSavedChoices?.(done.savedChoices);
      },
    );
  };
  const onPublish = () => {
    if (!operations || "problem" in threshold) return;
    publish.start(() => operations.publishReportBook({ framework, settings }, threshold.threshold));
  };

  return (
    <Section
      title="Report book"
      description="A page for each content area, for the board: what good looks like, the figures against their targets and comparators, a chart of each trend, boxes for the story behind the figures and the actions, and the questions to ask. Built from the indicator sheets; what you write in the boxes is kept when the book is written again."
    >
      <div className={styles.group}>
        <RunButton
          label="Write the report book"
          runningLabel="Writing the report book…"
          running={write.running}
          onClick={onWrite}
          unavailableReason={operations ? undefined : unavailableReason}
        />
        <WorkProgress run={write} label="Writing the report book" words={STEP_WORDS} shares={SHARES} />
        <WriteOutcome run={write} doneTitle="Report book written" failedTitle="Could not write the report book" />
      </div>
      <div className={styles.group}>
        <Field
          label="Withhold counts from 1 to"
          hint="For a copy to publish: figures must not identify children, so small counts are withheld, and so is any figure that would give one away."
          validationMessage={"problem" in threshold ? threshold.problem : undefined}
        >
          <Input className={styles.threshold} inputMode="numeric" value={thresholdText} onChange={(_e, d) => onThresholdText(d.value)} />
        </Field>
        <RunButton
          label="Make a copy to publish"
          runningLabel="Making the copy…"
          appearance="secondary"
          running={publish.running}
          onClick={onPublish}
          unavailableReason={operations ? undefined : unavailableReason}
          blockedReason={"problem" in threshold ? threshold.problem : null}
        />
        {published && (
          <Status intent="success" title="Copy to publish made">
            {published.summary}{" "}
            {downloadUrl && (
              <Link href={downloadUrl} download={published.fileName}>
                Download {published.fileName}
              </Link>
            )}
          </Status>
        )}
        {publish.state.kind === "failed" && (
          <Status intent="error" title="Could not make the copy to publish">
            {publish.state.message}
          </Status>
        )}
      </div>
    </Section>
  );
}
