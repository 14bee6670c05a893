/**
 * The partnership's one action log: every action from Section 11 self-audits, multi-agency case
 * audits and case reviews, with its owner, agency, due date, status and evidence. The Barnsley
 * framework (../shared/seeds/002_52b721732692ba10.txt, sections 4 and 9 to 11) asks that such
 * actions be SMART and that the sub-committee follow them until they are done, and it treats an
 * action as signed off only with evidence of its outcome: hence the status and evidence columns,
 * and the list of actions marked complete without evidence.
 */

/** Where an action came from. Actions from audits are added by collation; the others are typed in. */
export const ACTION_SOURCES = ["Section 11 audit", "Multi-agency case audit", "Case review"] as const;
export const S11_SOURCE = ACTION_SOURCES[0];

export const ACTION_STATUSES = ["Not started", "In progress", "Complete", "No longer needed"] as const;
export const NEW_STATUS = ACTION_STATUSES[0];
/** Statuses that end an action: it is no longer due. */
export const CLOSED_STATUSES: readonly string[] = ["Complete", "No longer needed"];

/** One action in the log. Every field is text as the log holds it; `due` is YYYY-MM-DD when it is a date. */
export interface LogAction {
  id: string;
  source: string;
  /** The audit or review it came from ("Section 11 audit 2025/26", "Case review: Child T"). */
  from: string;
  agency: string;
  /** The standard or finding it answers ("Standard 5: Staff training"). */
  about: string;
  action: string;
  owner: string;
  /** YYYY-MM-DD; or, where the log holds something else, that text as shown; or "" for none. */
  due: string;
  status: string;
  evidence: string;
  notes: string;
}

export type LogField = Exclude<keyof LogAction, "id">;
export const LOG_FIELDS: readonly LogField[] = ["source", "from", "agency", "about", "action", "owner", "due", "status", "evidence", "notes"];

/**
 * Fields an audit gives: collation may bring a newer value for them (an agency's corrected
 * audit). The others are the partnership's alone: nothing but a person ever changes them.
 */
export const FROM_AUDITS: readonly LogField[] = ["source", "from", "agency", "about", "action", "owner", "due"];

export const FIELD_NAMES: Record<LogField, string> = {
  source: "source",
  from: "where it came from",
  agency: "agency",
  about: "standard or finding",
  action: "action",
  owner: "owner",
  due: "due date",
  status: "status",
  evidence: "evidence",
  notes: "notes",
};
