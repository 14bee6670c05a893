import * as React from "react";
import { Body1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { RunButton } from "../../components/RunButton";
import { Section } from "../../components/Section";
import { useRun } from "../../components/use-run";
import { WriteOutcome } from "../../components/WriteOutcome";
import type { OperationResult } from "../../operations";
import type { PanelProps } from "../types";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  text: { margin: 0, overflowWrap: "anywhere" },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
});

/** The command that makes an audit as a file of its own, for the sentence that offers it. */
export const AUDIT_COMMAND = "npm run -s cli -- template --kind s11 --agency NAME --period 2025/26 --out AUDIT.xlsx";

/** What the form still needs, in words, or null when it can be written; the engine checks the rest. */
export function auditFormProblem(agency: string, period: string, due: string): string | null {
  if (agency.trim() === "") return "Give the agency the audit is for.";
  if (period.trim() === "") return "Give the year audited, such as 2025/26.";
  if (due.trim() !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(due.trim())) return "Write the due date as YYYY-MM-DD, such as 2025-10-31, or leave it empty.";
  return null;
}

/** Making a Section 11 self-audit for one agency and period, as sheets of this workbook. */
export function AuditTemplateSection({ operations, unavailableReason }: PanelProps): React.JSX.Element {
  const styles = useStyles();
  const write = useRun<OperationResult>();
  const [agency, setAgency] = React.useState("");
  const [period, setPeriod] = React.useState("");
  const [due, setDue] = React.useState("");
  const [partnership, setPartnership] = React.useState("");
  const unavailable = operations ? undefined : unavailableReason;
  const blocked = auditFormProblem(agency, period, due);
  const dueWrong = due.trim() !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(due.trim());

  const onWrite = () => {
    if (!operations || blocked !== null) return;
    write.start((options) =>
      operations.writeAuditTemplate({ agency: agency.trim(), period: period.trim(), due: due.trim() === "" ? null : due.trim(), partnership: partnership.trim() || null }, options),
    );
  };

  return (
    <Section
      title="Make a Section 11 self-audit"
      description="Make the audit an agency fills in against the nine Section 11 standards: a rating from a list for each, the evidence, and the actions with owners and due dates, with its own checks built in."
    >
      <Body1 as="p" className={styles.text}>
        {"The audit is written as sheets of this workbook (Audit, Actions, Audit checks and a hidden specification); use an empty workbook, one for each agency. To make a file to send, run "}
        <span className={styles.code}>{AUDIT_COMMAND}</span>
        {"."}
      </Body1>
      <div className={styles.stack}>
        <Field label="Agency audited" hint="As the partnership names it, such as Police.">
          <Input value={agency} onChange={(_e, d) => setAgency(d.value)} />
        </Field>
        <Field label="Year audited" hint="Usually the financial year, such as 2025/26.">
          <Input value={period} onChange={(_e, d) => setPeriod(d.value)} />
        </Field>
        <Field label="Audit due by (optional)" hint="YYYY-MM-DD." validationState={dueWrong ? "error" : "none"} validationMessage={dueWrong ? "Write the date as YYYY-MM-DD, such as 2025-10-31, or leave it empty." : undefined}>
          <Input value={due} onChange={(_e, d) => setDue(d.value)} />
        </Field>
        <Field label="Name of the partnership (optional)">
          <Input value={partnership} onChange={(_e, d) => setPartnership(d.value)} />
        </Field>
        <RunButton label="Write the audit sheets" runningLabel="Writing the audit…" running={write.running} onClick={onWrite} unavailableReason={unavailable} blockedReason={blocked} />
        <WriteOutcome run={write} doneTitle="Audit written" failedTitle="Could not write the audit" />
      </div>
    </Section>
  );
}
