import * as React from "react";
import {
  Body1,
  Field,
  Input,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { IngestResult } from "../../../core/model";
import { Choice } from "../../components/Choice";
import { FindBox, fitsFind } from "../../components/FindBox";
import { WorkProgress, type StepShares } from "../../components/WorkProgress";
import { RagCounts } from "../../components/RagCounts";
import { WriteOutcome } from "../../components/WriteOutcome";
import { RunButton } from "../../components/RunButton";
import { Section } from "../../components/Section";
import { useRun } from "../../components/use-run";
import { useStillRowStyles } from "../../components/still-row";
import type { Operations, Progress, ScorecardResult, ScorecardSettings } from "../../operations";
import { listSome } from "./import-summary";
import { draftProblems, type AdditionDraft, type MissingRating, type ScorecardDraft } from "./scorecard-draft";

const useStyles = makeStyles({
  // The two fields sit side by side where there is room and one under the other where there is not.
  thresholds: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  threshold: { flexGrow: 0, flexShrink: 1, flexBasis: "10em", minWidth: 0, maxWidth: "100%" },
  // An input is as wide as its 20 characters by default, wider than the field in a narrow pane.
  fill: { width: "100%", minWidth: 0 },
  text: { margin: 0 },
  // The table scrolls inside this box, never the pane: sideways if it still cannot fit (a large
  // text size), and down past about a dozen rows, so that a long list keeps the step short.
  scroller: { overflowX: "auto", overflowY: "auto", maxWidth: "100%", maxHeight: "26em" },
  // Fixed layout: the indicator's name wraps and the controls take the columns' widths, so the
  // table fits the pane's width instead of growing to the dropdown's 250 px minimum.
  table: { tableLayout: "fixed", width: "100%" },
  polarityColumn: { width: "8.5em" },
  targetColumn: { width: "5.5em" },
  name: { overflowWrap: "anywhere" },
  agencies: { display: "block", color: tokens.colorNeutralForeground3 },
  notes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

export interface ScorecardSectionProps {
  operations: Operations | null;
  unavailableReason?: string;
  /** The figures read under Import (with the Gap analysis's areas, once run); null until a workbook is read. */
  data: IngestResult | null;
  /** The Gap analysis has run in this session, so its placements give the content areas. */
  areasFromGap: boolean;
  draft: ScorecardDraft;
  onDraft: (next: ScorecardDraft) => void;
  missing: readonly MissingRating[];
  settings: { settings: ScorecardSettings } | { problem: string };
  /** The benchmarks set up under Benchmarks (the area and how many indicators are linked), or null. */
  benchmarks?: { area: string; linked: number } | null;
}

const WRITE_WORDS: Record<Progress["step"], string> = { reading: "Reading", building: "Rating the figures", writing: "Writing the Scorecard" };
const WRITE_SHARES: StepShares = { reading: 0, building: 0.2, writing: 0.8 };
/** Below this many indicators to fill in, the list is short enough to need no filter box. */
const FIND_FROM = 6;

const POLARITY_OPTIONS = [
  { value: "", text: "Not set" },
  { value: "higher", text: "Higher is better" },
  { value: "lower", text: "Lower is better" },
] as const;

/** Scorecard: the rule's thresholds, grouping, polarity and targets for indicators without them; Apply writes the sheet. */
export function ScorecardSection(props: ScorecardSectionProps): React.JSX.Element {
  const { operations, unavailableReason, data, areasFromGap, draft, onDraft, missing, settings, benchmarks = null } = props;
  const styles = useStyles();
  const still = useStillRowStyles();
  const apply = useRun<ScorecardResult>();
  const [find, setFind] = React.useState("");
  const problems = draftProblems(draft);
  const addition = (key: string): AdditionDraft => draft.additions[key] ?? { polarity: "", target: "" };
  const setAddition = (key: string, patch: Partial<AdditionDraft>) =>
    onDraft({ ...draft, additions: { ...draft.additions, [key]: { ...addition(key), ...patch } } });

  const blocked = !data
    ? "Read a workbook under Import first."
    : data.observations.length === 0
      ? "No figures were found: correct how the sheets are read under Import."
      : "problem" in settings
        ? `Check the settings: ${settings.problem}`
        : null;

  const onApply = () => {
    if (!operations || !data || "problem" in settings) return;
    apply.start((options, job) => operations.writeScorecard(data, settings.settings, options, job));
  };
  const shown = missing.filter((m) => fitsFind(`${m.indicatorId ?? ""} ${m.indicator} ${m.agencies.join(" ")}`, find));

  return (
    <Section
      title="Scorecard"
      description="Rate each indicator's latest figure red, amber or green against its target, and write the Scorecard sheet. The sheet rates itself, so edits to its figures or thresholds recolour it."
    >
      <div className={styles.thresholds}>
        <Field
          className={styles.threshold}
          label="Green at least (% of target)"
          validationState={problems.green ? "error" : "none"}
          validationMessage={problems.green}
        >
          <Input className={styles.fill} inputMode="decimal" value={draft.green} onChange={(_e, d) => onDraft({ ...draft, green: d.value })} contentAfter="%" />
        </Field>
        <Field
          className={styles.threshold}
          label="Amber at least (% of target)"
          validationState={problems.amber ? "error" : "none"}
          validationMessage={problems.amber}
        >
          <Input className={styles.fill} inputMode="decimal" value={draft.amber} onChange={(_e, d) => onDraft({ ...draft, amber: d.value })} contentAfter="%" />
        </Field>
      </div>
      <Body1 as="p" className={styles.text}>
        {`Red is below amber. Where lower is better, achievement is target ÷ figure.`}
      </Body1>
      <Field
        label="Group rows by"
        hint={
          areasFromGap
            ? "Content areas are where the Gap analysis (step 4) placed each indicator; one it did not place keeps its “Content area” column."
            : "Content areas come from the Gap analysis (step 4), once run, or else from the indicator set's “Content area” column."
        }
      >
        <RadioGroup
          layout="horizontal"
          value={draft.groupBy}
          onChange={(_e, d) => onDraft({ ...draft, groupBy: d.value === "contentArea" ? "contentArea" : "agency" })}
        >
          <Radio value="agency" label="Agency" />
          <Radio value="contentArea" label="Content area" />
        </RadioGroup>
      </Field>

      {data && missing.length === 0 && (
        <Body1 as="p" className={styles.text}>
          Every indicator has a polarity and a target.
        </Body1>
      )}
      {missing.length > 0 && (
        <>
          <Body1 as="p" className={styles.text}>
            {`${missing.length === 1 ? "One indicator has" : `${missing.length} indicators have`} no polarity or no target, so ${missing.length === 1 ? "it" : "they"} cannot be rated. Give them here; blanks stay not rated.`}
          </Body1>
          {missing.length >= FIND_FROM && <FindBox label="Find an indicator to rate" value={find} onChange={setFind} shown={shown.length} total={missing.length} />}
          <div className={styles.scroller} role="region" aria-label="Polarities and targets to give">
            <Table size="small" className={styles.table} aria-label="Indicators without a polarity or target">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Indicator</TableHeaderCell>
                  <TableHeaderCell className={styles.polarityColumn}>Polarity</TableHeaderCell>
                  <TableHeaderCell className={styles.targetColumn}>Target</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {shown.map((m) => {
                  const a = addition(m.key);
                  const targetProblem = problems.targets[m.key];
                  return (
                    <TableRow key={m.key} className={still.row}>
                      <TableCell className={styles.name}>
                        {m.indicatorId ? `${m.indicatorId} ${m.indicator}` : m.indicator}
                        {m.agencies.length > 0 && <span className={styles.agencies}>{listSome(m.agencies, 3)}</span>}
                      </TableCell>
                      <TableCell>
                        {m.needsPolarity ? (
                          <Choice
                            className={styles.fill}
                            ariaLabel={`Polarity for ${m.indicator}`}
                            value={a.polarity}
                            options={POLARITY_OPTIONS}
                            onChange={(v) => setAddition(m.key, { polarity: v === "higher" || v === "lower" ? v : "" })}
                          />
                        ) : (
                          "Given"
                        )}
                      </TableCell>
                      <TableCell>
                        {m.needsTarget ? (
                          <Field validationState={targetProblem ? "error" : "none"} validationMessage={targetProblem}>
                            <Input
                              className={styles.fill}
                              aria-label={`Target for ${m.indicator}${m.unit === "percent" ? " (%)" : ""}`}
                              inputMode="decimal"
                              size="small"
                              value={a.target}
                              contentAfter={m.unit === "percent" ? "%" : undefined}
                              onChange={(_e, d) => setAddition(m.key, { target: d.value })}
                            />
                          </Field>
                        ) : (
                          "Given"
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        </>
      )}

      <Body1 as="p" className={styles.text}>
        {benchmarks
          ? `Official benchmarks: ${benchmarks.linked === 1 ? "one indicator gets" : `${benchmarks.linked} indicators get`} England, region and neighbour columns for ${benchmarks.area}, and a chart of ${benchmarks.area} against England below the table.`
          : "To set England, region and neighbour figures beside the indicators, choose the official statistics under Benchmarks (step 3)."}
      </Body1>
      <RunButton
        label="Apply and write the Scorecard"
        runningLabel="Writing the Scorecard…"
        running={apply.running}
        onClick={onApply}
        unavailableReason={operations ? undefined : unavailableReason}
        blockedReason={blocked}
      />
      <WorkProgress run={apply} label="Writing the Scorecard" words={WRITE_WORDS} shares={WRITE_SHARES} />
      <WriteOutcome
        run={apply}
        doneTitle="Scorecard written"
        failedTitle="Could not write the Scorecard"
        more={(v) => (
          <>
            <RagCounts counts={v.counts} label="Latest ratings" />
            {v.benchmarks && (
              <>
                <Body1 as="p" className={styles.text}>
                  {`${v.benchmarks.linked === 1 ? "One indicator has" : `${v.benchmarks.linked} indicators have`} official benchmarks beside ${v.benchmarks.linked === 1 ? "it" : "them"}.`}
                </Body1>
                {v.benchmarks.notes.length > 0 && (
                  <ul className={styles.notes} aria-label="Links not used">
                    {v.benchmarks.notes.map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </>
        )}
      />
    </Section>
  );
}
