import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * For the rows of the pane's tables, which do nothing when pointed at or pressed (their controls
 * act, not the row): they keep the pane's colours. Fluent shades a row on hover and press (cyan in
 * the high-contrast theme, turning only the row's own text dark), which would leave the quieter
 * text and the subtle buttons in the row unreadable under the mouse.
 */
export const useStillRowStyles = makeStyles({
  row: {
    ":hover": { backgroundColor: "transparent", color: tokens.colorNeutralForeground1 },
    ":active": { backgroundColor: "transparent", color: tokens.colorNeutralForeground1 },
  },
});
