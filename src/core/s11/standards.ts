/**
 * The nine Section 11 standards a partnership expects every statutory and commissioned agency to
 * meet, and the scale agencies rate themselves on.
 *
 * The standards' names are kept as data exactly as the Barnsley Safeguarding Children
 * Partnership's performance management framework (April 2019) lists them in its section 6,
 * "Section 11 Self Audits" (../shared/seeds/002_52b721732692ba10.txt). The short names and the
 * "what to show" prompts are this project's own words: a lead filling in the audit sees what
 * kind of evidence a challenge session will look for, without the guidance being copied.
 */
import type { Rag } from "../model/model";

export interface Section11Standard {
  /** 1 to 9, in the framework's order. */
  number: number;
  /** The standard as the framework names it. */
  name: string;
  /** A few words for column headings and lists. */
  short: string;
  /** What evidence of meeting the standard looks like, in plain words. */
  show: string;
}

export const STANDARDS: readonly Section11Standard[] = [
  {
    number: 1,
    name: "Senior management commitment to the importance of safeguarding and promoting the welfare of children",
    short: "Senior management commitment",
    show: "How leaders at the top make safeguarding a priority: a named senior lead, safeguarding in plans and board papers, and how leaders check that it works.",
  },
  {
    number: 2,
    name: "A clear statement of the agency's responsibility to children is available to all staff",
    short: "Statement of responsibility",
    show: "Where staff find the agency's written statement of what it owes children, and how you know they have seen it.",
  },
  {
    number: 3,
    name: "A clear line of accountability within the organisation for work on safeguarding and promoting the welfare of children",
    short: "Line of accountability",
    show: "Who answers for safeguarding at each level, from the front line to the board, and how a concern travels up.",
  },
  {
    number: 4,
    name: "Service development takes account of the need to safeguard and promote welfare and is informed, where appropriate, by the views of children and families.",
    short: "Service development and children's views",
    show: "How new or changed services are checked for safeguarding, and how the views of children and families shaped them.",
  },
  {
    number: 5,
    name: "Staff training on safeguarding and promoting the welfare of children for all staff working with, or depending on the agency's primary function, in contact with children and families.",
    short: "Staff training",
    show: "Who must be trained and to what level, how many are up to date, and how you know the training changes practice.",
  },
  {
    number: 6,
    name: "Recruitment, vetting procedures and allegations against staff",
    short: "Safer recruitment and allegations",
    show: "The checks made before people start (DBS, references), how allegations against staff are handled, and the link with the designated officer.",
  },
  {
    number: 7,
    name: "Interagency working",
    short: "Interagency working",
    show: "How staff work with other agencies: taking part in meetings and plans, referrals, and raising it when agencies disagree.",
  },
  {
    number: 8,
    name: "Information sharing",
    short: "Information sharing",
    show: "The guidance staff follow on sharing information to keep a child safe, and how you check it is shared in time.",
  },
  {
    number: 9,
    name: "Work with individual children and their families.",
    short: "Work with children and families",
    show: "How each child is seen and heard in your work, and how records show what was done and why.",
  },
];

export function standardOf(n: number): Section11Standard | undefined {
  return STANDARDS.find((s) => s.number === n);
}

/** "Standard 5: Staff training". */
export function standardLabel(s: Pick<Section11Standard, "number" | "short">): string {
  return `Standard ${s.number}: ${s.short}`;
}

/**
 * The self-assessment scale. Three steps, as the issue suggests: an agency meets a standard, meets
 * part of it, or does not; "not applicable" is not offered because the framework makes the
 * standards mandatory for every agency it asks to audit.
 */
export const RATINGS = ["Fully met", "Partly met", "Not met"] as const;
export type Rating = (typeof RATINGS)[number];

/** How each rating is coloured on the challenge summary (always with its words beside). */
export const RATING_RAG: Record<Rating, Rag> = {
  "Fully met": "green",
  "Partly met": "amber",
  "Not met": "red",
};

/** The rating a text names (any case and spacing), or null. */
export function ratingOf(text: string): Rating | null {
  const key = text.replace(/\s+/g, " ").trim().toLowerCase();
  return RATINGS.find((r) => r.toLowerCase() === key) ?? null;
}

/** Ratings that a challenge session looks at. */
export function needsChallenge(rating: Rating | null): boolean {
  return rating === "Partly met" || rating === "Not met";
}

/**
 * The colours of each rating: the scorecard's red, amber and green (src/core/scorecard), so that
 * a board reads an audit's colours as it reads the figures'.
 */
export const RATING_STYLES: Record<Rating, { fill: string; fontColor: string }> = {
  "Fully met": { fill: "#C6EFCE", fontColor: "#006100" },
  "Partly met": { fill: "#FFEB9C", fontColor: "#9C5700" },
  "Not met": { fill: "#FFC7CE", fontColor: "#9C0006" },
};
