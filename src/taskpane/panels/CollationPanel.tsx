import * as React from "react";
import { Body1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { Choice } from "../components/Choice";
import { RunButton } from "../components/RunButton";
import { WriteOutcome } from "../components/WriteOutcome";
import { Section } from "../components/Section";
import { Status } from "../components/Status";
import { useRun } from "../components/use-run";
import type { OperationResult, TemplateChoices } from "../operations";
import { count } from "./analyst/import-summary";
import type { PanelProps } from "./types";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  text: { margin: 0, overflowWrap: "anywhere" },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
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

/** For sub-committee secretaries: templates for each agency, and many returns into one. */
export function CollationPanel(props: PanelProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      <TemplateSection {...props} />
      <Section
        title="Collate returns"
        description="Bring the returns from every agency into one dataset and list the returns that are missing, late or need fixing."
      >
        <Body1 as="p" className={styles.text}>
          {"Collating return files runs on the command line, not in this pane: "}
          <span className={styles.code}>{COLLATE_COMMAND}</span>
          {"."}
        </Body1>
      </Section>
    </>
  );
}
