import * as React from "react";
import { Body1, Caption1, Checkbox, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import type { CollateResult, Submission } from "../../core/collate/types";
import { FilePicker } from "../components/FilePicker";
import { Choice } from "../components/Choice";
import { RunButton } from "../components/RunButton";
import { WorkProgress, type StepShares } from "../components/WorkProgress";
import { WriteOutcome } from "../components/WriteOutcome";
import { Section } from "../components/Section";
import { Status } from "../components/Status";
import { readFileBytes } from "../components/read-file";
import { useRun } from "../components/use-run";
import type { CollationView, OperationResult, Progress, TemplateChoices } from "../operations";
import { count, listSome } from "./analyst/import-summary";
import { AuditTemplateSection } from "./collation/AuditTemplateSection";
import { actionLogWords, auditConflictWords, auditWords } from "./collation/audit-words";
import type { PanelProps } from "./types";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  text: { margin: 0, overflowWrap: "anywhere" },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  // The file input is reached through its button; visually hidden rather than display: none, so
  // that browser tests can still hand it files.
});

/** The command that makes a template as a file of its own, for the sentence that offers it. */
export const TEMPLATE_COMMAND = "npm run -s cli -- template --indicators SET --agency NAME --period LABEL --out RETURN.xlsx";
export const COLLATE_COMMAND = "npm run -s cli -- collate FILE... --json OUT.json --out COLLATED.xlsx";

/** Period labels are checked by the engine; this only catches an empty box before asking it. */
function periodProblem(text: string): string | undefined {
  return text.trim() === "" ? "Give the period, such as Q2 2025/26." : undefined;
}

function dueProblem(text: string): string | undefined {
  if (text.trim() === "") return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? undefined : "Write the date as YYYY-MM-DD, such as 2025-07-31, or leave it empty.";
}

/** Making a return template for one agency and period from the workbook's indicator set. */
function TemplateSection({ operations, unavailableReason }: PanelProps): React.JSX.Element {
  const styles = useStyles();
  const choices = useRun<TemplateChoices>();
  const write = useRun<OperationResult>();
  const [agency, setAgency] = React.useState("");
  const [period, setPeriod] = React.useState("");
  const [due, setDue] = React.useState("");
  const [partnership, setPartnership] = React.useState("");
  const unavailable = operations ? undefined : unavailableReason;

  const found = choices.state.kind === "done" ? choices.state.value : null;
  const onRead = () => {
    if (!operations) return;
    write.reset();
    choices.start(
      () => operations.templateChoices(),
      (c) => {
        setAgency(c.agencies[0] ?? "");
        setPartnership(c.partnership);
      },
    );
  };
  const problems = { period: periodProblem(period), due: dueProblem(due) };
  const blocked = !found
    ? "Read the indicator set first."
    : found.agencies.length === 0
      ? "The indicator set names no agencies: add an Agency column to it."
      : (problems.period ?? problems.due ?? null);
  const onWrite = () => {
    if (!operations || blocked !== null) return;
    write.start((options) =>
      operations.writeTemplate({ agency, period: period.trim(), due: due.trim() === "" ? null : due.trim(), partnership: partnership.trim() || null }, options),
    );
  };

  return (
    <Section
      title="Make a return template"
      description="Make the return an agency fills in for one period, from the indicator set in this workbook, with its own checks built in."
    >
      <Body1 as="p" className={styles.text}>
        {"An add-in cannot save a separate file, so the template is written as sheets of this workbook (Return, Checks and a hidden specification), replacing any template the add-in wrote before; to make a file to send, run "}
        <span className={styles.code}>{TEMPLATE_COMMAND}</span>
        {"."}
      </Body1>
      <RunButton
        label="Read the indicator set"
        runningLabel="Reading the indicator set…"
        appearance="secondary"
        running={choices.running}
        onClick={onRead}
        unavailableReason={unavailable}
      />
      {choices.state.kind === "failed" && (
        <Status intent="error" title="Could not read the indicator set">
          {choices.state.message}
        </Status>
      )}
      {found && (
        <div className={styles.stack}>
          <Body1 as="p" className={styles.text}>
            {`${count(found.indicators, "indicator")} on the sheet “${found.sheet ?? "?"}”, for ${count(found.agencies.length, "agency", "agencies")}.`}
          </Body1>
          {found.agencies.length > 0 && (
            <Choice label="Agency" value={agency} options={found.agencies.map((a) => ({ value: a, text: a }))} onChange={setAgency} />
          )}
          <Field label="Period" hint="Such as Q2 2025/26, 2025/26 or Apr 2025.">
            <Input value={period} onChange={(_e, d) => setPeriod(d.value)} />
          </Field>
          <Field label="Due date (optional)" hint="YYYY-MM-DD." validationState={problems.due ? "error" : "none"} validationMessage={problems.due}>
            <Input value={due} onChange={(_e, d) => setDue(d.value)} />
          </Field>
          <Field label="Partnership">
            <Input value={partnership} onChange={(_e, d) => setPartnership(d.value)} />
          </Field>
          <RunButton
            label="Write the template sheets"
            runningLabel="Writing the template…"
            running={write.running}
            onClick={onWrite}
            unavailableReason={unavailable}
            blockedReason={blocked}
          />
          <WriteOutcome run={write} doneTitle="Template written" failedTitle="Could not write the template" />
        </div>
      )}
    </Section>
  );
}

/** One file's outcome in words: "Police Q1.xlsx: accepted (Police, Q1 2025/26), 1 query." */
export function submissionLine(s: Submission): string {
  const who = [s.agency, s.period?.label].filter((x): x is string => Boolean(x)).join(", ");
  const head = `${s.file}: ${s.status}${who ? ` (${who})` : ""}`;
  if (s.status === "accepted") {
    const notes = [s.queries > 0 ? count(s.queries, "query", "queries") : null, s.warnings > 0 ? count(s.warnings, "warning") : null].filter(Boolean);
    return `${head}${notes.length > 0 ? `, ${notes.join(", ")}` : ""}.`;
  }
  const errors = s.readable ? `, ${count(s.errors, "error")}` : "";
  return `${head}${errors}${s.reason ? `: ${s.reason}` : "."}`;
}

function missingWords(r: CollateResult): string {
  if (r.expected === null) return "Missing returns were not checked: tick the box above to expect a return from each agency in this workbook's indicator set.";
  if (r.missingByPeriod.length === 0) return "No agency is missing: every agency in the indicator set sent a return.";
  return `Missing: ${listSome(r.missingByPeriod.map((m) => `${m.agency} (${m.kind ? "Section 11 audit, " : ""}${m.period.label})`), 8)}.`;
}

function conflictWords(r: CollateResult): string {
  if (r.conflicts.length === 0) return "No conflicts.";
  const which = r.conflicts.map((c) => `${c.indicatorId ?? c.indicator} for ${c.agency ?? "no agency"}, ${c.period.label}`);
  return `${count(r.conflicts.length, "conflict")}, neither figure collated: ${listSome(which)}.`;
}

function duplicateWords(r: CollateResult): string | null {
  const repeated = r.duplicates.reduce((n, d) => n + d.indicatorIds.length, 0);
  if (repeated === 0) return null;
  return `${count(repeated, "figure")} sent more than once, counted once.`;
}

const COLLATE_WORDS: Record<Progress["step"], string> = { reading: "Reading the return files", building: "Collating", writing: "Writing" };
const COLLATE_SHARES: StepShares = { reading: 0.9, building: 0.1, writing: 0 };
const WRITE_WORDS: Record<Progress["step"], string> = { reading: "Reading the action log", building: "Merging the action log", writing: "Writing the collated sheets" };
const WRITE_SHARES: StepShares = { reading: 0.1, building: 0.1, writing: 0.8 };

/** Collating the agencies' return files into this workbook's collated sheets. */
function CollateSection({ operations, unavailableReason }: PanelProps): React.JSX.Element {
  const styles = useStyles();
  const collate = useRun<CollationView>();
  const write = useRun<OperationResult>();
  const [useSet, setUseSet] = React.useState(false);
  const unavailable = operations ? undefined : unavailableReason;

  const onFiles = (files: File[]) => {
    if (!operations || files.length === 0) return;
    write.reset();
    collate.start(async (_options, job) => {
      const read = await Promise.all(files.map(readFileBytes));
      const indicators = useSet ? (await operations.readIndicatorSet()).indicators : undefined;
      return operations.collateFiles({ files: read, ...(indicators ? { indicators } : {}) }, job);
    });
  };

  const view = collate.state.kind === "done" ? collate.state.value : null;
  const result = view?.result ?? null;
  const rejected = result ? result.submissions.filter((s) => s.status === "rejected").length : 0;
  const clean = result !== null && rejected === 0 && result.missingByPeriod.length === 0 && result.conflicts.length === 0 && result.auditConflicts.length === 0;
  const s11 = result ? [auditWords(result), auditConflictWords(result), actionLogWords(result)].filter((x): x is string => x !== null) : [];
  const onWrite = () => {
    if (!operations || !result) return;
    write.start((options, job) => operations.writeCollation(result, options, job));
  };

  return (
    <Section
      title="Collate returns"
      description="Bring the returns and Section 11 audits from every agency into one dataset and list those that are missing, late or need fixing. Audits also give the summary for challenge and update the action log in this workbook."
    >
      <Checkbox
        label="Expect a return from each agency in this workbook's indicator set"
        checked={useSet}
        onChange={(_e, d) => setUseSet(d.checked === true)}
      />
      <div>
        <FilePicker appearance="primary" inputLabel="Return files" accept=".xlsx" multiple disabled={!operations || collate.running} onFiles={onFiles}>
          {collate.running ? "Collating the returns…" : "Choose return files to collate"}
        </FilePicker>
      </div>
      {unavailable && <Caption1 as="p" className={styles.text}>{unavailable}</Caption1>}
      <WorkProgress run={collate} label="Collating the returns" words={COLLATE_WORDS} shares={COLLATE_SHARES} />
      {collate.state.kind === "failed" && (
        <Status intent="error" title="Could not collate">
          {collate.state.message}
        </Status>
      )}
      {collate.state.kind === "stopped" && (
        <Status intent="info" title="Stopped">
          {collate.state.message}
        </Status>
      )}
      {view && result && (
        <div className={styles.stack}>
          <Status intent={clean ? "success" : "warning"} title="Collated">
            {view.summary}
          </Status>
          <ul className={styles.list} aria-label="Files">
            {result.submissions.map((s, i) => (
              <li key={`${i}-${s.file}`} className={styles.text}>
                {submissionLine(s)}
              </li>
            ))}
          </ul>
          <Body1 as="p" className={styles.text}>
            {`${count(result.observations.length, "figure")} kept from the accepted returns.`}
          </Body1>
          <Body1 as="p" className={styles.text}>
            {missingWords(result)}
          </Body1>
          <Body1 as="p" className={styles.text}>
            {conflictWords(result)}
          </Body1>
          {duplicateWords(result) && (
            <Body1 as="p" className={styles.text}>
              {duplicateWords(result)}
            </Body1>
          )}
          {s11.map((line) => (
            <Body1 as="p" key={line} className={styles.text}>
              {line}
            </Body1>
          ))}
          <RunButton
            label="Write the collated sheets"
            runningLabel="Writing the collated sheets…"
            running={write.running}
            onClick={onWrite}
            unavailableReason={unavailable}
          />
          <WorkProgress run={write} label="Writing the collated sheets" words={WRITE_WORDS} shares={WRITE_SHARES} />
          <WriteOutcome run={write} doneTitle="Collated sheets written" failedTitle="Could not write the collated sheets" />
        </div>
      )}
      <Caption1 as="p" className={styles.text}>
        {"To collate files into a separate workbook and a JSON report, run "}
        <span className={styles.code}>{COLLATE_COMMAND}</span>
        {"."}
      </Caption1>
    </Section>
  );
}

/** For sub-committee secretaries: templates and audits for each agency, and many returns into one. */
export function CollationPanel(props: PanelProps): React.JSX.Element {
  return (
    <>
      <TemplateSection {...props} />
      <AuditTemplateSection {...props} />
      <CollateSection {...props} />
    </>
  );
}
