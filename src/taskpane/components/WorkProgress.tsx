import * as React from "react";
import { Button, Caption1, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { Progress } from "../operations";
import type { Run } from "./use-run";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  row: { display: "flex", alignItems: "center", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  text: { margin: 0 },
});

/** How much of a job each step is, as shares adding up to 1, in the order the steps come. */
export type StepShares = Record<Progress["step"], number>;

const ORDER: readonly Progress["step"][] = ["reading", "building", "writing"];

/** How far the work has got, 0..1: the shares of the steps before this one, and this one's done part. */
export function progressValue(p: Progress, shares: StepShares): number {
  const before = ORDER.slice(0, ORDER.indexOf(p.step)).reduce((n, s) => n + shares[s], 0);
  const part = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  return Math.min(1, before + shares[p.step] * part);
}

const UNIT_WORDS = { rows: ["row", "rows"], files: ["file", "files"] } as const;

/** "Reading the workbook: 12,000 of 50,000 rows", "Writing: 2 of 4 parts sent", or the step's words alone. */
export function progressWords(p: Progress, words: Record<Progress["step"], string>): string {
  const n = (x: number) => x.toLocaleString("en-GB");
  if (p.unit && p.total > 0) return `${words[p.step]}: ${n(p.done)} of ${n(p.total)} ${UNIT_WORDS[p.unit][p.total === 1 ? 0 : 1]}`;
  if (p.step === "writing" && p.total > 1) return `${words.writing}: ${n(p.done)} of ${n(p.total)} parts sent`;
  return `${words[p.step]}…`;
}

export interface WorkProgressProps {
  run: Pick<Run<unknown>, "running" | "progress" | "stop" | "stopping">;
  /** The bar's name, read out: "Reading the workbook". */
  label: string;
  /** What each step is called here. */
  words: Record<Progress["step"], string>;
  shares: StepShares;
}

/**
 * A long job under way: a bar that moves with the work, in words too, and Stop. Stop is offered
 * only while stopping leaves nothing half done (reading, or a write not yet begun); once the write
 * has begun the pane says it will finish, so that no sheet is left half-written.
 */
export function WorkProgress({ run, label, words, shares }: WorkProgressProps): React.JSX.Element | null {
  const styles = useStyles();
  const noteId = React.useId();
  if (!run.running) return null;
  const p = run.progress;
  const writing = p?.step === "writing";
  return (
    <div className={styles.root}>
      <Field validationMessage={p ? progressWords(p, words) : "Starting…"} validationState="none">
        <ProgressBar value={p ? progressValue(p, shares) : undefined} max={1} aria-label={label} />
      </Field>
      <div className={styles.row}>
        <Button size="small" onClick={run.stop} disabledFocusable={writing || run.stopping} aria-describedby={writing ? noteId : undefined}>
          {run.stopping ? "Stopping…" : "Stop"}
        </Button>
        {writing && (
          <Caption1 id={noteId} as="p" className={styles.text}>
            Writing has begun: it will finish, so that no sheet is left half-written.
          </Caption1>
        )}
      </div>
    </div>
  );
}
