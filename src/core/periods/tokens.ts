/**
 * Splitting a heading into tokens. Headings arrive with line breaks, non-breaking spaces, en
 * dashes, curly apostrophes, superscript footnote numbers and any case; each character is mapped
 * on its own (never a whole-string normalisation that changes lengths), so every token keeps its
 * offsets into the original text and findPeriodsInText can say where a period was found.
 * Letters and digits are split apart ("q1" is "q", "1"; "fy24" is "fy", "24") so that glued and
 * spaced spellings read the same.
 */

export type TokenType = "word" | "num" | "punct" | "mark" | "other";

export interface Token {
  readonly type: TokenType;
  /** Lower case; a superscript digit is given as the plain digit. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const SUPERSCRIPT_DIGITS: Readonly<Record<string, string>> = {
  "\u00b9": "1",
  "\u00b2": "2",
  "\u00b3": "3",
  "\u2070": "0",
  "\u2074": "4",
  "\u2075": "5",
  "\u2076": "6",
  "\u2077": "7",
  "\u2078": "8",
  "\u2079": "9",
};
const FOOTNOTE_MARKS = new Set(["*", "\u2020", "\u2021"]);
const PUNCTUATION = new Set(["-", "/", ".", ",", ":", ";", "(", ")", "[", "]", "'", "|", "&", "+", "_"]);
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;
const SLASHES = /[\u2044\u2215\uff0f]/;
const APOSTROPHES = /[\u2018\u2019\u201a\u201b\u02bc`\u00b4]/;
const SPACES = /[\s\u200b\u200c\u200d\u2060\ufeff]/;

type CharClass = { type: TokenType | "space"; text: string };

function classify(ch: string): CharClass {
  if (SPACES.test(ch)) return { type: "space", text: " " };
  if (DASHES.test(ch)) return { type: "punct", text: "-" };
  if (SLASHES.test(ch)) return { type: "punct", text: "/" };
  if (APOSTROPHES.test(ch)) return { type: "punct", text: "'" };
  const superscript = SUPERSCRIPT_DIGITS[ch];
  if (superscript !== undefined) return { type: "mark", text: superscript };
  if (FOOTNOTE_MARKS.has(ch)) return { type: "mark", text: ch };
  if (ch >= "0" && ch <= "9") return { type: "num", text: ch };
  const lower = ch.toLowerCase();
  if (lower.length === 1 && lower >= "a" && lower <= "z") return { type: "word", text: lower };
  if (PUNCTUATION.has(ch)) return { type: "punct", text: ch };
  return { type: "other", text: ch };
}

/** Runs of letters, of digits and of footnote marks make one token each; punctuation is one per character. */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let current: { type: TokenType; text: string; start: number } | null = null;
  const flush = (end: number): void => {
    if (current) tokens.push({ type: current.type, text: current.text, start: current.start, end });
    current = null;
  };
  for (let i = 0; i < input.length; i++) {
    const c = classify(input.charAt(i));
    const joins = current !== null && current.type === c.type && (c.type === "word" || c.type === "num" || c.type === "mark");
    if (joins && current) {
      current.text += c.text;
      continue;
    }
    flush(i);
    if (c.type !== "space") current = { type: c.type, text: c.text, start: i };
  }
  flush(input.length);
  return tokens;
}
