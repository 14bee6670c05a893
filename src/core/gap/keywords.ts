/**
 * Places an indicator in a content area from the framework's keywords, for indicators the
 * catalogue does not know. Keywords are matched on word boundaries after the same expansion as
 * the indicator ("LAC" never matches "place"; "CLA" finds "looked after"), longest phrase first,
 * and a word already taken by a longer phrase is not counted again ("initial child protection
 * conference" counts once, not also as "conference").
 */
import type { CatalogueMeasure, Framework } from "../model";
import { keywordText, phraseOccurrences } from "./text";

export interface KeywordHit {
  area: string;
  keyword: string;
  /** The keyword's weight: its length in words, discounted when the catalogue uses it everywhere. */
  weight: number;
}

export interface AreaVote {
  area: string;
  weight: number;
  hits: KeywordHit[];
}

export interface KeywordIndex {
  /** Areas whose keywords the text holds, strongest first; empty when none. */
  vote(text: string): AreaVote[];
}

/** One keyword form; a form several areas list (e.g. "audit") votes for each of them. */
interface Phrase {
  areas: { area: string; keyword: string }[];
  /** The keyword in keywordText form, without the padding spaces. */
  form: string;
  weight: number;
}

/**
 * A keyword found in many catalogue measures ("referral", "assessment") says little about which
 * area a new indicator belongs to; one found in none ("LADO") says a lot. The discount keeps a
 * common word from outvoting a specific one of the same length.
 */
function specificity(form: string, catalogueTexts: readonly string[]): number {
  let uses = 0;
  for (const text of catalogueTexts) if (phraseOccurrences(text, form).length > 0) uses += 1;
  return 1 / (1 + Math.log(1 + uses) / 2);
}

export function buildKeywordIndex(framework: Framework, catalogue: readonly CatalogueMeasure[] = framework.catalogue): KeywordIndex {
  const catalogueTexts = catalogue.map((m) => keywordText(m.name));
  const byForm = new Map<string, Phrase>();
  for (const area of framework.areas) {
    for (const keyword of area.keywords) {
      const form = keywordText(keyword).trim();
      if (form === "") continue;
      const phrase = byForm.get(form) ?? { areas: [], form, weight: form.split(" ").length * specificity(form, catalogueTexts) };
      if (!phrase.areas.some((x) => x.area === area.name)) phrase.areas.push({ area: area.name, keyword });
      byForm.set(form, phrase);
    }
  }
  const phrases = [...byForm.values()];
  // Longest phrases claim their words first.
  phrases.sort((a, b) => b.form.length - a.form.length);

  return {
    vote(text) {
      const t = keywordText(text);
      const taken: boolean[] = new Array<boolean>(t.length).fill(false);
      const votes = new Map<string, AreaVote>();
      for (const p of phrases) {
        for (const at of phraseOccurrences(t, p.form)) {
          const end = at + p.form.length;
          if (taken.slice(at, end).some(Boolean)) continue;
          for (let i = at; i < end; i += 1) taken[i] = true;
          for (const { area, keyword } of p.areas) {
            const vote = votes.get(area) ?? { area, weight: 0, hits: [] };
            vote.weight += p.weight;
            vote.hits.push({ area, keyword, weight: p.weight });
            votes.set(area, vote);
          }
        }
      }
      const order = new Map(framework.areas.map((a, i) => [a.name, i]));
      return [...votes.values()].sort((a, b) => b.weight - a.weight || (order.get(a.area) ?? 0) - (order.get(b.area) ?? 0));
    },
  };
}
