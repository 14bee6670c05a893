import * as React from "react";
import { Body1, Button, Caption1, Checkbox, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import type { LayoutOverride, SheetLayout } from "../../../core/ingest";
import { Choice, type ChoiceOption } from "../../components/Choice";
import {
  columnByIndex,
  columnName,
  count,
  describeKind,
  FIGURE_ROLES,
  formatRows,
  listSome,
  parseRows,
  roleOf,
  withColumnRole,
  type SheetSummary,
} from "./import-summary";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  facts: { margin: 0, display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: "anywhere" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  warning: { display: "flex", alignItems: "baseline", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  corrections: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    margin: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
  columns: { display: "flex", flexDirection: "column", maxHeight: "16em", overflowY: "auto" },
  toggle: { alignSelf: "flex-start" },
});

/** What the analyst has changed on one sheet, as typed. */
export interface SheetDraft {
  override: LayoutOverride;
  /** The heading rows as typed, kept while they cannot be read. */
  headerText?: string;
  headerProblem?: string;
}

/** Warnings listed per sheet before "and N more": a sheet of unreadable cells can have hundreds. */
const MAX_WARNINGS = 20;

export interface SheetReportProps {
  summary: SheetSummary;
  draft: SheetDraft;
  onDraft: (next: SheetDraft) => void;
  /** Takes the analyst to a cell; absent outside Excel. */
  onShowCell: ((sheet: string, cell: string) => void) | null;
}

function Fact({ term, children }: { term: string; children: React.ReactNode }): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.detail}>{children}</dd>
    </>
  );
}

function periodRange(summary: SheetSummary): string {
  const first = summary.periods[0];
  const last = summary.periods[summary.periods.length - 1];
  if (!first || !last) return "none";
  return first === last ? first.label : `${count(summary.periods.length, "period")}, ${first.label} to ${last.label}`;
}

/**
 * A part of a sheet's report shown on request: a button that says what it holds and whether it
 * is open (aria-expanded), so that the report stays short until the analyst wants the detail.
 */
function Disclosure({ label, open, onToggle, children }: { label: string; open: boolean; onToggle: () => void; children: React.ReactNode }): React.JSX.Element {
  const styles = useStyles();
  const id = React.useId();
  return (
    <>
      <Button className={styles.toggle} size="small" appearance="secondary" aria-expanded={open} aria-controls={open ? id : undefined} onClick={onToggle}>
        {label}
      </Button>
      {open && <div id={id}>{children}</div>}
    </>
  );
}

/** What one table on the sheet was read as. */
function TableFacts({ layout, override, tables }: { layout: SheetLayout; override: LayoutOverride; tables: number }): React.JSX.Element {
  const styles = useStyles();
  const [notesOpen, setNotesOpen] = React.useState(false);
  const indicator = columnByIndex(layout, layout.indicatorColumn);
  const period = columnByIndex(layout, layout.periodColumn);
  const agency = columnByIndex(layout, layout.agencyColumn);
  const figures = layout.columns.filter((c) => FIGURE_ROLES.includes(roleOf(c, override)));
  return (
    <dl className={styles.facts}>
      {tables > 1 && <Fact term="Table">{`${layout.table + 1} of ${tables}${layout.title ? `: ${layout.title}` : ""}`}</Fact>}
      <Fact term="Read as">{describeKind(layout.kind)}</Fact>
      <Fact term="Heading rows">{layout.headerRows.length > 0 ? formatRows(layout.headerRows) : "none"}</Fact>
      <Fact term="Indicator column">{indicator ? columnName(indicator) : "none"}</Fact>
      {period && <Fact term="Period column">{columnName(period)}</Fact>}
      {agency && <Fact term="Agency column">{columnName(agency)}</Fact>}
      <Fact term="Figure columns">
        {figures.length === 0
          ? "none"
          : listSome(
              figures.map((c) => `${c.letter}${c.period ? ` (${c.period.label})` : c.measure ? ` (${c.measure})` : ""}`),
              5,
            )}
      </Fact>
      {layout.sheetAgency && <Fact term="Agency of the sheet">{layout.sheetAgency}</Fact>}
      <Fact term="Confidence">{`${Math.round(layout.confidence * 100)}%`}</Fact>
      {layout.notes.length > 0 && (
        <Fact term="How it was read">
          <Disclosure label={notesOpen ? "Hide the notes" : `Show ${count(layout.notes.length, "note")}`} open={notesOpen} onToggle={() => setNotesOpen((o) => !o)}>
            <ul className={styles.list}>
              {layout.notes.map((note, i) => (
                <li key={i}>{note}</li>
              ))}
            </ul>
          </Disclosure>
        </Fact>
      )}
    </dl>
  );
}

/** One sheet: what was found on it, its warnings, and the corrections the analyst can make. */
export function SheetReport({ summary, draft, onDraft, onShowCell }: SheetReportProps): React.JSX.Element {
  const styles = useStyles();
  const { sheet, layouts } = summary;
  // The corrections are open from the start where the reading is in doubt; otherwise one button
  // away, so that a sheet read well makes a short report. Corrections kept from last time are the
  // analyst's own and not in doubt: the button says there are some.
  const corrected = Object.values(draft.override).some((v) => v !== undefined);
  const [correcting, setCorrecting] = React.useState(() => summary.inDoubt || summary.skipped);
  const layout = layouts[0];
  const override = draft.override;
  const set = (patch: Partial<LayoutOverride>) => onDraft({ ...draft, override: { ...override, ...patch } });

  const columnOptions: ChoiceOption[] = (layout?.columns ?? []).map((c) => ({ value: String(c.col), text: columnName(c) }));
  const indicatorColumn = override.indicatorColumn !== undefined ? override.indicatorColumn : (layout?.indicatorColumn ?? null);
  const periodColumn = override.periodColumn !== undefined ? override.periodColumn : (layout?.periodColumn ?? null);
  const sheetAgency = override.sheetAgency !== undefined ? override.sheetAgency : (layout?.sheetAgency ?? null);
  const headerText = draft.headerText ?? formatRows(override.headerRows ?? layout?.headerRows ?? []);
  // Columns that label rows are not offered as period columns.
  const labelCols = new Set([indicatorColumn, periodColumn, layout?.idColumn ?? null, layout?.agencyColumn ?? null]);
  const candidates = (layout?.columns ?? []).filter((c) => !labelCols.has(c.col));

  const onHeaderText = (text: string) => {
    const parsed = parseRows(text);
    if ("problem" in parsed) {
      onDraft({ ...draft, headerText: text, headerProblem: parsed.problem });
      return;
    }
    const detected = layout?.headerRows ?? [];
    const same = parsed.rows.length === detected.length && parsed.rows.every((r, i) => r === detected[i]);
    const next: LayoutOverride = { ...override };
    // Giving the rows the engine found anyway would only stop it finding stacked tables.
    if (same) delete next.headerRows;
    else next.headerRows = parsed.rows;
    onDraft({ override: next, headerText: text });
  };

  const shownWarnings = summary.warnings.slice(0, MAX_WARNINGS);
  return (
    <div className={styles.root}>
      {summary.skipped ? (
        <Body1 as="p">Left out, as you asked. Clear “Leave this sheet out” and read again to include it.</Body1>
      ) : (
        <>
          {summary.notRead !== null && <Body1 as="p">{`Not read: ${summary.notRead}.`}</Body1>}
          <dl className={styles.facts}>
            <Fact term="Figures">{String(summary.observations)}</Fact>
            <Fact term="Indicators">{summary.indicators.length === 0 ? "none" : `${summary.indicators.length}: ${listSome(summary.indicators, 3)}`}</Fact>
            <Fact term="Periods">{periodRange(summary)}</Fact>
            <Fact term="Agencies">{listSome(summary.agencies)}</Fact>
          </dl>
          {layouts.map((l) => (
            <TableFacts key={l.table} layout={l} override={override} tables={layouts.length} />
          ))}
        </>
      )}

      {shownWarnings.length > 0 && (
        <>
          <Caption1 as="p">{`${count(summary.warnings.length, "warning")}:`}</Caption1>
          <ul className={styles.list}>
            {shownWarnings.map((w, i) => (
              <li key={i} className={styles.warning}>
                <span>{w.cell ? `${w.cell}: ${w.message}` : w.message}</span>
                {w.cell && onShowCell && (
                  <Button size="small" appearance="subtle" onClick={() => onShowCell(sheet, w.cell ?? "A1")}>
                    {`Go to ${w.cell}`}
                  </Button>
                )}
              </li>
            ))}
          </ul>
          {summary.warnings.length > shownWarnings.length && (
            <Caption1 as="p">{`and ${summary.warnings.length - shownWarnings.length} more warnings like these.`}</Caption1>
          )}
        </>
      )}

      <Disclosure label={correcting ? "Hide the corrections" : corrected ? "Show or change the corrections" : "Correct how this sheet is read"} open={correcting} onToggle={() => setCorrecting((c) => !c)}>
        <fieldset className={styles.corrections}>
          <legend className={styles.legend}>Corrections</legend>
          <Checkbox label="Leave this sheet out" checked={override.skip === true} onChange={(_e, d) => set({ skip: d.checked === true ? true : undefined })} />
          {!override.skip && layout && (
            <>
              {layouts.length > 1 && (
                <Caption1 as="p">This sheet holds several tables: heading rows given here make it read as one table; the other corrections follow the first.</Caption1>
              )}
              <Field
                label="Heading rows"
                hint="Row numbers as Excel shows them, such as 3-4."
                validationState={draft.headerProblem ? "error" : "none"}
                validationMessage={draft.headerProblem}
              >
                <Input value={headerText} onChange={(_e, d) => onHeaderText(d.value)} />
              </Field>
              <Choice
                label="Indicator column"
                value={indicatorColumn === null ? "none" : String(indicatorColumn)}
                options={[{ value: "none", text: "None: the column headings name the measures" }, ...columnOptions]}
                onChange={(v) => set({ indicatorColumn: v === "none" ? null : Number(v) })}
              />
              <Choice
                label="Period column"
                hint="Only for a sheet with one figure a row, or periods down the rows."
                value={periodColumn === null ? "none" : String(periodColumn)}
                options={[{ value: "none", text: "None: the periods are in the headings" }, ...columnOptions]}
                onChange={(v) => set({ periodColumn: v === "none" ? null : Number(v) })}
              />
              <fieldset className={styles.corrections}>
                <legend className={styles.legend}>Period columns</legend>
                <Caption1 as="p">Columns that hold figures, one period each. Clear a column to leave its figures out.</Caption1>
                <div className={styles.columns}>
                  {candidates.map((c) => (
                    <Checkbox
                      key={c.col}
                      label={`${columnName(c)}${c.period ? ` (${c.period.label})` : ""}`}
                      checked={FIGURE_ROLES.includes(roleOf(c, override))}
                      onChange={(_e, d) => onDraft({ ...draft, override: withColumnRole(override, c.col, d.checked === true ? "value" : "ignore") })}
                    />
                  ))}
                </div>
              </fieldset>
              <Field label="Agency for this sheet" hint="Leave empty where the rows or headings name the agency.">
                <Input value={sheetAgency ?? ""} onChange={(_e, d) => set({ sheetAgency: d.value.trim() === "" ? null : d.value })} />
              </Field>
            </>
          )}
        </fieldset>
      </Disclosure>
    </div>
  );
}
