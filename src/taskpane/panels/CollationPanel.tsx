import * as React from "react";
import { Planned } from "../components/Section";
import type { PanelProps } from "./types";

/** For sub-committee secretaries: many returns into one, and who to chase. */
export function CollationPanel(_props: PanelProps): React.JSX.Element {
  return (
    <>
      <Planned
        title="Collate returns"
        description="Bring the returns from every agency into one workbook and list the returns that are missing, late or need fixing, so you know whom to chase."
      />
    </>
  );
}
