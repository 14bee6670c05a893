/**
 * Resolves the "Content area" an indicator set states into one of the framework's areas.
 * Partnerships write area names their own way: in any case, shortened ("Vulnerable groups",
 * "Risk issues", "Supervision", "Poverty and housing"), as the full Module 1 heading ("Workforce:
 * relationships, clear thinking and capacity"), or as one of an area's sub-areas ("Looked after
 * children", "Domestic violence"). Ambiguous text resolves to nothing rather than to a guess.
 */
import type { Framework } from "../model";
import type { KeywordIndex } from "./keywords";
import { tokens } from "./text";

export interface ResolvedArea {
  area: string;
  subArea: string | null;
}

/**
 * Words too general to tell areas apart on their own: "safeguarding" alone would otherwise
 * pick "Safeguarding wisdom, supervision and support", and "children" "Vulnerable groups of children".
 */
const GENERIC = new Set(["safeguard", "child", "group", "issue", "area", "work", "use", "impact", "service", "practice", "specific"]);

function contentTokens(text: string): Set<string> {
  return new Set(tokens(text).filter((t) => !GENERIC.has(t)));
}

function allIn(small: Set<string>, big: Set<string>): boolean {
  for (const t of small) if (!big.has(t)) return false;
  return true;
}

const key = (text: string): string => tokens(text).join(" ");

/**
 * The area the stated text names, or null. With a keyword index, text that names no area but
 * holds keywords of exactly one ("Learning and development", "Early help") resolves to that area.
 */
export function resolveArea(text: string, framework: Framework, keywords?: KeywordIndex): ResolvedArea | null {
  const stated = key(text);
  if (stated === "") return null;

  // 1. The area's own name, however cased or punctuated.
  for (const area of framework.areas) if (key(area.name) === stated) return { area: area.name, subArea: null };
  // 2. A sub-area's name: the area, and the sub-area too.
  for (const area of framework.areas) {
    for (const sub of area.subAreas) if (key(sub) === stated) return { area: area.name, subArea: sub };
  }
  // 3. A shortening (the stated words are all in one area's name) or a longer heading (one
  //    area's name is all in the stated words). Only an unambiguous answer counts.
  const words = contentTokens(text);
  if (words.size === 0) return null;
  const candidates = framework.areas.filter((area) => {
    const name = contentTokens(area.name);
    return name.size > 0 && (allIn(words, name) || allIn(name, words));
  });
  const only = candidates.length === 1 ? candidates[0] : undefined;
  if (only !== undefined) return { area: only.name, subArea: null };
  // 4. The area whose keywords the text holds, when only one area's do.
  const votes = keywords?.vote(text) ?? [];
  const single = votes.length === 1 ? votes[0] : undefined;
  return single === undefined ? null : { area: single.area, subArea: null };
}
