import * as React from "react";
import type { PlacedIndicator } from "../../core/gap";
import type { LayoutOverrides } from "../../core/ingest";
import type { Framework, IngestResult } from "../../core/model";
import { ActionCard } from "../components/ActionCard";
import { Status } from "../components/Status";
import { useRun } from "../components/use-run";
import type { Extraction, ImportedWorkbook, WriteOptions } from "../operations";
import { EMPTY_BENCHMARK_DRAFT, restoreKept, scorecardRequest, type BenchmarkDraft } from "./analyst/benchmark-draft";
import { BenchmarksSection } from "./analyst/BenchmarksSection";
import { withGapAreas } from "./analyst/gap-areas";
import { GapSection } from "./analyst/GapSection";
import { ImportSection } from "./analyst/ImportSection";
import { ReportSection } from "./analyst/ReportSection";
import { ScorecardSection } from "./analyst/ScorecardSection";
import { DEFAULT_SCORECARD_DRAFT, missingRatings, settingsOf, type ScorecardDraft } from "./analyst/scorecard-draft";
import type { PanelProps } from "./types";

/**
 * For analysts: from circulated workbooks to indicator sheets, official benchmarks, a RAG
 * scorecard and a gap analysis. The panel holds what the sections share: the workbook as read,
 * what was found in it, the benchmarks set up, and the scorecard's settings (the Import section's
 * write uses them too).
 */
export function AnalystPanel({ operations, unavailableReason }: PanelProps): React.JSX.Element {
  const [imported, setImported] = React.useState<ImportedWorkbook | null>(null);
  const [extraction, setExtraction] = React.useState<Extraction | null>(null);
  const [applied, setApplied] = React.useState<LayoutOverrides>({});
  const [draft, setDraft] = React.useState<ScorecardDraft>(DEFAULT_SCORECARD_DRAFT);
  const [benchmarks, setBenchmarks] = React.useState<BenchmarkDraft>(EMPTY_BENCHMARK_DRAFT);
  const onBenchmarks = React.useCallback((update: (d: BenchmarkDraft) => BenchmarkDraft) => setBenchmarks(update), []);
  const showCell = useRun<void>();

  const data: IngestResult | null = React.useMemo(() => {
    if (!extraction) return null;
    const { observations, indicators, warnings } = extraction.detail;
    return { observations, indicators, warnings };
  }, [extraction]);
  // The Gap analysis run in this session, if any: its areas group the scorecard by content area.
  const [placements, setPlacements] = React.useState<PlacedIndicator[] | null>(null);
  // The framework the Gap section settled on (a partnership's own, if loaded): the report book follows it.
  const [framework, setFramework] = React.useState<Framework | null>(null);
  const scorecardData = React.useMemo(() => (data && placements ? withGapAreas(data, placements) : data), [data, placements]);
  const missing = React.useMemo(() => missingRatings(data?.indicators ?? []), [data]);
  const benchmarkRequest = React.useMemo(() => scorecardRequest(benchmarks, data?.indicators ?? null), [benchmarks, data]);
  const settings = React.useMemo(() => {
    const s = settingsOf(draft, missing);
    return "settings" in s && benchmarkRequest ? { settings: { ...s.settings, benchmarks: benchmarkRequest } } : s;
  }, [draft, missing, benchmarkRequest]);

  const startShowCell = showCell.start;
  const onShowCell = React.useMemo(
    () => (operations ? (sheet: string, cell: string) => startShowCell(() => operations.selectCell(sheet, cell)) : null),
    [operations, startShowCell],
  );
  const writeSample = React.useMemo(() => (operations ? (options: WriteOptions) => operations.writeSampleSheet(options) : null), [operations]);

  return (
    <>
      <ImportSection
        operations={operations}
        unavailableReason={unavailableReason}
        imported={imported}
        extraction={extraction}
        applied={applied}
        onRead={(i, e) => {
          setImported(i);
          setExtraction(e);
          setApplied({});
          // The benchmark settings kept in the workbook came with the read: restore them (filling only what is not set).
          if (i.savedBenchmarks !== undefined) setBenchmarks((d) => restoreKept(d, i.savedBenchmarks ?? null));
        }}
        onExtracted={(e, overrides) => {
          setExtraction(e);
          setApplied(overrides);
        }}
        scorecard={settings}
        onShowCell={onShowCell}
      />
      {showCell.state.kind === "failed" && (
        <Status intent="error" title="Could not show the cell">
          {showCell.state.message}
        </Status>
      )}
      <BenchmarksSection
        operations={operations}
        unavailableReason={unavailableReason}
        indicators={data?.indicators ?? null}
        draft={benchmarks}
        onDraft={onBenchmarks}
      />
      <ScorecardSection
        operations={operations}
        unavailableReason={unavailableReason}
        data={scorecardData}
        areasFromGap={placements !== null}
        draft={draft}
        onDraft={setDraft}
        missing={missing}
        settings={settings}
        benchmarks={benchmarkRequest ? { area: benchmarkRequest.area, linked: benchmarkRequest.map.links.length } : null}
      />
      <GapSection operations={operations} unavailableReason={unavailableReason} data={data} onPlacements={setPlacements} onFramework={setFramework} />
      <ReportSection operations={operations} unavailableReason={unavailableReason} framework={framework} settings={"settings" in settings ? settings.settings : null} />
      <ActionCard
        title="Sample sheet"
        description="Write a sample scorecard sheet to see what the add-in produces. It replaces only the add-in's earlier copy."
        actionLabel="Write the sample sheet"
        runningLabel="Writing the sample sheet…"
        run={writeSample}
        unavailableReason={unavailableReason}
      />
    </>
  );
}
