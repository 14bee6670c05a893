import * as React from "react";
import { Planned } from "../components/Section";
import type { PanelProps } from "./types";

/** For agency leads: the quarterly return, checked before it is sent. */
export function AgencyReturnPanel(_props: PanelProps): React.JSX.Element {
  return (
    <>
      <Planned
        title="Check my return"
        description="Check the quarterly return in this workbook against the template's rules and list each error, query and warning with the cell to look at."
      />
    </>
  );
}
