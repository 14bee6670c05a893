import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Checkbox,
  Link,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { LayoutOverride, LayoutOverrides } from "../../../core/ingest";
import type { ReadingRecipe } from "../../../core/model";
import { recipeUseInWords, type RecipeUse } from "../../../core/recipes/corrections";
import { FilePicker } from "../../components/FilePicker";
import { RagCounts } from "../../components/RagCounts";
import { useObjectUrl } from "../../components/use-object-url";
import { WorkProgress, type StepShares } from "../../components/WorkProgress";
import { WriteOutcome } from "../../components/WriteOutcome";
import { RunButton } from "../../components/RunButton";
import { Section } from "../../components/Section";
import { Status } from "../../components/Status";
import { useRun } from "../../components/use-run";
import type { Extraction, ImportedWorkbook, IndicatorSheetsResult, Operations, Progress, RecipeReading, ScorecardSettings, WorkbookRead } from "../../operations";
import { count, listSome, reviewOrder, sheetSummaries, type SheetSummary } from "./import-summary";
import { SheetReport, type SheetDraft } from "./SheetReport";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  text: { margin: 0 },
  // The file input is reached through its button; visually hidden rather than display: none, so
  // that browser tests can still hand it a file.
});

/** What a recipe did to the reading shown, and where it came from. */
export interface RecipeNote {
  use: RecipeUse;
  /** "kept": the recipe kept in this workbook; "file": one the analyst loaded. */
  source: "kept" | "file";
  /** The workbook the recipe was made on, or the recipe file's name. */
  from: string | null;
}

const READ_WORDS: Record<Progress["step"], string> = {
  reading: "Reading the workbook",
  building: "Finding the figures",
  writing: "Writing",
};
const WRITE_WORDS: Record<Progress["step"], string> = {
  reading: "Reading",
  building: "Building the sheets",
  writing: "Writing the indicator sheets",
};
const READ_SHARES: StepShares = { reading: 0.9, building: 0.1, writing: 0 };
const WRITE_SHARES: StepShares = { reading: 0, building: 0.1, writing: 0.9 };

/** "Read as last quarter: 2 corrections applied to “Scorecard”." and where they came from. */
export function recipeNoteWords(note: RecipeNote, file: string): string {
  const done = recipeUseInWords(note.use);
  if (note.source === "file") return `Read with the recipe ${note.from ?? ""}: ${done}.`;
  const when = note.from && note.from !== file ? "last quarter" : "last time";
  return `Read as ${when}: ${done}, as kept in this workbook${note.from && note.from !== file ? ` from ${note.from}` : ""}. Clear or change them below.`;
}

function readRecipeText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : "");
    reader.onerror = () => reject(new Error(`The file “${file.name}” could not be read.`));
    reader.readAsText(file);
  });
}

export interface ImportSectionProps {
  operations: Operations | null;
  unavailableReason?: string;
  imported: ImportedWorkbook | null;
  extraction: Extraction | null;
  /** The corrections the current extraction was made with. */
  applied: LayoutOverrides;
  onRead: (read: WorkbookRead) => void;
  onExtracted: (extraction: Extraction, applied: LayoutOverrides) => void;
  /** Told of a reading with a recipe from a file. */
  onRecipeRead: (reading: RecipeReading, file: string) => void;
  /** What a recipe did to the reading shown, or null. */
  recipeNote: RecipeNote | null;
  /** The choices kept in the workbook that came back with the read, in words, or null. */
  restoredNote?: string | null;
  /** The reading recipe as the pane would keep it (this workbook's corrections and those kept for other layouts), to download. */
  recipe: ReadingRecipe | null;
  /** The scorecard's settings, from the Scorecard section, or why they cannot be used. */
  scorecard: { settings: ScorecardSettings } | { problem: string };
  onShowCell: ((sheet: string, cell: string) => void) | null;
}

function headerText(s: SheetSummary): string {
  if (s.skipped) return `${s.sheet}: left out`;
  if (s.notRead !== null) return `${s.sheet}: not read`;
  const doubt = s.inDoubt ? ` (check this reading: ${Math.round((s.confidence ?? 0) * 100)}% sure)` : "";
  return `${s.sheet}: ${count(s.observations, "figure")}${s.warnings.length > 0 ? `, ${count(s.warnings.length, "warning")}` : ""}${doubt}`;
}

/** The drafts as overrides to send: typed agency names trimmed, and sheets with nothing changed left out. */
function overridesOf(drafts: Record<string, SheetDraft>): LayoutOverrides {
  const out: LayoutOverrides = {};
  for (const [sheet, draft] of Object.entries(drafts)) {
    const o: LayoutOverride = { ...draft.override };
    if (typeof o.sheetAgency === "string") o.sheetAgency = o.sheetAgency.trim() || null;
    const meaningful = Object.entries(o).some(([, v]) => v !== undefined);
    if (meaningful) out[sheet] = o;
  }
  return out;
}

function draftsOf(applied: LayoutOverrides): Record<string, SheetDraft> {
  return Object.fromEntries(Object.entries(applied).map(([sheet, override]) => [sheet, { override }]));
}

/**
 * Import: read the workbook, show what was found on each sheet, let the analyst correct it and
 * read again (in the engine, without going back to Excel), then write the indicator sheets.
 */
export function ImportSection(props: ImportSectionProps): React.JSX.Element {
  const { operations, unavailableReason, imported, extraction, applied, onRead, onExtracted, onRecipeRead, recipeNote, restoredNote, recipe, scorecard, onShowCell } = props;
  const styles = useStyles();
  const read = useRun<WorkbookRead>();
  const reread = useRun<Extraction>();
  const withRecipe = useRun<RecipeReading>();
  const write = useRun<IndicatorSheetsResult>();
  const recipeBlob = React.useMemo(() => (recipe && recipe.sheets.length > 0 ? new Blob([`${JSON.stringify(recipe, null, 2)}\n`], { type: "application/json" }) : null), [recipe]);
  const recipeUrl = useObjectUrl(recipeBlob);
  const [drafts, setDrafts] = React.useState<Record<string, SheetDraft>>({});
  const [includeScorecard, setIncludeScorecard] = React.useState(true);

  const summaries = React.useMemo(
    () => (imported && extraction ? reviewOrder(sheetSummaries(imported, extraction, applied)) : []),
    [imported, extraction, applied],
  );
  // Sheets read with low confidence come first, open at their corrections; each new reading
  // opens them again, and the analyst may open or close any sheet.
  const [openSheets, setOpenSheets] = React.useState<string[]>([]);
  React.useEffect(() => setOpenSheets(summaries.filter((s) => s.inDoubt).map((s) => s.sheet)), [summaries]);
  const pending = overridesOf(drafts);
  const changed = JSON.stringify(pending) !== JSON.stringify(overridesOf(draftsOf(applied)));
  const headerProblem = Object.entries(drafts).find(([, d]) => d.headerProblem !== undefined);

  const onReadClick = () => {
    if (!operations) return;
    write.reset();
    withRecipe.reset();
    read.start(
      (_options, job) => operations.readWorkbook(job),
      (value) => {
        // The drafts start as the corrections the read was made with (those kept in the workbook),
        // so that nothing counts as changed and the reading can be written as it is.
        setDrafts(draftsOf(value.applied));
        onRead(value);
      },
    );
  };
  const onRecipeFile = ([file]: File[]) => {
    if (!operations || !imported || !file) return;
    write.reset();
    withRecipe.start(
      async () => operations.readWithRecipe(imported, await operations.parseRecipe(await readRecipeText(file), file.name)),
      (value) => {
        setDrafts(draftsOf(value.applied));
        onRecipeRead(value, file.name);
      },
    );
  };
  const onRereadClick = (overrides: LayoutOverrides) => {
    if (!operations || !imported) return;
    write.reset();
    reread.start(
      () => operations.extract(imported, overrides),
      (value) => {
        setDrafts(draftsOf(overrides));
        onExtracted(value, overrides);
      },
    );
  };
  const onWriteClick = () => {
    if (!operations || !extraction || "problem" in scorecard) return;
    const { observations, indicators, warnings } = extraction.detail;
    write.start((options, job) =>
      operations.writeIndicatorSheets({ data: { observations, indicators, warnings }, settings: scorecard.settings, includeScorecard }, options, job),
    );
  };

  const detail = extraction?.detail;
  const writeBlocked = !extraction
    ? "Read the workbook first."
    : detail && detail.indicators.length === 0
      ? "No indicators were found: correct how the sheets are read, then read again."
      : changed
        ? "Read again with your corrections first, so that what is written is what you see."
        : includeScorecard && "problem" in scorecard
          ? `The scorecard's settings below need a look: ${scorecard.problem}`
          : null;

  return (
    <Section
      title="Import a workbook"
      description="Read the figures in this workbook, whatever its layout, check what was found on each sheet and correct it, then write the indicator sheets. Nothing is written until you ask."
    >
      <RunButton
        label="Read this workbook"
        runningLabel="Reading the workbook…"
        running={read.running}
        onClick={onReadClick}
        unavailableReason={operations ? undefined : unavailableReason}
      />
      <WorkProgress run={read} label="Reading the workbook" words={READ_WORDS} shares={READ_SHARES} />
      {read.state.kind === "failed" && (
        <Status intent="error" title="Could not read the workbook">
          {read.state.message}
        </Status>
      )}
      {read.state.kind === "stopped" && (
        <Status intent="info" title="Stopped">
          {read.state.message}
        </Status>
      )}

      {imported && extraction && detail && (
        <div className={styles.group}>
          {extraction.problem !== null ? (
            <Status intent="warning" title="Nothing could be read yet">
              {`${extraction.problem} Correct how a sheet is read below, then read again.`}
            </Status>
          ) : (
            <Status intent="success" title="Read">
              {`Found ${count(detail.indicators.length, "indicator")} and ${count(detail.observations.length, "figure")} on ${count(
                summaries.filter((s) => !s.skipped && s.notRead === null).length,
                "sheet",
              )} of ${imported.file}.${detail.warnings.length > 0 ? ` ${count(detail.warnings.length, "warning")}: see each sheet.` : ""}`}
            </Status>
          )}
          {restoredNote && (
            <Status intent="info" title="Your choices are back">
              {restoredNote}
            </Status>
          )}
          {recipeNote && recipeNote.use.corrections > 0 && (
            <Status intent="info" title={recipeNote.source === "kept" ? "Corrections kept" : "Recipe applied"}>
              {recipeNoteWords(recipeNote, imported.file)}
            </Status>
          )}
          {recipeNote && recipeNote.source === "file" && recipeNote.use.corrections === 0 && (
            <Status intent="warning" title="Recipe not used">
              {`The recipe ${recipeNote.from ?? ""} fits no sheet of ${imported.file}: no sheet has a layout it knows, so the workbook is read as found.`}
            </Status>
          )}
          {imported.ownSheets.length > 0 && (
            <Body1 as="p" className={styles.text}>
              {`Left out: ${listSome(imported.ownSheets, 6)}, which the add-in wrote.`}
            </Body1>
          )}
          {summaries.some((s) => s.inDoubt) && (
            <Status intent="warning" title="Check these sheets before writing">
              {`${listSome(summaries.filter((s) => s.inDoubt).map((s) => s.sheet))}: the reading is in doubt. Their details are open below; correct them if need be, then read again.`}
            </Status>
          )}
          <Accordion multiple collapsible openItems={openSheets} onToggle={(_e, data) => setOpenSheets(data.openItems.map(String))}>
            {summaries.map((s) => (
              <AccordionItem key={s.sheet} value={s.sheet}>
                <AccordionHeader as="h3">{headerText(s)}</AccordionHeader>
                <AccordionPanel>
                  <div role="group" aria-label={`Sheet ${s.sheet}`}>
                    <SheetReport
                      summary={s}
                      draft={drafts[s.sheet] ?? { override: applied[s.sheet] ?? {} }}
                      onDraft={(next) => setDrafts((d) => ({ ...d, [s.sheet]: next }))}
                      onShowCell={onShowCell}
                    />
                  </div>
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
          <RunButton
            label="Read again with these corrections"
            runningLabel="Reading again…"
            appearance="secondary"
            running={reread.running}
            onClick={() => onRereadClick(pending)}
            unavailableReason={operations ? undefined : unavailableReason}
            blockedReason={
              headerProblem
                ? `The heading rows of “${headerProblem[0]}” need a look: ${headerProblem[1].headerProblem ?? ""}`
                : changed
                  ? null
                  : "Change how a sheet is read first."
            }
          />
          {Object.keys(applied).length > 0 && (
            <RunButton
              label="Clear all corrections"
              runningLabel="Reading again…"
              appearance="secondary"
              running={reread.running}
              onClick={() => onRereadClick({})}
              unavailableReason={operations ? undefined : unavailableReason}
            />
          )}
          {reread.state.kind === "failed" && (
            <Status intent="error" title="Could not read again">
              {reread.state.message}
            </Status>
          )}
          <div className={styles.row}>
            <FilePicker appearance="secondary" inputLabel="Reading recipe file" accept=".json,application/json" disabled={!operations || withRecipe.running} onFiles={onRecipeFile}>
              {withRecipe.running ? "Reading with the recipe…" : "Read with a recipe file"}
            </FilePicker>
            {recipeUrl && (
              <Link href={recipeUrl} download="reading-recipe.json">
                Download the reading recipe (JSON)
              </Link>
            )}
          </div>
          {withRecipe.state.kind === "failed" && (
            <Status intent="error" title="Could not use the recipe">
              {withRecipe.state.message}
            </Status>
          )}

          <Checkbox label="Also write the Scorecard sheet" checked={includeScorecard} onChange={(_e, d) => setIncludeScorecard(d.checked === true)} />
          <RunButton
            label="Write indicator sheets"
            runningLabel="Writing the indicator sheets…"
            running={write.running}
            onClick={onWriteClick}
            unavailableReason={operations ? undefined : unavailableReason}
            blockedReason={writeBlocked}
          />
          <WorkProgress run={write} label="Writing the indicator sheets" words={WRITE_WORDS} shares={WRITE_SHARES} />
          <WriteOutcome run={write} doneTitle="Written" failedTitle="Could not write" more={(v) => v.counts && <RagCounts counts={v.counts} label="Latest ratings on the Scorecard" />} />
        </div>
      )}
    </Section>
  );
}
