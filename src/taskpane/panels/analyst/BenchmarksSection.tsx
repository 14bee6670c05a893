import * as React from "react";
import {
  Body1,
  Body1Strong,
  Caption1,
  Combobox,
  Field,
  Input,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { BenchmarkResult, BenchmarkRow, Confidence } from "../../../core/benchmark";
import { describeBreakdown } from "../../../core/benchmark/published";
import type { BenchmarkSettings, Indicator, ObservationStatus } from "../../../core/model";
import { FilePicker } from "../../components/FilePicker";
import { Choice } from "../../components/Choice";
import { readFileBytes } from "../../components/read-file";
import { RunButton } from "../../components/RunButton";
import { Section } from "../../components/Section";
import { Status } from "../../components/Status";
import { useRun } from "../../components/use-run";
import { useStillRowStyles } from "../../components/still-row";
import { WriteOutcome } from "../../components/WriteOutcome";
import type { AreaChoice, NeighbourFile, OpenDataFiles, OperationResult, Operations } from "../../operations";
import {
  areaFits,
  describeArea,
  distinctIndicators,
  figure,
  indicatorKey,
  linkOptions,
  linkValue,
  optionsFor,
  restoreKept,
  settingsOf,
  type BenchmarkDraft,
} from "./benchmark-draft";
import { count, listSome } from "./import-summary";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  text: { margin: 0, overflowWrap: "anywhere" },
  fill: { width: "100%", minWidth: 0 },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  figures: { display: "grid", gridTemplateColumns: "minmax(6em, max-content) 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  value: { margin: 0, overflowWrap: "anywhere" },
  scroller: { overflowX: "auto", maxWidth: "100%" },
  table: { tableLayout: "fixed", width: "100%" },
  name: { overflowWrap: "anywhere" },
  hint: { display: "block", color: tokens.colorNeutralForeground3 },
  // The file inputs are reached through their buttons; visually hidden rather than display: none,
  // so that browser tests can still hand them files.
});

export interface BenchmarksSectionProps {
  operations: Operations | null;
  unavailableReason?: string;
  /** The partnership's indicators as read under Import; null until a workbook is read. */
  indicators: Indicator[] | null;
  draft: BenchmarkDraft;
  /** Updates the draft from its latest state (reads finish after other changes). */
  onDraft: (update: (draft: BenchmarkDraft) => BenchmarkDraft) => void;
}

/** How many results are listed before the analyst narrows them with Find. */
export const RESULTS_SHOWN = 25;

const STATUS_WORDS: Record<ObservationStatus, string> = {
  ok: "",
  suppressed: "Suppressed",
  missing: "Missing",
  not_applicable: "Not applicable",
  low_reliability: "Low reliability",
  not_available: "Not available",
};

/** The area's own figure, or what stands in for it ("Suppressed (c)"). */
function ownFigure(r: BenchmarkRow): string {
  if (r.status === "ok") return figure(r.value);
  return r.mark ? `${STATUS_WORDS[r.status]} (${r.mark})` : STATUS_WORDS[r.status];
}

/** "43.2 (9 of 10 neighbours had a figure; 1 left out: suppressed, low reliability or not available)". */
export function neighboursInWords(n: BenchmarkRow["neighbours"]): string {
  const listed = n.count + n.leftOut + n.missing;
  if (listed === 0) return "– (no neighbour list)";
  const left = n.leftOut > 0 ? `; ${n.leftOut} left out: suppressed, low reliability or not available` : "";
  return `${figure(n.mean)} (${n.count} of ${listed} neighbours had a figure${left})`;
}

function rankInWords(r: BenchmarkRow): string {
  if (!r.rank) return "–";
  return `${r.rank.position} of ${r.rank.of} (1 is the highest)`;
}

const CONFIDENCE_WORDS: Record<Confidence, string> = {
  close: "Suggested from the name: a close match. Check it.",
  possible: "Suggested from the name: a possible match only. Check it.",
};

function keptInWords(kept: BenchmarkSettings): string {
  const parts = [
    kept.area ? `area ${kept.area}` : null,
    kept.files.length > 0 ? `open-data ${kept.files.length === 1 ? "file" : "files"} ${listSome(kept.files, 3)}` : null,
    kept.neighbourFile ? `neighbour list ${kept.neighbourFile}` : null,
    count(kept.map.links.length, "link"),
  ].filter(Boolean);
  return `Kept in this workbook: ${parts.join("; ")}. Choose the same files to use them again.`;
}

function filesInWords(files: OpenDataFiles): string {
  const read = files.sources.map((s) => s.file);
  const columns = new Set(files.columns.map((c) => `${c.file}\u0000${c.column}`)).size;
  if (read.length === 0) return "No file could be used.";
  return `${listSome(read, 3)}: ${count(columns, "published figure")} for ${count(files.areas.length, "local authority", "local authorities")}.`;
}

/** The area box: a Fluent Combobox that narrows its list as the analyst types a name or a code. */
function AreaBox({ areas, value, onChange }: { areas: readonly AreaChoice[]; value: string; onChange: (area: string) => void }): React.JSX.Element {
  const styles = useStyles();
  const fitting = areas.filter((a) => areaFits(a, value));
  const shown = fitting.slice(0, 50);
  const exact = areas.find((a) => a.name === value);
  return (
    <Field label="Area" hint={`The local authority to compare: type part of its name or its code, then choose it. ${count(areas.length, "authority", "authorities")} in the files.`}>
      <Combobox
        className={styles.fill}
        // The list opens inside the pane's landmarks (not in a portal at the end of the page), so a
        // screen reader finds it where the box is.
        inlinePopup
        freeform
        value={value}
        selectedOptions={exact ? [exact.name] : []}
        onChange={(e) => onChange(e.target.value)}
        onOptionSelect={(_e, d) => {
          if (d.optionValue) onChange(d.optionValue);
        }}
      >
        {shown.map((a) => (
          <Option key={`${a.oldCode ?? ""}|${a.code ?? ""}|${a.name}`} value={a.name} text={a.name}>
            {describeArea(a)}
          </Option>
        ))}
        {fitting.length > shown.length && (
          <Option disabled value="" text="">
            {`${fitting.length - shown.length} more: type more of the name`}
          </Option>
        )}
        {fitting.length === 0 && (
          <Option disabled value="" text="">
            No authority in the files matches
          </Option>
        )}
      </Combobox>
    </Field>
  );
}

/** The comparison, one entry per published indicator and breakdown, narrowed by Find. */
function Results({ result }: { result: BenchmarkResult }): React.JSX.Element {
  const styles = useStyles();
  const [find, setFind] = React.useState("");
  const wanted = find.trim().toLowerCase();
  const fitting = result.rows.filter((r) => wanted === "" || `${r.indicator} ${describeBreakdown(r.breakdown)}`.toLowerCase().includes(wanted));
  const shown = fitting.slice(0, RESULTS_SHOWN);
  const a = result.area;
  const region = a.region ?? "Region";
  return (
    <div className={styles.stack}>
      <Body1 as="p" className={styles.text}>
        {`${a.name}${a.oldCode ? ` (${a.oldCode})` : ""}, ${a.region ?? "no region"}${a.subRegion ? ` (${a.subRegion})` : ""}; ${
          result.neighbours.length > 0 ? `statistical neighbours: ${listSome(result.neighbours, 10)}` : "no statistical neighbours (choose the neighbour list above)"
        }. Each figure is for the latest period ${a.name} has; suppressed and low-reliability figures are never in a mean or a rank.`}
      </Body1>
      {result.rows.length > RESULTS_SHOWN && (
        <Field label="Find a published figure" hint={`Showing ${shown.length} of ${fitting.length}${wanted ? " that match" : ""}.`}>
          <Input className={styles.fill} value={find} onChange={(_e, d) => setFind(d.value)} />
        </Field>
      )}
      <ul className={styles.list} aria-label={`How ${a.name} compares`}>
        {shown.map((r) => {
          const breakdown = describeBreakdown(r.breakdown);
          return (
            <li key={`${r.source.file}|${r.indicator}|${breakdown}`}>
              <Body1Strong as="p" className={styles.text}>
                {`${r.indicator}${breakdown ? ` (${breakdown})` : ""}`}
              </Body1Strong>
              <Caption1 as="p" className={styles.text}>{`${r.period.label}, ${r.source.file}`}</Caption1>
              <dl className={styles.figures}>
                <dt className={styles.term}>{a.name}</dt>
                <dd className={styles.value}>{ownFigure(r)}</dd>
                <dt className={styles.term}>England</dt>
                <dd className={styles.value}>{figure(r.england)}</dd>
                <dt className={styles.term}>{region}</dt>
                <dd className={styles.value}>{figure(r.region)}</dd>
                <dt className={styles.term}>{"Neighbours' mean"}</dt>
                <dd className={styles.value}>{neighboursInWords(r.neighbours)}</dd>
                <dt className={styles.term}>Rank</dt>
                <dd className={styles.value}>{rankInWords(r)}</dd>
              </dl>
            </li>
          );
        })}
      </ul>
      {result.warnings.length > 0 && (
        <Status intent="info" title="Notes">
          {result.warnings.map((w) => w.message).join(" ")}
        </Status>
      )}
    </div>
  );
}

/** Which published figure each of the partnership's indicators is compared with. */
function LinkEditor(props: { indicators: Indicator[]; files: OpenDataFiles; draft: BenchmarkDraft; onDraft: BenchmarksSectionProps["onDraft"] }): React.JSX.Element {
  const { indicators, files, draft, onDraft } = props;
  const styles = useStyles();
  const still = useStillRowStyles();
  const all = React.useMemo(() => linkOptions(files.columns), [files]);
  const distinct = distinctIndicators(indicators);
  const linked = distinct.filter((i) => draft.links[indicatorKey(i)]).length;
  return (
    <div className={styles.stack}>
      <Body1 as="p" className={styles.text}>
        {`${linked} of ${count(distinct.length, "indicator")} compared with a published figure. The Scorecard section sets England, the region and the neighbours beside each of them.`}
      </Body1>
      <div className={styles.scroller} role="region" aria-label="Published figures to compare with">
        <Table size="small" className={styles.table} aria-label="Each indicator's published figure">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Indicator</TableHeaderCell>
              <TableHeaderCell>Published figure</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {distinct.map((ind) => {
              const key = indicatorKey(ind);
              const link = draft.links[key] ?? null;
              const options = optionsFor(all, link);
              const suggested = draft.suggested[key];
              return (
                <TableRow key={key} className={still.row}>
                  <TableCell className={styles.name}>{ind.id ? `${ind.id} ${ind.name}` : ind.name}</TableCell>
                  <TableCell>
                    <Choice
                      className={styles.fill}
                      ariaLabel={`Published figure for ${ind.name}`}
                      value={linkValue(link)}
                      options={options}
                      onChange={(value) =>
                        onDraft((d) => {
                          const { [key]: _dropped, ...suggestedLeft } = d.suggested;
                          return { ...d, links: { ...d.links, [key]: options.find((o) => o.value === value)?.link ?? null }, suggested: suggestedLeft };
                        })
                      }
                    />
                    {suggested && link && <Caption1 className={styles.hint}>{CONFIDENCE_WORDS[suggested]}</Caption1>}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

/**
 * Benchmarks: official statistics (the Department for Education's open data) beside the
 * partnership's own figures. The analyst picks the files (nothing is shipped or downloaded),
 * optionally the statistical-neighbour list, and the area; Compare lists, for each published
 * indicator, the area's latest figure, England, the region, the neighbours' mean with how many
 * had a figure, and the rank. Each of the partnership's indicators can be linked to a published
 * figure (suggested from the names, each suggestion said); the Scorecard section then writes the
 * comparators beside them. The area, the files' names and the links are kept in the workbook.
 */
export function BenchmarksSection(props: BenchmarksSectionProps): React.JSX.Element {
  const { operations, unavailableReason, indicators, draft, onDraft } = props;
  const styles = useStyles();
  const filesRun = useRun<OpenDataFiles>();
  const neighboursRun = useRun<NeighbourFile>();
  const keptRun = useRun<BenchmarkSettings | null>();
  const compareRun = useRun<BenchmarkResult>();
  const suggestRun = useRun<number>();
  const saveRun = useRun<OperationResult>();
  const unavailable = operations ? undefined : unavailableReason;
  const files = draft.files;

  const onFiles = (picked: File[]) => {
    if (!operations || picked.length === 0) return;
    compareRun.reset();
    filesRun.start(
      async () => operations.readOpenDataFiles(await Promise.all(picked.map(readFileBytes))),
      (read) => onDraft((d) => ({ ...d, files: read })),
    );
    // The settings kept in the workbook come back the first time they can be used: here, unless
    // reading the workbook under Import already brought them.
    if (!draft.lookedForKept) keptRun.start(() => operations.readSavedBenchmarks(), (kept) => onDraft((d) => restoreKept(d, kept)));
  };

  const onNeighbours = ([file]: File[]) => {
    if (!operations || !file) return;
    compareRun.reset();
    neighboursRun.start(async () => operations.readNeighbourFile(await readFileBytes(file)), (read) => onDraft((d) => ({ ...d, neighbours: read })));
  };

  const onCompare = () => {
    if (!operations || !files) return;
    compareRun.start(() => operations.compareArea({ sources: files.sources, area: draft.area.trim(), neighbours: draft.neighbours?.list ?? null }));
  };

  const onSuggest = () => {
    if (!operations || !files || !indicators) return;
    const before = draft.links;
    suggestRun.start(async () => {
      const suggestion = await operations.suggestLinks(indicators, files.columns);
      // Only indicators not linked yet: a link the analyst chose is never replaced by a guess.
      const fresh = suggestion.suggestions.filter((s) => !before[indicatorKey(s)]);
      onDraft((d) => {
        const links = { ...d.links };
        const suggested = { ...d.suggested };
        for (const s of fresh) {
          const key = indicatorKey(s);
          if (links[key]) continue;
          links[key] = { file: s.file, column: s.column, ...(Object.keys(s.breakdown).length > 0 ? { breakdown: s.breakdown } : {}) };
          suggested[key] = s.confidence;
        }
        return { ...d, links, suggested };
      });
      return fresh.length;
    });
  };

  const onSave = () => {
    if (!operations) return;
    const settings = settingsOf(draft, indicators);
    saveRun.start((options) => operations.saveBenchmarks(settings, options), () => onDraft((d) => ({ ...d, kept: settings, lookedForKept: true })));
  };

  const compareBlocked = !files || files.sources.length === 0 ? "Choose the open-data files first." : draft.area.trim() === "" ? "Give the area first." : null;
  const suggestBlocked = !indicators ? "Read a workbook under Import first: its indicators are the ones to link." : !files || files.sources.length === 0 ? "Choose the open-data files first." : null;

  return (
    <Section
      title="Benchmarks"
      description="Compare the area with England, its region and its statistical neighbours on official statistics (the Department for Education's open data), and set those figures beside the scorecard's indicators. You choose the files; nothing is sent anywhere."
    >
      {draft.kept && (
        <Caption1 as="p" className={styles.text}>
          {keptInWords(draft.kept)}
        </Caption1>
      )}
      <div className={styles.row}>
        <FilePicker appearance="primary" inputLabel="Open-data files" accept=".csv,.xlsx" multiple disabled={!operations || filesRun.running} onFiles={onFiles}>
          {filesRun.running ? "Reading the files…" : "Choose open-data files"}
        </FilePicker>
      </div>
      {unavailable && <Caption1 as="p" className={styles.text}>{unavailable}</Caption1>}
      {filesRun.state.kind === "failed" && (
        <Status intent="error" title="Could not read the files">
          {filesRun.state.message}
        </Status>
      )}
      {keptRun.state.kind === "failed" && (
        <Status intent="warning" title="Could not look for kept settings">
          {keptRun.state.message}
        </Status>
      )}
      {files && (
        <Status intent={files.problems.length > 0 ? "warning" : "success"} title="Files read">
          {[filesInWords(files), ...files.problems].join(" ")}
        </Status>
      )}
      {files && files.sources.length > 0 && (
        <div className={styles.stack}>
          <div className={styles.row}>
            <FilePicker appearance="secondary" inputLabel="Statistical-neighbour list" accept=".xlsx,.csv" disabled={!operations || neighboursRun.running} onFiles={onNeighbours}>
              {neighboursRun.running ? "Reading the list…" : draft.neighbours ? "Choose another neighbour list" : "Choose the neighbour list"}
            </FilePicker>
          </div>
          <Caption1 as="p" className={styles.text}>
            {draft.neighbours
              ? `${draft.neighbours.file}: neighbours for ${count(draft.neighbours.authorities, "authority", "authorities")}.`
              : "Optional: the Department publishes each authority's ten statistical neighbours in its Local Authority Interactive Tool (LAIT). Without the list, the neighbour figures are left empty."}
          </Caption1>
          {neighboursRun.state.kind === "failed" && (
            <Status intent="error" title="Could not read the neighbour list">
              {neighboursRun.state.message}
            </Status>
          )}
          <AreaBox areas={files.areas} value={draft.area} onChange={(area) => onDraft((d) => ({ ...d, area }))} />
          <RunButton label="Compare" runningLabel="Comparing…" running={compareRun.running} onClick={onCompare} unavailableReason={unavailable} blockedReason={compareBlocked} />
          {compareRun.state.kind === "failed" && (
            <Status intent="error" title="Could not compare">
              {compareRun.state.message}
            </Status>
          )}
          {compareRun.state.kind === "done" && <Results result={compareRun.state.value} />}
          <RunButton
            label="Suggest links from the names"
            runningLabel="Suggesting…"
            appearance="secondary"
            running={suggestRun.running}
            onClick={onSuggest}
            unavailableReason={unavailable}
            blockedReason={suggestBlocked}
          />
          {suggestRun.state.kind === "done" && (
            <Status intent="info" title="Suggested">
              {suggestRun.state.value === 0
                ? "No indicator not yet linked has a name that matches a published figure; link them below if they are published."
                : `${count(suggestRun.state.value, "indicator")} linked by name. Each says how close the match is: check them.`}
            </Status>
          )}
          {indicators && <LinkEditor indicators={indicators} files={files} draft={draft} onDraft={onDraft} />}
          <RunButton
            label="Keep these settings in this workbook"
            runningLabel="Keeping the settings…"
            appearance="secondary"
            running={saveRun.running}
            onClick={onSave}
            unavailableReason={unavailable}
          />
          <WriteOutcome run={saveRun} doneTitle="Settings kept" failedTitle="Could not keep the settings" />
        </div>
      )}
    </Section>
  );
}
