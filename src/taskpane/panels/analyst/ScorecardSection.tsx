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
import { RagCounts } from "../../components/RagCounts";
import { RunButton } from "../../components/RunButton";
import { Section } from "../../components/Section";
import { Status } from "../../components/Status";
import { useRun } from "../../components/use-run";
import type { Operations, ScorecardResult, ScorecardSettings } from "../../operations";
import { listSome } from "./import-summary";
import { draftProblems, type AdditionDraft, type MissingRating, type ScorecardDraft } from "./scorecard-draft";

const useStyles = makeStyles({
  thresholds: { display: "flex", columnGap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  threshold: { maxWidth: "11em" },
  text: { margin: 0 },
  table: { tableLayout: "auto" },
  agencies: { display: "block", color: tokens.colorNeutralForeground3 },
});

export interface ScorecardSectionProps {
  operations: Operations | null;
  unavailableReason?: string;
  /** The figures read under Import; null until a workbook is read. */
  data: IngestResult | null;
  draft: ScorecardDraft;
  onDraft: (next: ScorecardDraft) => void;
  missing: readonly MissingRating[];
  settings: { settings: ScorecardSettings } | { problem: string };
}

const POLARITY_OPTIONS = [
  { value: "", text: "Not set" },
  { value: "higher", text: "Higher is better" },
  { value: "lower", text: "Lower is better" },
] as const;

/** Scorecard: the rule's thresholds, grouping, polarity and targets for indicators without them; Apply writes the sheet. */
export function ScorecardSection(props: ScorecardSectionProps): React.JSX.Element {
  const { operations, unavailableReason, data, draft, onDraft, missing, settings } = props;
  const styles = useStyles();
  const apply = useRun<ScorecardResult>();
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
    apply.start(() => operations.writeScorecard(data, settings.settings));
  };

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
          <Input inputMode="decimal" value={draft.green} onChange={(_e, d) => onDraft({ ...draft, green: d.value })} contentAfter="%" />
        </Field>
        <Field
          className={styles.threshold}
          label="Amber at least (% of target)"
          validationState={problems.amber ? "error" : "none"}
          validationMessage={problems.amber}
        >
          <Input inputMode="decimal" value={draft.amber} onChange={(_e, d) => onDraft({ ...draft, amber: d.value })} contentAfter="%" />
        </Field>
      </div>
      <Body1 as="p" className={styles.text}>
        {`Red is below amber. Where lower is better, achievement is target ÷ figure.`}
      </Body1>
      <Field label="Group rows by">
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
          <Table size="small" className={styles.table} aria-label="Indicators without a polarity or target">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Indicator</TableHeaderCell>
                <TableHeaderCell>Polarity</TableHeaderCell>
                <TableHeaderCell>Target</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {missing.map((m) => {
                const a = addition(m.key);
                const targetProblem = problems.targets[m.key];
                return (
                  <TableRow key={m.key}>
                    <TableCell>
                      {m.indicatorId ? `${m.indicatorId} ${m.indicator}` : m.indicator}
                      {m.agencies.length > 0 && <span className={styles.agencies}>{listSome(m.agencies, 3)}</span>}
                    </TableCell>
                    <TableCell>
                      {m.needsPolarity ? (
                        <Choice
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
        </>
      )}

      <RunButton
        label="Apply and write the Scorecard"
        runningLabel="Writing the Scorecard…"
        running={apply.running}
        onClick={onApply}
        unavailableReason={operations ? undefined : unavailableReason}
        blockedReason={blocked}
      />
      {apply.state.kind === "done" && (
        <Status intent="success" title="Scorecard written">
          {apply.state.value.summary}
          <RagCounts counts={apply.state.value.counts} label="Latest ratings" />
        </Status>
      )}
      {apply.state.kind === "failed" && (
        <Status intent="error" title="Could not write the Scorecard">
          {apply.state.message}
        </Status>
      )}
    </Section>
  );
}
