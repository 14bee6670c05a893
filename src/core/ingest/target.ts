/** Reading a target cell. */
import type { GridCell } from "../grid/grid";
import type { Polarity } from "../model/model";
import { parseNumberText, readFigure } from "./values";

/** A target as written: 90, 0.9 as 90%, "90%", "< 20%", ">= 85". The sign gives a polarity. */
export function readTarget(cell: GridCell): { value: number; polarity: Polarity | null } | null {
  const f = readFigure(cell);
  if (f.kind === "figure" && f.status === "ok" && f.value !== null) return { value: f.value, polarity: null };
  if (f.kind !== "text") return null;
  const m = /^\s*(<=|>=|<|>|\u2264|\u2265|=)?\s*([^<>=\u2264\u2265]+?)\s*(or (above|more|higher|over|below|less|lower|under))?\s*$/i.exec(f.text);
  if (!m) return null;
  const n = parseNumberText(m[2]!);
  if (!n) return null;
  const sign = m[1] ?? "";
  const words = (m[4] ?? "").toLowerCase();
  const polarity: Polarity | null = /^(>|>=|\u2265)$/.test(sign) || /above|more|higher|over/.test(words) ? "higher"
    : /^(<|<=|\u2264)$/.test(sign) || /below|less|lower|under/.test(words) ? "lower" : null;
  return { value: n.value, polarity };
}
