/** Text helpers shared by the detector: headings and labels are compared in one normal form. */

/** Lower case, typographic quotes and dashes made plain, runs of whitespace collapsed. */
export function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2013\u2014\u2212]/g, "-")
    .replace(/\u00a0/g, " ")
    // Machine exports name columns in snake_case ("indicator_id", "period_start").
    .replace(/_/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** Whitespace collapsed but case kept: labels are reported as written, minus stray spacing. */
export function tidy(text: string): string {
  return text.replace(/\u00a0/g, " ").replace(/\s+/g, " ").trim();
}

/** Whole-word match of any of the phrases (already normalised) in normalised text. */
export function hasPhrase(normalisedText: string, phrases: readonly string[]): boolean {
  for (const p of phrases) {
    const i = normalisedText.indexOf(p);
    if (i < 0) continue;
    const before = i === 0 ? " " : normalisedText.charAt(i - 1);
    const after = i + p.length >= normalisedText.length ? " " : normalisedText.charAt(i + p.length);
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return true;
  }
  return false;
}

/** A heading in the normal form, with CamelCase split as snake_case is ("SeniorityCode", "LEAName"). */
export function normaliseHeading(text: string): string {
  return normalise(text.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2"));
}
