import * as React from "react";
import { Field, Input, Link, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { Framework } from "../../../core/model";
import { RunButton } from "../../components/RunButton";
import { Section } from "../../components/Section";
import { Status } from "../../components/Status";
import { useObjectUrl } from "../../components/use-object-url";
import { useRun } from "../../components/use-run";
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
  /** The Scorecard section's RAG thresholds, when they can be used. */
  settings: ScorecardSettings | null;
}

const STEP_WORDS: Record<Progress["step"], string> = {
  reading: "Reading the indicator sheets and any earlier book",
  building: "Building the pages",
  writing: "Writing the pages",
};

/** How far the work has got, 0..1: reading and building are the first fifth, the write the rest. */
export function progressValue(p: Progress): number {
  if (p.step === "reading") return 0.05;
  if (p.step === "building") return 0.15;
  return Math.min(1, 0.2 + (0.8 * p.done) / Math.max(1, p.total));
}

export function progressWords(p: Progress): string {
  return p.step === "writing" && p.total > 1 ? `${STEP_WORDS.writing}: ${p.done} of ${p.total} parts sent` : `${STEP_WORDS[p.step]}…`;
}

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
export function ReportSection({ operations, unavailableReason, framework, settings }: ReportSectionProps): React.JSX.Element {
  const styles = useStyles();
  const write = useRun<ReportBookResult>();
  const publish = useRun<PublishedBook>();
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [thresholdText, setThresholdText] = React.useState("5");
  const threshold = thresholdOf(thresholdText);
  const published = publish.state.kind === "done" ? publish.state.value : null;
  const publishedBlob = React.useMemo(
    () => (published ? new Blob([published.bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }) : null),
    [published],
  );
  const downloadUrl = useObjectUrl(publishedBlob);

  const onWrite = () => {
    if (!operations) return;
    setProgress(null);
    write.start((options) => operations.writeReportBook({ framework, settings }, options, setProgress));
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
        {write.running && progress && (
          <Field validationMessage={progressWords(progress)} validationState="none">
            <ProgressBar value={progressValue(progress)} max={1} aria-label="Writing the report book" />
          </Field>
        )}
        <WriteOutcome run={write} doneTitle="Report book written" failedTitle="Could not write the report book" />
      </div>
      <div className={styles.group}>
        <Field
          label="Withhold counts from 1 to"
          hint="For a copy to publish: figures must not identify children, so small counts are withheld, and so is any figure that would give one away."
          validationMessage={"problem" in threshold ? threshold.problem : undefined}
        >
          <Input className={styles.threshold} inputMode="numeric" value={thresholdText} onChange={(_e, d) => setThresholdText(d.value)} />
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
