import type { Operations } from "../operations";

export interface PanelProps {
  /** What the panel can ask of the workbook; null outside Excel, where nothing can run. */
  operations: Operations | null;
  /** Why operations are unavailable, read out with each disabled button. */
  unavailableReason?: string;
}
