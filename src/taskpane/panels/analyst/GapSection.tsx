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
import type { Framework, Indicator, IngestResult } from "../../../core/model";
import { RunButton } from "../../components/RunButton";
import { WriteOutcome } from "../../components/WriteOutcome";
import { Section } from "../../components/Section";
import { Status } from "../../components/Status";
import { useRun } from "../../components/use-run";
import type { GapView, OperationResult, Operations } from "../../operations";
import { AreaReport, PlacementRow, placementKey } from "./gap-parts";
import { count, listSome } from "./import-summary";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  text: { margin: 0, overflowWrap: "anywhere" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
  // The file input is reached through its button; visually hidden rather than display: none, so
  // that browser tests can still hand it a file.
  fileInput: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap" },
});

export interface GapSectionProps {
  operations: Operations | null;
  unavailableReason?: string;
  /** The figures read under Import; null until a workbook is read. */
  data: IngestResult | null;
  /** Told each analysis's placements, for the scorecard's content areas. */
  onPlacements?: (placements: PlacedIndicator[]) => void;
  /** Hears of the framework in use (the built-in one, or a partnership's own loaded here). */
  onFramework?: (framework: Framework) => void;
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

/**
 * Gap analysis: places the indicators in the framework's content areas, types and sources, shows
 * what each area lacks in words, lets the analyst confirm or change placements, mark priorities,
 * add suggested measures, swap the framework for an edited one, and write the sheets.
 */
export function GapSection({ operations, unavailableReason, data, onPlacements, onFramework }: GapSectionProps): React.JSX.Element {
  const styles = useStyles();
  const analysis = useRun<GapView>();
  const loadFramework = useRun<Framework>();
  const write = useRun<OperationResult>();
  const [set, setSet] = React.useState<WorkingSet | null>(null);
  const [framework, setFramework] = React.useState<Framework | null>(null);
  const [frameworkFile, setFrameworkFile] = React.useState<string | null>(null);
  const [overrides, setOverrides] = React.useState<Record<string, PlacementOverride>>({});
  const [view, setView] = React.useState<GapView | null>(null);
  const [editing, setEditing] = React.useState<string | null>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const frameworkBlob = React.useMemo(() => (framework ? new Blob([`${JSON.stringify(framework, null, 2)}\n`], { type: "application/json" }) : null), [framework]);
  const downloadUrl = useObjectUrl(frameworkBlob);
  // The report book uses the same framework: the panel hears of each one this section settles on.
  React.useEffect(() => {
    if (framework) onFramework?.(framework);
  }, [framework, onFramework]);
  const unavailable = operations ? undefined : unavailableReason;

  /** Runs the analysis on the given state (the framework loads first when not yet there). */
  const analyse = (next: { set: WorkingSet; framework: Framework | null; overrides: Record<string, PlacementOverride> }) => {
    if (!operations) return;
    write.reset();
    analysis.start(
      async () => {
        const fw = next.framework ?? (await operations.defaultFramework());
        if (!next.framework) setFramework(fw);
        return operations.analyseGaps({ indicators: [...next.set.indicators, ...next.set.added], framework: fw, overrides: next.overrides });
      },
      (v) => {
        setView(v);
        setEditing(null);
        onPlacements?.(v.result.placements);
      },
    );
  };

  const startWith = (indicators: Indicator[], from: string) => {
    const next: WorkingSet = { from, indicators, added: [] };
    setSet(next);
    setOverrides({});
    analyse({ set: next, framework, overrides: {} });
  };

  const readSet = useRun<void>();
  const onReadSet = () => {
    if (!operations) return;
    readSet.start(async () => {
      const found = await operations.readIndicatorSet();
      startWith(found.indicators, `the sheet “${found.sheet ?? "?"}”`);
    });
  };

  const place = (key: string, override: PlacementOverride) => {
    if (!set) return;
    const next = { ...overrides, [key]: override };
    setOverrides(next);
    analyse({ set, framework, overrides: next });
  };

  const setPriority = (areaName: string, priority: boolean) => {
    if (!set || !framework) return;
    const next: Framework = { ...framework, areas: framework.areas.map((a) => (a.name === areaName ? { ...a, priority } : a)) };
    setFramework(next);
    analyse({ set, framework: next, overrides });
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
    analyse({ set: next, framework, overrides });
  };

  const removeMeasure = (index: number) => {
    if (!set) return;
    const next = { ...set, added: set.added.filter((_m, i) => i !== index) };
    setSet(next);
    analyse({ set: next, framework, overrides });
  };

  const onFile = (file: File | undefined) => {
    if (!operations || !file) return;
    loadFramework.start(
      async () => operations.parseFramework(await readFileText(file), file.name),
      (fw) => {
        setFramework(fw);
        setFrameworkFile(file.name);
        // Placements named the old framework's areas, which the new one may not have.
        setOverrides({});
        if (set) analyse({ set, framework: fw, overrides: {} });
      },
    );
    if (fileInput.current) fileInput.current.value = "";
  };

  const backToBuiltIn = () => {
    setFramework(null);
    setFrameworkFile(null);
    setOverrides({});
    if (set) analyse({ set, framework: null, overrides: {} });
  };

  const onWrite = () => {
    if (!operations || !set || !framework) return;
    write.start((options) =>
      operations.writeGapSheets(
        {
          indicators: [...set.indicators, ...set.added],
          framework,
          overrides,
          writeIndicators: set.added.length > 0,
        },
        options,
      ),
    );
  };

  const result = view?.result ?? null;
  const unplaced = result?.placements.filter((p) => p.area === null) ?? [];
  const importBlocked = !data ? "Read a workbook under Import first." : data.indicators.length === 0 ? "No indicators were found under Import." : null;

  return (
    <Section
      title="Gap analysis"
      description="Measure your indicators against the quality-assurance framework's content areas, types and sources of information, see what each area lacks, and add suggested measures."
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
        <Button onClick={() => fileInput.current?.click()} disabledFocusable={!operations || loadFramework.running}>
          Load a framework from a JSON file
        </Button>
        <input
          ref={fileInput}
          className={styles.fileInput}
          type="file"
          accept=".json,application/json"
          aria-label="Framework JSON file"
          tabIndex={-1}
          onChange={(e) => onFile(e.target.files?.[0])}
        />
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

      {set && result && framework && (
        <div className={styles.stack}>
          <Status intent="info" title="Analysed">
            {`${count(result.summary.indicators, "indicator")} from ${set.from}, measured against “${result.framework.name}”: ${result.summary.placed} placed, ${result.summary.unclassified} not placed, ${count(result.summary.gaps, "gap")} in all; ${count(result.emptyAreas.length, "area")} with no indicators.`}
          </Status>
          <Body1 as="p" className={styles.text}>
            {`Balance of types: ${percent(result.balance.quantity)} quantity, ${percent(result.balance.quality)} quality, ${percent(result.balance.outcome)} outcome. From children, parents, carers or frontline staff: ${percent(result.voiceShare)}.`}
          </Body1>

          {unplaced.length > 0 && (
            <>
              <Body1 as="p" className={styles.text}>
                {`Not placed in any area (${unplaced.length}): choose Place to give each an area.`}
              </Body1>
              <ul className={styles.list} aria-label="Indicators not placed">
                {unplaced.map((p, i) => {
                  const key = placementKey(p);
                  const id = `${key}|${p.agency ?? ""}`;
                  return (
                    <PlacementRow
                      key={`${id}|${i}`}
                      placement={p}
                      framework={framework}
                      editing={editing === id}
                      onEdit={() => setEditing(id)}
                      onSave={(o) => place(key, o)}
                      onCancel={() => setEditing(null)}
                    />
                  );
                })}
              </ul>
            </>
          )}

          <Accordion multiple collapsible>
            {result.areas.map((area) => (
              <AccordionItem key={area.name} value={area.name}>
                <AccordionHeader as="h3">
                  {`${area.name}${area.priority ? " (priority)" : ""}: ${count(area.indicators, "indicator")}, ${count(area.gaps.length, "gap")}`}
                </AccordionHeader>
                <AccordionPanel>
                  <AreaReport
                    area={area}
                    words={view?.words[area.name] ?? ""}
                    placements={result.placements.filter((p) => p.area === area.name)}
                    framework={framework}
                    editing={editing}
                    onEdit={setEditing}
                    onPlace={place}
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
          <WriteOutcome run={write} doneTitle="Gap analysis written" failedTitle="Could not write the gap analysis" />
        </div>
      )}
    </Section>
  );
}
