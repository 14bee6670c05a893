/** Indicators written by hand for the gap tests. */
import type { Indicator, InformationSource, InformationType } from "../../../src/core/model";

export function indicator(name: string, fields: Partial<Omit<Indicator, "name">> = {}): Indicator {
  return {
    id: null,
    name,
    agency: null,
    unit: null,
    polarity: null,
    target: null,
    contentArea: null,
    type: null,
    source: null,
    frequency: null,
    ...fields,
  };
}

/** An indicator whose row states its area, type and source, as a partnership's set may. */
export function stated(id: string, name: string, contentArea: string, type: InformationType, source: InformationSource): Indicator {
  return indicator(name, { id, contentArea, type, source });
}
