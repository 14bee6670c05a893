import * as React from "react";
import { ActionCard } from "../components/ActionCard";
import { Planned } from "../components/Section";
import type { PanelProps } from "./types";

/**
 * For analysts: from circulated workbooks to indicator sheets, a RAG scorecard and a gap analysis.
 * The sample sheet comes first while it is the one thing here that works.
 */
export function AnalystPanel({ operations, unavailableReason }: PanelProps): React.JSX.Element {
  const writeSample = React.useMemo(() => (operations ? () => operations.writeSampleSheet() : null), [operations]);
  return (
    <>
      <ActionCard
        title="Sample sheet"
        description="Write a sample sheet into this workbook to see what the add-in produces. It replaces an earlier copy of the sample and leaves every other sheet alone."
        actionLabel="Write the sample sheet"
        runningLabel="Writing the sample sheet…"
        run={writeSample}
        unavailableReason={unavailableReason}
      />
      <Planned
        title="Import a workbook"
        description="Choose a workbook your partnership circulates and turn every figure in it into indicator and observation sheets, whatever its layout."
      />
      <Planned
        title="Scorecard"
        description="Build a scorecard from the indicator sheets that rates each latest figure red, amber or green against its target."
      />
      <Planned
        title="Gap analysis"
        description="Measure your indicators against the quality-assurance framework's content areas and sources, and list what is missing with suggested measures."
      />
    </>
  );
}
