/**
 * The framework's types and sources in the order that matters and in plain words.
 * Order: Module 1 says outcome information matters most, then quality, then quantity, and asks
 * for "appropriate priority to the views and experiences of children, parents and frontline
 * staff"; gaps are listed in that order, most important first.
 */
import type { InformationSource, InformationType } from "../model";

export const TYPES: readonly InformationType[] = ["quantity", "quality", "outcome"];
export const SOURCES: readonly InformationSource[] = ["children_parents", "frontline_staff", "case_records", "management_information"];

/** Most important first (Module 1, "Element two"). */
export const TYPES_BY_IMPORTANCE: readonly InformationType[] = ["outcome", "quality", "quantity"];

export const TYPE_LABEL: Readonly<Record<InformationType, string>> = {
  quantity: "Quantity",
  quality: "Quality",
  outcome: "Outcome",
};

/** Module 1, "Element three", in short. */
export const SOURCE_LABEL: Readonly<Record<InformationSource, string>> = {
  children_parents: "Children, parents and carers",
  frontline_staff: "Frontline staff and managers",
  case_records: "Case records",
  management_information: "Management information",
};

/** The sources that carry people's own experience: the framework's "voice". */
export const VOICE_SOURCES: readonly InformationSource[] = ["children_parents", "frontline_staff"];

export function labelOf(missing: InformationType | InformationSource): string {
  return (TYPE_LABEL as Record<string, string>)[missing] ?? (SOURCE_LABEL as Record<string, string>)[missing] ?? missing;
}
