import * as React from "react";
import { Badge, Body1, Button, Subtitle2, Switch, makeStyles, tokens } from "@fluentui/react-components";
import type { Severity, ValidationIssue } from "../../core/model";
import { RunButton } from "../components/RunButton";
import { WriteOutcome } from "../components/WriteOutcome";
import { describeError } from "../describe-error";
import { Section } from "../components/Section";
import { Status } from "../components/Status";
import { useRun } from "../components/use-run";
import type { OperationResult, ReturnCheck } from "../operations";
import { count } from "./analyst/import-summary";
import type { PanelProps } from "./types";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  text: { margin: 0, overflowWrap: "anywhere" },
  heading: { margin: 0 },
  counts: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, margin: 0, padding: 0, listStyleType: "none" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
});

/** How long edits must pause before the return is checked again: typing a figure is several edits. */
export const RECHECK_DELAY_MS = 1500;

const GROUPS: { severity: Severity; title: string; badge: string; color: "danger" | "warning" | "informative" }[] = [
  { severity: "error", title: "Errors: must be fixed", badge: "Errors", color: "danger" },
  { severity: "query", title: "Queries: explain each in the commentary", badge: "Queries", color: "warning" },
  { severity: "warning", title: "Warnings: worth a look", badge: "Warnings", color: "informative" },
];

/** A Section 11 audit explains its queries in the standard's Comments, not a commentary column. */
function groupTitle(g: (typeof GROUPS)[number], check: ReturnCheck): string {
  return g.severity === "query" && check.kind === "section-11-audit" ? "Queries: explain each in Comments" : g.title;
}

function IssueGroup({
  title,
  issues,
  onShow,
}: {
  title: string;
  issues: ValidationIssue[];
  onShow: ((sheet: string, cell: string) => void) | null;
}): React.JSX.Element | null {
  const styles = useStyles();
  const headingId = React.useId();
  if (issues.length === 0) return null;
  return (
    <section className={styles.stack} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {`${title} (${issues.length})`}
      </Subtitle2>
      <ul className={styles.list}>
        {issues.map((issue, i) => (
          <li key={i} className={styles.item}>
            <span>{issue.message}</span>
            {issue.sheet && issue.cell && onShow && (
              <Button size="small" appearance="subtle" onClick={() => onShow(issue.sheet ?? "", issue.cell ?? "")}>
                {`Go to ${issue.cell}`}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function verdict(check: ReturnCheck): { intent: "success" | "error" | "warning"; title: string; text: string } {
  const { errors, queries, warnings } = check.counts;
  const who = [check.agency, check.period].filter(Boolean).join(", ");
  const what = check.kind === "section-11-audit" ? "The Section 11 audit" : "The return";
  const whose = who ? `${what} (${who})` : what;
  if (!check.readable) {
    return { intent: "warning", title: "Not a return the add-in can check", text: "This workbook holds no return template the add-in can read: see below for why." };
  }
  if (!check.valid) {
    return { intent: "error", title: "Not ready to send", text: `${whose} has ${count(errors, "error")} to fix before it is sent.` };
  }
  const parts = [
    ...(queries > 0 ? [`${count(queries, "query", "queries")} ${queries === 1 ? "needs" : "need"} explaining in ${check.kind === "section-11-audit" ? "Comments" : "the commentary"}`] : []),
    ...(warnings > 0 ? [`${count(warnings, "warning")} ${warnings === 1 ? "is" : "are"} worth a look`] : []),
  ];
  const rest = parts.length === 0 ? "Nothing else needs a look." : `${parts.join("; ")}.`;
  return { intent: "success", title: "Ready to send", text: `${whose} has no errors. ${rest}` };
}

/** For agency leads: the quarterly return, checked before it is sent. */
export function AgencyReturnPanel({ operations, unavailableReason }: PanelProps): React.JSX.Element {
  const styles = useStyles();
  const check = useRun<ReturnCheck>();
  const report = useRun<OperationResult>();
  const show = useRun<void>();
  const [checkedAt, setCheckedAt] = React.useState<Date | null>(null);
  const [watching, setWatching] = React.useState(false);
  const [watchProblem, setWatchProblem] = React.useState<string | null>(null);
  const unavailable = operations ? undefined : unavailableReason;

  const startCheck = check.start;
  const runCheck = React.useCallback((): boolean => {
    if (!operations) return false;
    return startCheck(() => operations.checkReturn(), () => setCheckedAt(new Date()));
  }, [operations, startCheck]);

  // Checking again on each edit: Excel's onChanged handler while the switch is on, removed when it
  // is turned off or the pane closes. Edits come in bursts, so a check waits for a pause.
  React.useEffect(() => {
    if (!watching || !operations) return undefined;
    let stop: (() => Promise<void>) | null = null;
    let ended = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      // An edit during a check is checked once that check is done.
      if (!runCheck()) timer = setTimeout(later, RECHECK_DELAY_MS);
    };
    const onEdit = () => {
      clearTimeout(timer);
      timer = setTimeout(later, RECHECK_DELAY_MS);
    };
    operations.watchEdits(onEdit).then(
      (remove) => {
        if (ended) void remove().catch(() => undefined);
        else stop = remove;
      },
      (e: unknown) => {
        if (ended) return;
        setWatchProblem(describeError(e));
        setWatching(false);
      },
    );
    return () => {
      ended = true;
      clearTimeout(timer);
      // Removing the handler can fail when Excel is closing; there is nothing left to do then.
      if (stop) void stop().catch(() => undefined);
    };
  }, [watching, operations, runCheck]);

  const startShow = show.start;
  const onShow = React.useMemo(
    () => (operations ? (sheet: string, cell: string) => startShow(() => operations.selectCell(sheet, cell)) : null),
    [operations, startShow],
  );

  const result = check.state.kind === "done" ? check.state.value : null;
  const said = result ? verdict(result) : null;
  return (
    <>
      <Section
        title="Check my return"
        description="Check the return or Section 11 audit in this workbook against the rules its template carries, then go to each cell that needs attention. Nothing you typed is changed."
      >
        <RunButton label="Check my return" runningLabel="Checking the return…" running={check.running} onClick={() => void runCheck()} unavailableReason={unavailable} />
        <Switch
          label="Check again after each edit"
          checked={watching}
          disabled={!operations}
          onChange={(_e, d) => {
            setWatchProblem(null);
            setWatching(d.checked);
            if (d.checked && !result) runCheck();
          }}
        />
        {watchProblem && (
          <Status intent="warning" title="Cannot follow edits">
            {`${watchProblem} Use Check my return after editing instead.`}
          </Status>
        )}
        {check.state.kind === "failed" && (
          <Status intent="error" title="Could not check the return">
            {check.state.message}
          </Status>
        )}
        {result && said && (
          <div className={styles.stack}>
            <Status intent={said.intent} title={said.title}>
              {said.text}
            </Status>
            {checkedAt && <Body1 as="p" className={styles.text}>{`Checked at ${checkedAt.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" })}.`}</Body1>}
            <ul className={styles.counts} aria-label="Issues found">
              {GROUPS.map((g) => (
                <li key={g.severity}>
                  <Badge appearance="tint" color={g.color} shape="rounded" size="large">
                    {`${g.badge} ${result.counts[g.severity === "error" ? "errors" : g.severity === "query" ? "queries" : "warnings"]}`}
                  </Badge>
                </li>
              ))}
            </ul>
            {GROUPS.map((g) => (
              <IssueGroup key={g.severity} title={groupTitle(g, result)} issues={result.issues.filter((i) => i.severity === g.severity)} onShow={onShow} />
            ))}
            {show.state.kind === "failed" && (
              <Status intent="error" title="Could not show the cell">
                {show.state.message}
              </Status>
            )}
          </div>
        )}
      </Section>
      <Section
        title="Validation report"
        description="Write what the check found as a sheet of its own in this workbook, to keep or send with the return. Your return's own sheets are not touched."
      >
        <RunButton
          label="Write the validation report"
          runningLabel="Writing the report…"
          appearance="secondary"
          running={report.running}
          onClick={() => operations && report.start((options) => operations.writeValidationReport(options))}
          unavailableReason={unavailable}
        />
        <WriteOutcome run={report} doneTitle="Report written" failedTitle="Could not write the report" />
      </Section>
    </>
  );
}
