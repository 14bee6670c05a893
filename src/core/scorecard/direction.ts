/**
 * Direction of travel: is the latest figure better or worse than the one before it? Whether a
 * rise is good depends on polarity, so the words say which ("Improving", "Worsening",
 * "No change"); the arrow agrees with the words (▲ better, ▼ worse) and is never the only sign.
 */
import type { Band, Polarity } from "../model";

export type Direction = "improving" | "worsening" | "no_change";

export const DIRECTION_LABELS: Record<Direction, string> = {
  improving: "▲ Improving",
  worsening: "▼ Worsening",
  no_change: "► No change",
};

/** How far a figure is outside a band (0 inside): for a band, getting closer is improving. */
function distanceFromBand(x: number, band: Band): number {
  return Math.max(band.low - x, 0, x - band.high);
}

function compare(better: boolean, worse: boolean): Direction {
  return better ? "improving" : worse ? "worsening" : "no_change";
}

/** Null where there are not two figures, or no polarity to judge them by. */
export function directionOfTravel(
  latest: number | null | undefined,
  previous: number | null | undefined,
  polarity: Polarity | null | undefined,
  band?: Band | null,
): Direction | null {
  if (typeof latest !== "number" || typeof previous !== "number" || !Number.isFinite(latest) || !Number.isFinite(previous)) {
    return null;
  }
  switch (polarity) {
    case "higher":
      return compare(latest > previous, latest < previous);
    case "lower":
      return compare(latest < previous, latest > previous);
    case "band": {
      if (!band) return null;
      const now = distanceFromBand(latest, band);
      const before = distanceFromBand(previous, band);
      return compare(now < before, now > before);
    }
    default:
      return null;
  }
}

export interface DirectionCellRefs {
  latest: string;
  previous: string;
  polarity: string;
  bandLow?: string;
  bandHigh?: string;
}

function verdict(better: string, worse: string): string {
  return `IF(${better},"${DIRECTION_LABELS.improving}",IF(${worse},"${DIRECTION_LABELS.worsening}","${DIRECTION_LABELS.no_change}"))`;
}

/** directionOfTravel as a formula giving the label, or "" where it gives null. */
export function directionFormula(r: DirectionCellRefs): string {
  const { latest: v, previous: p } = r;
  let band = `""`;
  if (r.bandLow !== undefined && r.bandHigh !== undefined) {
    const dist = (x: string) => `MAX(${r.bandLow}-${x},0,${x}-${r.bandHigh})`;
    band =
      `IF(AND(${r.polarity}="band",ISNUMBER(${r.bandLow}),ISNUMBER(${r.bandHigh})),` +
      `${verdict(`${dist(v)}<${dist(p)}`, `${dist(v)}>${dist(p)}`)},"")`;
  }
  const lower = `IF(${r.polarity}="lower",${verdict(`${v}<${p}`, `${v}>${p}`)},${band})`;
  const higher = `IF(${r.polarity}="higher",${verdict(`${v}>${p}`, `${v}<${p}`)},${lower})`;
  return `IF(AND(ISNUMBER(${v}),ISNUMBER(${p})),${higher},"")`;
}
