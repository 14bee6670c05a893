import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { AreaResult, PlacedIndicator, PlacementOverride } from "../../../core/gap";
import { SOURCES, SOURCE_LABEL, TYPES, TYPE_LABEL, labelOf } from "../../../core/gap/labels";
import type { Framework, InformationSource, InformationType } from "../../../core/model";
import { Choice } from "../../components/Choice";
import { FindBox, fitsFind } from "../../components/FindBox";
import { useStillRowStyles } from "../../components/still-row";
import { count } from "./import-summary";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  text: { margin: 0, overflowWrap: "anywhere" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
  editor: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  // The table scrolls in its own box past about a dozen rows, so that the step stays short.
  scroller: { overflowX: "auto", overflowY: "auto", maxWidth: "100%", maxHeight: "20em" },
  table: { tableLayout: "fixed", width: "100%" },
  placedColumn: { width: "42%" },
  name: { overflowWrap: "anywhere" },
  quiet: { display: "block", color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

/** How overrides and the panel name an indicator: its ID, or its name where it has none. */
export function placementKey(p: Pick<PlacedIndicator, "indicatorId" | "indicator">): string {
  return p.indicatorId ?? p.indicator;
}

/** "Repeat plans (Police)": the name a person knows the indicator by, with its agency where there is one. */
export function indicatorLabel(p: Pick<PlacedIndicator, "indicator" | "agency">): string {
  return p.agency ? `${p.indicator} (${p.agency})` : p.indicator;
}

const CONFIDENCE_WORDS: Record<PlacedIndicator["confidence"], string> = {
  stated: "as the set states",
  catalogue: "matched to a framework measure",
  inferred: "inferred from its wording",
  none: "not placed",
};

/** "Quality, from case records; inferred from its wording". */
export function placementWords(p: PlacedIndicator): string {
  const type = p.type ? TYPE_LABEL[p.type] : "type not known";
  const source = p.source ? `from ${SOURCE_LABEL[p.source].toLowerCase()}` : "source not known";
  return `${type}, ${source}; ${p.confirmed ? "confirmed by you" : CONFIDENCE_WORDS[p.confidence]}`;
}

export interface PlacementEditorProps {
  placement: PlacedIndicator;
  framework: Framework;
  onSave: (override: PlacementOverride) => void;
  onCancel: () => void;
}

/** Area, type and source of one indicator, to confirm or change. */
export function PlacementEditor({ placement, framework, onSave, onCancel }: PlacementEditorProps): React.JSX.Element {
  const styles = useStyles();
  const [area, setArea] = React.useState(placement.area ?? "");
  const [type, setType] = React.useState<InformationType | "">(placement.type ?? "");
  const [source, setSource] = React.useState<InformationSource | "">(placement.source ?? "");
  return (
    <div className={styles.editor} role="group" aria-label={`Placement of ${indicatorLabel(placement)}`}>
      <Choice
        label="Content area"
        value={area}
        options={[{ value: "", text: "No area" }, ...framework.areas.map((a) => ({ value: a.name, text: a.name }))]}
        onChange={setArea}
      />
      <Choice
        label="Type of information"
        value={type}
        options={[{ value: "", text: "Not known" }, ...TYPES.map((t) => ({ value: t, text: TYPE_LABEL[t] }))]}
        onChange={(v) => setType(TYPES.find((t) => t === v) ?? "")}
      />
      <Choice
        label="Source of information"
        value={source}
        options={[{ value: "", text: "Not known" }, ...SOURCES.map((s) => ({ value: s, text: SOURCE_LABEL[s] }))]}
        onChange={(v) => setSource(SOURCES.find((s) => s === v) ?? "")}
      />
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => onSave({ area: area === "" ? null : area, type: type === "" ? null : type, source: source === "" ? null : source })}>
          Save placement
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </div>
  );
}

/** The key of one row of the table: an indicator, with its agency (one indicator may be reported by several). */
export function rowKey(p: PlacedIndicator): string {
  return `${placementKey(p)}|${p.agency ?? ""}`;
}

export interface PlacementTableProps {
  placements: PlacedIndicator[];
  framework: Framework;
  /** The row being edited (rowKey), or null. */
  editing: string | null;
  onEdit: (row: string | null) => void;
  onPlace: (key: string, override: PlacementOverride) => void;
}

/**
 * Every indicator's placement in one compact table, those not placed first, with a box to find
 * one by any words of its name, agency or area: Confirm (for one the engine placed) and Change
 * or Place on each row, the editor opening beneath it.
 */
export function PlacementTable({ placements, framework, editing, onEdit, onPlace }: PlacementTableProps): React.JSX.Element {
  const styles = useStyles();
  const still = useStillRowStyles();
  const [find, setFind] = React.useState("");
  const ordered = [...placements.filter((p) => p.area === null), ...placements.filter((p) => p.area !== null)];
  const shown = ordered.filter((p) => fitsFind(`${p.indicatorId ?? ""} ${p.indicator} ${p.agency ?? ""} ${p.area ?? "not placed"}`, find));
  return (
    <div className={styles.stack}>
      <FindBox label="Find an indicator's placement" value={find} onChange={setFind} shown={shown.length} total={placements.length} />
      <div className={styles.scroller} role="region" aria-label="Placements">
        <Table size="small" className={styles.table} aria-label="Where each indicator is placed">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Indicator</TableHeaderCell>
              <TableHeaderCell className={styles.placedColumn}>Placed in</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.flatMap((p, i) => {
              const key = placementKey(p);
              const row = rowKey(p);
              const label = indicatorLabel(p);
              const cells = (
                <TableRow key={`${row}|${i}`} className={still.row}>
                  <TableCell className={styles.name}>
                    {label}
                    <Caption1 className={styles.quiet}>{placementWords(p)}</Caption1>
                  </TableCell>
                  <TableCell className={styles.name}>
                    {p.area ?? "Not placed"}
                    <span className={styles.buttons}>
                      {!p.confirmed && p.area !== null && (
                        <Button size="small" appearance="subtle" aria-label={`Confirm placement of ${label}`} onClick={() => onPlace(key, { area: p.area, type: p.type, source: p.source })}>
                          Confirm
                        </Button>
                      )}
                      <Button size="small" appearance="subtle" aria-label={`${p.area === null ? "Place" : "Change placement of"} ${label}`} onClick={() => onEdit(row)}>
                        {p.area === null ? "Place" : "Change"}
                      </Button>
                    </span>
                  </TableCell>
                </TableRow>
              );
              if (editing !== row) return [cells];
              return [
                cells,
                <TableRow key={`${row}|${i}|editor`} className={still.row}>
                  <TableCell colSpan={2}>
                    <PlacementEditor placement={p} framework={framework} onSave={(o) => onPlace(key, o)} onCancel={() => onEdit(null)} />
                  </TableCell>
                </TableRow>,
              ];
            })}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

/** A catalogue measure suggested for an area, with the gaps it would fill. */
interface Suggestion {
  name: string;
  fills: string[];
}

function suggestionsOf(area: AreaResult): Suggestion[] {
  const byName = new Map<string, Suggestion>();
  for (const gap of area.gaps) {
    for (const name of gap.suggestions) {
      const s = byName.get(name) ?? { name, fills: [] };
      s.fills.push(labelOf(gap.missing).toLowerCase());
      byName.set(name, s);
    }
  }
  return [...byName.values()];
}

export interface AreaReportProps {
  area: AreaResult;
  words: string;
  /** How many indicators are placed in the area (the Placements table lists them). */
  placed: number;
  onPriority: (priority: boolean) => void;
  onAdd: (measure: string) => void;
}

/** One content area: its counts and gaps in words, and the measures that would fill them. */
export function AreaReport(props: AreaReportProps): React.JSX.Element {
  const { area, words, placed, onPriority, onAdd } = props;
  const styles = useStyles();
  const suggestions = suggestionsOf(area);
  return (
    <div className={styles.stack} role="group" aria-label={`Area ${area.name}`}>
      <Checkbox label="Priority area" checked={area.priority} onChange={(_e, d) => onPriority(d.checked === true)} />
      <Body1 as="p" className={styles.text}>
        {`Types: ${TYPES.map((t) => `${area.types[t]} ${TYPE_LABEL[t].toLowerCase()}`).join(", ")}.`}
      </Body1>
      <Body1 as="p" className={styles.text}>
        {`Sources: ${SOURCES.map((s) => `${area.sources[s]} from ${SOURCE_LABEL[s].toLowerCase()}`).join(", ")}.`}
      </Body1>
      <Body1 as="p" className={styles.text}>{`Gaps: ${words}`}</Body1>
      {suggestions.length > 0 && (
        <>
          <Caption1 as="p" className={styles.text}>
            Suggested measures from the framework:
          </Caption1>
          <ul className={styles.list}>
            {suggestions.map((s) => (
              <li key={s.name} className={styles.item}>
                <span>{`${s.name} (fills: ${s.fills.join(", ")})`}</span>
                <Button size="small" aria-label={`Add “${s.name}” to the indicator set`} onClick={() => onAdd(s.name)}>
                  Add
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      <Caption1 as="p" className={styles.text}>
        {placed === 0 ? "No indicators are placed here." : `${count(placed, "indicator")} placed here: see Placements above.`}
      </Caption1>
    </div>
  );
}
