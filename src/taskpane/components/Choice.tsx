import * as React from "react";
import { Dropdown, Field, Option } from "@fluentui/react-components";

export interface ChoiceOption {
  value: string;
  text: string;
}

export interface ChoiceProps {
  /** The visible label; or, in a table row where the column heading labels it, use `ariaLabel`. */
  label?: string;
  ariaLabel?: string;
  hint?: string;
  value: string;
  options: readonly ChoiceOption[];
  onChange: (value: string) => void;
  disabled?: boolean;
  /** Classes for the dropdown itself, such as a narrower width inside a table cell. */
  className?: string;
}

/** One choice from a short list: a Fluent Dropdown with its label (arrow keys, Enter and typing to find work as in Fluent). */
export function Choice({ label, ariaLabel, hint, value, options, onChange, disabled, className }: ChoiceProps): React.JSX.Element {
  const selected = options.find((o) => o.value === value);
  const dropdown = (
    <Dropdown
      className={className}
      aria-label={label === undefined ? ariaLabel : undefined}
      value={selected?.text ?? ""}
      selectedOptions={selected ? [selected.value] : []}
      onOptionSelect={(_e, data) => {
        if (data.optionValue !== undefined && data.optionValue !== value) onChange(data.optionValue);
      }}
      disabled={disabled}
    >
      {options.map((o) => (
        <Option key={o.value} value={o.value} text={o.text}>
          {o.text}
        </Option>
      ))}
    </Dropdown>
  );
  if (label === undefined) return dropdown;
  return (
    <Field label={label} hint={hint}>
      {dropdown}
    </Field>
  );
}
