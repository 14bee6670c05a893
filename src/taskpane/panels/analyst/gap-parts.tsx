import * as React from "react";
import { Body1, Button, Caption1, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import type { AreaResult, PlacedIndicator, PlacementOverride } from "../../../core/gap";
import { SOURCES, SOURCE_LABEL, TYPES, TYPE_LABEL, labelOf } from "../../../core/gap/labels";
import type { Framework, InformationSource, InformationType } from "../../../core/model";
import { Choice } from "../../components/Choice";
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
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS },
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

export interface PlacementRowProps {
  placement: PlacedIndicator;
  framework: Framework;
  editing: boolean;
  onEdit: () => void;
  onSave: (override: PlacementOverride) => void;
  onCancel: () => void;
}

/** One indicator's placement, with Confirm (for one the engine placed) and Change. */
export function PlacementRow({ placement, framework, editing, onEdit, onSave, onCancel }: PlacementRowProps): React.JSX.Element {
  const styles = useStyles();
  const label = indicatorLabel(placement);
  return (
    <li className={styles.stack}>
      <span className={styles.item}>
        <span>{`${label}: ${placementWords(placement)}`}</span>
        {!placement.confirmed && placement.area !== null && (
          <Button
            size="small"
            appearance="subtle"
            aria-label={`Confirm placement of ${label}`}
            onClick={() => onSave({ area: placement.area, type: placement.type, source: placement.source })}
          >
            Confirm
          </Button>
        )}
        <Button size="small" appearance="subtle" aria-label={`${placement.area === null ? "Place" : "Change placement of"} ${label}`} onClick={onEdit}>
          {placement.area === null ? "Place" : "Change"}
        </Button>
      </span>
      {editing && <PlacementEditor placement={placement} framework={framework} onSave={onSave} onCancel={onCancel} />}
    </li>
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
  placements: PlacedIndicator[];
  framework: Framework;
  editing: string | null;
  onEdit: (key: string | null) => void;
  onPlace: (key: string, override: PlacementOverride) => void;
  onPriority: (priority: boolean) => void;
  onAdd: (measure: string) => void;
}

/** One content area: its counts and gaps in words, the measures that would fill them, and its indicators. */
export function AreaReport(props: AreaReportProps): React.JSX.Element {
  const { area, words, placements, framework, editing, onEdit, onPlace, onPriority, onAdd } = props;
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
        {placements.length === 0 ? "No indicators are placed here." : `${count(placements.length, "indicator")} placed here:`}
      </Caption1>
      {placements.length > 0 && (
        <ul className={styles.list}>
          {placements.map((p, i) => {
            const key = placementKey(p);
            return (
              <PlacementRow
                key={`${key}|${p.agency ?? ""}|${i}`}
                placement={p}
                framework={framework}
                editing={editing === `${key}|${p.agency ?? ""}`}
                onEdit={() => onEdit(`${key}|${p.agency ?? ""}`)}
                onSave={(o) => onPlace(key, o)}
                onCancel={() => onEdit(null)}
              />
            );
          })}
        </ul>
      )}
    </div>
  );
}
