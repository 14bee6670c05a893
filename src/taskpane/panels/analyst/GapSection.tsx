import * as React from "react";
import { useObjectUrl } from "../../components/use-object-url";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Link,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { PlacedIndicator, PlacementOverride } from "../../../core/gap";
import type { AnalystChoices, Framework, Indicator, IngestResult } from "../../../core/model";
import { FilePicker } from "../../components/FilePicker";
import { RunButton } from "../../components/RunButton";
import { WorkProgress, type StepShares } from "../../components/WorkProgress";
import { WriteOutcome } from "../../components/WriteOutcome";
import { Section } from "../../components/Section";
import { Status } from "../../components/Status";
import { useRun } from "../../components/use-run";
import type { GapView, OperationResult, Operations, Progress } from "../../operations";
import { restoreGapChoices, withPriorities, type GapChoices } from "./kept-choices";
import { AreaReport, PlacementTable } from "./gap-parts";
import { count, listSome } from "./import-summary";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  text: { margin: 0, overflowWrap: "anywhere" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
  // The file input is reached through its button; visually hidden rather than display: none, so
  // that browser tests can still hand it a file.
});

export interface GapSectionProps {
  operations: Operations | null;
  unavailableReason?: string;
  /** The figures read under Import; null until a workbook is read. */
  data: IngestResult | null;
  /** The analyst's placements, priority areas and framework, kept with the workbook; the panel holds them. */
  choices: GapChoices;
  onChoices: (update: (choices: GapChoices) => GapChoices) => void;
  /** Told each analysis's placements, for the scorecard's content areas. */
  onPlacements?: (placements: PlacedIndicator[]) => void;
  /** Hears of the framework in use (the built-in one, or a partnership's own loaded here). */
  onFramework?: (framework: Framework) => void;
  /** Hears of the choices kept in the workbook, read with its indicator set. */
  onSavedChoices?: (choices: AnalystChoices | null) => void;
  /** The Analyst tab's choices, kept in the workbook with the sheets written (absent until the pane has looked for kept ones). */
  keep?: AnalystChoices;
}

/** The set being analysed: where it came from, its indicators, and the measures the analyst added. */
interface WorkingSet {
  from: string;
  indicators: Indicator[];
  added: Indicator[];
}

function readFileText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : "");
    reader.onerror = () => reject(new Error(`The file “${file.name}” could not be read.`));
    reader.readAsText(file);
  });
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

const WRITE_WORDS: Record<Progress["step"], string> = { reading: "Reading", building: "Building the sheets", writing: "Writing the gap analysis" };
const WRITE_SHARES: StepShares = { reading: 0, building: 0.2, writing: 0.8 };

/**
 * Gap analysis: places the indicators in the framework's content areas, types and sources, shows
 * what each area lacks in words, lets the analyst confirm or change placements (one compact table
 * with a filter box), mark priorities, add suggested measures, swap the framework for an edited
 * one, and write the sheets. Placements, priorities and the framework's name are the panel's, so
 * that they are kept in the workbook and come back next time.
 */
export function GapSection(props: GapSectionProps): React.JSX.Element {
  const { operations, unavailableReason, data, choices, onChoices, onPlacements, onFramework, onSavedChoices, keep } = props;
  const styles = useStyles();
  const analysis = useRun<GapView>();
  const loadFramework = useRun<Framework>();
  const write = useRun<OperationResult>();
  const [set, setSet] = React.useState<WorkingSet | null>(null);
  // The framework as loaded (the built-in one, or a partnership's file); priorities are laid over it.
  const [loaded, setLoaded] = React.useState<Framework | null>(null);
  const [frameworkFile, setFrameworkFile] = React.useState<string | null>(null);
  const [view, setView] = React.useState<GapView | null>(null);
  const [editing, setEditing] = React.useState<string | null>(null);
  const framework = React.useMemo(() => (loaded ? withPriorities(loaded, choices.priorities) : null), [loaded, choices.priorities]);
  const frameworkBlob = React.useMemo(() => (framework ? new Blob([`${JSON.stringify(framework, null, 2)}\n`], { type: "application/json" }) : null), [framework]);
  const downloadUrl = useObjectUrl(frameworkBlob);
  // The report book uses the same framework: the panel hears of each one this section settles on.
  React.useEffect(() => {
    if (framework) onFramework?.(framework);
  }, [framework, onFramework]);
  const unavailable = operations ? undefined : unavailableReason;

  /** Runs the analysis on the given state (the framework loads first when not yet there). */
  const analyse = (next: { set: WorkingSet; framework: Framework | null; overrides: Record<string, PlacementOverride>; priorities: string[] | null }) => {
    if (!operations) return;
    write.reset();
    analysis.start(
      async () => {
        const base = next.framework ?? (await operations.defaultFramework());
        if (!next.framework) setLoaded(base);
        return operations.analyseGaps({ indicators: [...next.set.indicators, ...next.set.added], framework: withPriorities(base, next.priorities), overrides: next.overrides });
      },
      (v) => {
        setView(v);
        setEditing(null);
        onPlacements?.(v.result.placements);
      },
    );
  };

  // The placements kept from before apply to any set analysed: they are keyed by indicator ID or name.
  const startWith = (indicators: Indicator[], from: string, overrides = choices.overrides, priorities = choices.priorities) => {
    const next: WorkingSet = { from, indicators, added: [] };
    setSet(next);
    analyse({ set: next, framework: loaded, overrides, priorities });
  };

  const readSet = useRun<void>();
  const onReadSet = () => {
    if (!operations) return;
    readSet.start(async () => {
      const found = await operations.readIndicatorSet();
      // The read brought the choices kept in the workbook: the panel restores them (filling only
      // what is not chosen yet), and this first analysis uses them straight away.
      const restored = found.savedChoices !== undefined ? restoreGapChoices(choices, found.savedChoices) : choices;
      if (found.savedChoices !== undefined) onSavedChoices?.(found.savedChoices);
      startWith(found.indicators, `the sheet “${found.sheet ?? "?"}”`, restored.overrides, restored.priorities);
    });
  };

  const place = (key: string, override: PlacementOverride) => {
    if (!set) return;
    const overrides = { ...choices.overrides, [key]: override };
    onChoices((c) => ({ ...c, overrides: { ...c.overrides, [key]: override } }));
    analyse({ set, framework: loaded, overrides, priorities: choices.priorities });
  };

  const setPriority = (areaName: string, priority: boolean) => {
    if (!set || !framework) return;
    const now = framework.areas.filter((a) => (a.name === areaName ? priority : a.priority === true)).map((a) => a.name);
    onChoices((c) => ({ ...c, priorities: now }));
    analyse({ set, framework: loaded, overrides: choices.overrides, priorities: now });
  };

  const addMeasure = (areaName: string, measureName: string) => {
    if (!set || !framework) return;
    const measure = framework.catalogue.find((m) => m.name === measureName && m.area === areaName);
    const indicator: Indicator = {
      id: null,
      name: measureName,
      agency: null,
      unit: null,
      polarity: null,
      target: null,
      contentArea: areaName,
      type: measure?.type ?? null,
      source: measure?.source ?? null,
      frequency: null,
    };
    const next = { ...set, added: [...set.added, indicator] };
    setSet(next);
    analyse({ set: next, framework: loaded, overrides: choices.overrides, priorities: choices.priorities });
  };

  const removeMeasure = (index: number) => {
    if (!set) return;
    const next = { ...set, added: set.added.filter((_m, i) => i !== index) };
    setSet(next);
    analyse({ set: next, framework: loaded, overrides: choices.overrides, priorities: choices.priorities });
  };

  const onFile = (file: File | undefined) => {
    if (!operations || !file) return;
    loadFramework.start(
      async () => operations.parseFramework(await readFileText(file), file.name),
      (fw) => {
        setLoaded(fw);
        setFrameworkFile(file.name);
        // Placements and priorities named the old framework's areas, which the new one may not have.
        onChoices(() => ({ overrides: {}, priorities: null, framework: { name: fw.name, file: file.name } }));
        if (set) analyse({ set, framework: fw, overrides: {}, priorities: null });
      },
    );
  };

  const backToBuiltIn = () => {
    setLoaded(null);
    setFrameworkFile(null);
    onChoices(() => ({ overrides: {}, priorities: null, framework: null }));
    if (set) analyse({ set, framework: null, overrides: {}, priorities: null });
  };

  const onWrite = () => {
    if (!operations || !set || !framework) return;
    write.start((options, job) =>
      operations.writeGapSheets(
        {
          indicators: [...set.indicators, ...set.added],
          framework,
          overrides: choices.overrides,
          writeIndicators: set.added.length > 0,
          ...(keep ? { keep } : {}),
        },
        options,
        job,
      ),
    );
  };

  const result = view?.result ?? null;
  const importBlocked = !data ? "Read a workbook under Import first." : data.indicators.length === 0 ? "No indicators were found under Import." : null;
  // A partnership's own framework used last time: its file is loaded again each time (nothing but its name is kept).
  const keptFramework = choices.framework && !frameworkFile ? choices.framework : null;

  return (
    <Section
      title="Gap analysis"
      description="What each content area of the framework lacks, by type and source of information, with measures to add."
    >
      <RunButton
        label="Analyse the indicators from Import"
        runningLabel="Analysing…"
        running={analysis.running && !readSet.running}
        onClick={() => data && startWith(data.indicators, "the workbook read under Import")}
        unavailableReason={unavailable}
        blockedReason={importBlocked}
      />
      <RunButton
        label="Analyse the workbook's indicator set"
        runningLabel="Reading the indicator set…"
        appearance="secondary"
        running={readSet.running}
        onClick={onReadSet}
        unavailableReason={unavailable}
      />
      {readSet.state.kind === "failed" && (
        <Status intent="error" title="Could not read the indicator set">
          {readSet.state.message}
        </Status>
      )}
      {analysis.state.kind === "failed" && (
        <Status intent="error" title="Could not analyse">
          {analysis.state.message}
        </Status>
      )}

      <div className={styles.row}>
        {downloadUrl && (
          <Link href={downloadUrl} download="framework.json">
            Download the framework (JSON)
          </Link>
        )}
        <FilePicker inputLabel="Framework JSON file" accept=".json,application/json" disabled={!operations || loadFramework.running} onFiles={([file]) => onFile(file)}>
          Load a framework from a JSON file
        </FilePicker>
        {frameworkFile && (
          <Button appearance="subtle" onClick={backToBuiltIn}>
            Use the built-in framework
          </Button>
        )}
      </div>
      {loadFramework.state.kind === "failed" && (
        <Status intent="error" title="Could not load the framework">
          {loadFramework.state.message}
        </Status>
      )}
      {frameworkFile && loadFramework.state.kind !== "failed" && (
        <Caption1 as="p" className={styles.text}>{`Using the framework from ${frameworkFile}.`}</Caption1>
      )}
      {keptFramework && (
        <Caption1 as="p" className={styles.text}>
          {`Last time this workbook used “${keptFramework.name}”${keptFramework.file ? ` from ${keptFramework.file}` : ""}: load it again to use it; until then the built-in framework is used.`}
        </Caption1>
      )}

      {set && result && framework && (
        <div className={styles.stack}>
          <Status intent="info" title="Analysed">
            {`${count(result.summary.indicators, "indicator")} from ${set.from} against “${result.framework.name}”: ${result.summary.placed} placed, ${result.summary.unclassified} not placed; ${count(result.summary.gaps, "gap")}; ${count(result.emptyAreas.length, "area")} with none.`}
          </Status>
          <Body1 as="p" className={styles.text}>
            {`Balance of types: ${percent(result.balance.quantity)} quantity, ${percent(result.balance.quality)} quality, ${percent(result.balance.outcome)} outcome. From children, parents, carers or frontline staff: ${percent(result.voiceShare)}.`}
          </Body1>

          <PlacementTable placements={result.placements} framework={framework} editing={editing} onEdit={setEditing} onPlace={place} />

          <Accordion multiple collapsible>
            {result.areas.map((area) => (
              <AccordionItem key={area.name} value={area.name}>
                <AccordionHeader as="h3" size="small">
                  {`${area.name}${area.priority ? " (priority)" : ""}: ${count(area.indicators, "indicator")}, ${count(area.gaps.length, "gap")}`}
                </AccordionHeader>
                <AccordionPanel>
                  <AreaReport
                    area={area}
                    words={view?.words[area.name] ?? ""}
                    placed={result.placements.filter((p) => p.area === area.name).length}
                    onPriority={(priority) => setPriority(area.name, priority)}
                    onAdd={(measure) => addMeasure(area.name, measure)}
                  />
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>

          {set.added.length > 0 && (
            <>
              <Body1 as="p" className={styles.text}>
                {`Added to the indicator set: ${listSome(set.added.map((a) => a.name), 3)}. They are written to the Indicators sheet with the gap analysis, placed in their areas.`}
              </Body1>
              <ul className={styles.list} aria-label="Measures added">
                {set.added.map((a, i) => (
                  <li key={`${a.name}|${i}`} className={styles.item}>
                    <span>{`${a.name} (${a.contentArea ?? "no area"})`}</span>
                    <Button size="small" appearance="subtle" aria-label={`Remove “${a.name}” from the indicator set`} onClick={() => removeMeasure(i)}>
                      Remove
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          )}

          <RunButton
            label="Write the Gap Analysis sheets"
            runningLabel="Writing the gap analysis…"
            running={write.running}
            onClick={onWrite}
            unavailableReason={unavailable}
            blockedReason={analysis.running ? "Wait for the analysis to finish." : null}
          />
          <WorkProgress run={write} label="Writing the gap analysis" words={WRITE_WORDS} shares={WRITE_SHARES} />
          <WriteOutcome run={write} doneTitle="Gap analysis written" failedTitle="Could not write the gap analysis" />
        </div>
      )}
    </Section>
  );
}
