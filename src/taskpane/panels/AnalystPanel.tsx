import * as React from "react";
import { Body1, Button, Caption1, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { PlacedIndicator } from "../../core/gap";
import type { LayoutOverrides } from "../../core/ingest";
import type { AnalystChoices, Framework, IngestResult } from "../../core/model";
import { ActionCard } from "../components/ActionCard";
import { RunButton } from "../components/RunButton";
import { Status } from "../components/Status";
import { Steps, type StepDefinition } from "../components/Steps";
import { useRun } from "../components/use-run";
import { WriteOutcome } from "../components/WriteOutcome";
import type { Extraction, ImportedWorkbook, OperationResult, WriteOptions, WorkbookRead } from "../operations";
import { EMPTY_BENCHMARK_DRAFT, restoreKept, scorecardRequest, type BenchmarkDraft } from "./analyst/benchmark-draft";
import { withGapAreas } from "./analyst/gap-areas";
import { ImportSection, type RecipeNote } from "./analyst/ImportSection";
import { count } from "./analyst/import-summary";
import {
  choicesToKeep,
  DEFAULT_PUBLISH_TEXT,
  EMPTY_GAP_CHOICES,
  restoredInWords,
  restoreGapChoices,
  restorePublishText,
  restoreScorecardDraft,
  type GapChoices,
} from "./analyst/kept-choices";
import { DEFAULT_SCORECARD_DRAFT, missingRatings, settingsOf, type ScorecardDraft } from "./analyst/scorecard-draft";
import type { PanelProps } from "./types";

/** The steps after Import, in one chunk loaded the first time one of them is chosen (or soon after the pane opens). */
const loadLaterSteps = () => import(/* webpackChunkName: "analyst-steps" */ "./analyst/later-steps");
const ScorecardSection = React.lazy(() => loadLaterSteps().then((m) => ({ default: m.ScorecardSection })));
const BenchmarksSection = React.lazy(() => loadLaterSteps().then((m) => ({ default: m.BenchmarksSection })));
const GapSection = React.lazy(() => loadLaterSteps().then((m) => ({ default: m.GapSection })));
const ReportSection = React.lazy(() => loadLaterSteps().then((m) => ({ default: m.ReportSection })));
/** How long after the pane has shown the later steps are fetched. */
const PRELOAD_AFTER_MS = 2000;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  view: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  needs: { margin: 0, color: tokens.colorNeutralForeground2 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  keep: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, paddingBlockStart: tokens.spacingVerticalS },
});

/** The analyst's quarter, in the order it is done. */
export type AnalystStep = "import" | "scorecard" | "benchmarks" | "gaps" | "report";

export const ANALYST_STEPS: readonly StepDefinition<AnalystStep>[] = [
  { key: "import", label: "Import" },
  { key: "scorecard", label: "Scorecard" },
  { key: "benchmarks", label: "Benchmarks" },
  { key: "gaps", label: "Gaps" },
  { key: "report", label: "Report" },
];

/** What a step needs from the steps before it, in a sentence, and whether it has it. */
function needs(step: AnalystStep, data: IngestResult | null): { text: string; ready: boolean } {
  const read = data ? `${count(data.indicators.length, "indicator")} read under Import` : "";
  switch (step) {
    case "import":
      return { text: "Start here.", ready: true };
    case "scorecard":
      return data ? { text: `Rates the ${read}.`, ready: true } : { text: "Needs the figures read under Import (step 1).", ready: false };
    case "benchmarks":
      return data
        ? { text: `Links the ${read} to published figures.`, ready: true }
        : { text: "Needs the indicators read under Import (step 1) to link them; comparing an area needs only the files.", ready: false };
    case "gaps":
      return data
        ? { text: `Places the ${read}, or the workbook's own indicator set.`, ready: true }
        : { text: "Needs the indicators read under Import (step 1), or the workbook's own indicator set.", ready: false };
    case "report":
      return { text: "Uses the indicator sheets written under Import, the Scorecard's thresholds and the framework from Gaps.", ready: true };
  }
}

/**
 * For analysts: from circulated workbooks to indicator sheets, a RAG scorecard, official
 * benchmarks, a gap analysis and the report book, as five steps, one view each. The panel holds
 * what the steps share: the workbook as read, what was found in it, and every choice the analyst
 * makes, which is kept in the workbook (on the add-in's hidden "Analyst settings" sheet, with each
 * write or when asked) and comes back the first time the pane reads the workbook again.
 */
export function AnalystPanel({ operations, unavailableReason }: PanelProps): React.JSX.Element {
  const styles = useStyles();
  const [step, setStep] = React.useState<AnalystStep>("import");
  // Views are mounted the first time their step is chosen and stay mounted (hidden when not
  // chosen), so that moving between steps loses no run's progress or outcome.
  const [visited, setVisited] = React.useState<ReadonlySet<AnalystStep>>(() => new Set(["import"]));
  const stepsNav = React.useRef<HTMLElement>(null);
  const [focusStepper, setFocusStepper] = React.useState(false);

  const [imported, setImported] = React.useState<ImportedWorkbook | null>(null);
  const [extraction, setExtraction] = React.useState<Extraction | null>(null);
  const [applied, setApplied] = React.useState<LayoutOverrides>({});
  const [recipeNote, setRecipeNote] = React.useState<RecipeNote | null>(null);
  const [draft, setDraft] = React.useState<ScorecardDraft>(DEFAULT_SCORECARD_DRAFT);
  const [benchmarks, setBenchmarks] = React.useState<BenchmarkDraft>(EMPTY_BENCHMARK_DRAFT);
  const onBenchmarks = React.useCallback((update: (d: BenchmarkDraft) => BenchmarkDraft) => setBenchmarks(update), []);
  const [gapChoices, setGapChoices] = React.useState<GapChoices>(EMPTY_GAP_CHOICES);
  const onGapChoices = React.useCallback((update: (c: GapChoices) => GapChoices) => setGapChoices(update), []);
  const [publishText, setPublishText] = React.useState(DEFAULT_PUBLISH_TEXT);
  // The choices kept in the workbook as last read or written, and whether they have been looked
  // for: until then nothing is written over them (writes carry the pane's choices only after).
  const [kept, setKept] = React.useState<AnalystChoices | null>(null);
  const [restored, setRestored] = React.useState<AnalystChoices | null>(null);
  const [lookedForKept, setLookedForKept] = React.useState(false);
  const looked = React.useRef(false);
  const showCell = useRun<void>();
  const keepNow = useRun<OperationResult>();

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
  const choices = React.useMemo(
    () => choicesToKeep({ draft, missing, gap: gapChoices, publishText, imported, applied, kept }),
    [draft, missing, gapChoices, publishText, imported, applied, kept],
  );
  // Written with the sheets only once the kept choices have been looked for, so that a write
  // never replaces them with a session's blank ones.
  const keep = lookedForKept ? choices : undefined;
  const settings = React.useMemo(() => {
    const s = settingsOf(draft, missing);
    if (!("settings" in s)) return s;
    return { settings: { ...s.settings, ...(benchmarkRequest ? { benchmarks: benchmarkRequest } : {}), ...(keep ? { keep } : {}) } };
  }, [draft, missing, benchmarkRequest, keep]);

  /** Takes in the choices kept in the workbook: the first time, into every draft not yet chosen; later, only as what is kept. */
  const onSavedChoices = React.useCallback((saved: AnalystChoices | null) => {
    setKept(saved);
    if (looked.current) return;
    looked.current = true;
    setLookedForKept(true);
    setRestored(saved);
    setDraft((d) => restoreScorecardDraft(d, saved));
    setGapChoices((c) => restoreGapChoices(c, saved));
    setPublishText((t) => restorePublishText(t, saved));
  }, []);

  const go = (to: AnalystStep, fromFooter = false) => {
    setStep(to);
    setVisited((was) => (was.has(to) ? was : new Set([...was, to])));
    // From a Back or Next button, which is about to be hidden, focus goes to the step now shown
    // in the row of steps; from there Tab carries on into its view.
    if (fromFooter) setFocusStepper(true);
  };
  // The later steps' code is fetched soon after the pane has shown, not while it opens, so that it
  // is there by the time a step is chosen. It asks nothing of Excel.
  React.useEffect(() => {
    const soon = setTimeout(() => void loadLaterSteps(), PRELOAD_AFTER_MS);
    return () => clearTimeout(soon);
  }, []);
  React.useEffect(() => {
    if (!focusStepper) return;
    setFocusStepper(false);
    stepsNav.current?.querySelector<HTMLElement>('[aria-current="step"]')?.focus();
  }, [focusStepper, step]);

  const startShowCell = showCell.start;
  const onShowCell = React.useMemo(
    () => (operations ? (sheet: string, cell: string) => startShowCell(() => operations.selectCell(sheet, cell)) : null),
    [operations, startShowCell],
  );
  const writeSample = React.useMemo(() => (operations ? (options: WriteOptions) => operations.writeSampleSheet(options) : null), [operations]);

  const onRead = (read: WorkbookRead) => {
    setImported(read.imported);
    setExtraction(read.extraction);
    setApplied(read.applied);
    setRecipeNote(read.recipe ? { use: read.recipe, source: "kept", from: read.imported.savedChoices?.recipe?.from ?? null } : null);
    // The settings kept in the workbook came with the read: restore them (filling only what is not set).
    if (read.imported.savedBenchmarks !== undefined) setBenchmarks((d) => restoreKept(d, read.imported.savedBenchmarks ?? null));
    if (read.imported.savedChoices !== undefined) onSavedChoices(read.imported.savedChoices);
  };

  const onKeepNow = () => {
    if (!operations) return;
    keepNow.start((options) => operations.saveChoices(choices, options), () => setKept(choices));
  };

  const view = (key: AnalystStep, content: React.ReactNode) => {
    if (!visited.has(key)) return null;
    const i = ANALYST_STEPS.findIndex((s) => s.key === key);
    const before = ANALYST_STEPS[i - 1];
    const after = ANALYST_STEPS[i + 1];
    const need = needs(key, data);
    return (
      // The hidden attribute is on a div with no display style of its own, which would override it.
      <div key={key} hidden={step !== key}>
        <div className={styles.view}>
          <Body1 as="p" className={styles.needs}>
            {`Step ${i + 1} of ${ANALYST_STEPS.length}. ${need.text}`}
          </Body1>
          {!need.ready && (
            <div className={styles.row}>
              <Button size="small" onClick={() => go("import", true)}>
                Go to step 1: Import
              </Button>
            </div>
          )}
          <React.Suspense fallback={<Spinner size="tiny" label={`Loading the ${ANALYST_STEPS[i]?.label ?? ""} step…`} />}>{content}</React.Suspense>
          <div className={styles.row}>
            {before && <Button onClick={() => go(before.key, true)}>{`Back: ${before.label}`}</Button>}
            {after && (
              <Button appearance="primary" onClick={() => go(after.key, true)}>
                {`Next: ${after.label}`}
              </Button>
            )}
          </div>
        </div>
      </div>
    );
  };

  return (
    <div className={styles.root}>
      <Steps ref={stepsNav} label="Analyst steps" steps={ANALYST_STEPS} current={step} onChoose={(k) => go(k)} />

      {view(
        "import",
        <>
          <ImportSection
            operations={operations}
            unavailableReason={unavailableReason}
            imported={imported}
            extraction={extraction}
            applied={applied}
            onRead={onRead}
            onExtracted={(e, overrides) => {
              setExtraction(e);
              setApplied(overrides);
              setRecipeNote(null);
            }}
            onRecipeRead={(reading, file) => {
              setExtraction(reading.extraction);
              setApplied(reading.applied);
              setRecipeNote({ use: reading.use, source: "file", from: file });
            }}
            recipeNote={recipeNote}
            restoredNote={restored && imported ? `Kept in this workbook from last time: ${restoredInWords(restored)} Each step shows them; change any of them there.` : null}
            recipe={imported ? choices.recipe : null}
            scorecard={settings}
            onShowCell={onShowCell}
          />
          {showCell.state.kind === "failed" && (
            <Status intent="error" title="Could not show the cell">
              {showCell.state.message}
            </Status>
          )}
          {/* For trying the add-in without a workbook of figures: offered until one is read. */}
          {!imported && (
            <ActionCard
              title="Sample sheet"
              description="No workbook to hand? Write a sample scorecard sheet to see what the add-in produces. It replaces only the add-in's earlier copy."
              actionLabel="Write the sample sheet"
              runningLabel="Writing the sample sheet…"
              run={writeSample}
              unavailableReason={unavailableReason}
            />
          )}
        </>,
      )}
      {view(
        "scorecard",
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
        />,
      )}
      {view(
        "benchmarks",
        <BenchmarksSection operations={operations} unavailableReason={unavailableReason} indicators={data?.indicators ?? null} draft={benchmarks} onDraft={onBenchmarks} />,
      )}
      {view(
        "gaps",
        <GapSection
          operations={operations}
          unavailableReason={unavailableReason}
          data={data}
          choices={gapChoices}
          onChoices={onGapChoices}
          onPlacements={setPlacements}
          onFramework={setFramework}
          onSavedChoices={onSavedChoices}
          {...(keep ? { keep } : {})}
        />,
      )}
      {view(
        "report",
        <ReportSection
          operations={operations}
          unavailableReason={unavailableReason}
          framework={framework}
          // Before the kept choices are found, the write uses the thresholds kept in the workbook.
          settings={lookedForKept && "settings" in settings ? settings.settings : null}
          {...(keep ? { keep } : {})}
          thresholdText={publishText}
          onThresholdText={setPublishText}
          onSavedChoices={onSavedChoices}
        />,
      )}

      {lookedForKept && (
        <div className={styles.keep}>
          <Caption1 as="p" className={styles.needs}>
            Your choices are kept in this workbook with each write.
          </Caption1>
          <RunButton
            label="Keep my choices now"
            runningLabel="Keeping your choices…"
            appearance="secondary"
            running={keepNow.running}
            onClick={onKeepNow}
            unavailableReason={operations ? undefined : unavailableReason}
          />
          <WriteOutcome run={keepNow} doneTitle="Choices kept" failedTitle="Could not keep your choices" />
        </div>
      )}
    </div>
  );
}
