import * as React from "react";
import { Field, Input, makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  fill: { width: "100%", minWidth: 0 },
});

/** Whether a row's words hold every word typed (any order, any case): "police strat" finds "Strategy discussions (Police)". */
export function fitsFind(text: string, typed: string): boolean {
  const words = typed.toLowerCase().split(/\s+/).filter((w) => w !== "");
  const hay = text.toLowerCase();
  return words.every((w) => hay.includes(w));
}

export interface FindBoxProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Rows shown and rows in all, said under the box (and read out with it). */
  shown: number;
  total: number;
}

/** A filter box over a long table: type any words of a row to narrow it. */
export function FindBox({ label, value, onChange, shown, total }: FindBoxProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <Field label={label} hint={value.trim() === "" ? `${total} in all: type any words to narrow the list.` : `Showing ${shown} of ${total}.`}>
      <Input className={styles.fill} type="search" value={value} onChange={(_e, d) => onChange(d.value)} />
    </Field>
  );
}
