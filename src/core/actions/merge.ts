/**
 * Updating the action log from the latest audits without losing anything a person did to it.
 *
 * Three versions of each action meet: what the log holds now (a person may have changed any
 * cell), what collation last wrote (the hidden copy), and what the audits say now. Cell by cell:
 * - nobody changed it since collation wrote it: it takes what the audits say now (a corrected
 *   audit moves a due date, say), and the change is listed;
 * - a person changed it: their value stays, whatever the audits say; where the audits now say
 *   something different again, that is listed, so the secretary can decide;
 * - status, evidence and notes are the partnership's: no audit ever changes them.
 * Rows a person added (an action from a case review) stay as they are, given an ID when they have
 * none. A row a person deleted is not brought back by the next collation: the hidden copy
 * remembers it was removed. New actions from the audits are added at the end.
 *
 * Without a previous log there is nothing to keep, and the log is made from the audits; a log
 * whose hidden copy has gone is treated as changed by hand throughout (everything in it is kept,
 * differences from the audits are listed).
 */
import { idKey, type BaseEntry, type LogBase, type LogRowRead } from "./read";
import { FROM_AUDITS, LOG_FIELDS, NEW_STATUS, type LogAction, type LogField } from "./types";

export interface PreviousLog {
  rows: readonly LogRowRead[];
  base: LogBase;
}

export interface FieldChange {
  id: string;
  field: LogField;
  was: string;
  now: string;
}

export interface KeptEdit {
  id: string;
  field: LogField;
  /** What the log holds (a person's edit), kept. */
  kept: string;
  /** What the audits now say instead. */
  auditSays: string;
}

export interface LogChanges {
  /** No previous log was given or found: the log was made from the audits alone. */
  fresh: boolean;
  /** IDs of actions added from the audits. */
  added: string[];
  /** Cells nobody had changed, updated from a newer audit. */
  updated: FieldChange[];
  /** Cells a person changed, kept, where the audits now say something else. */
  keptEdits: KeptEdit[];
  /** Rows added by hand without an ID, and the ID each was given. */
  givenIds: { row: number; id: string }[];
  /** IDs of actions deleted from the log by hand that the audits still hold: not added again. */
  notAddedAgain: string[];
}

export interface MergedLog {
  actions: LogAction[];
  /** The hidden copy to write: every action as written now, and those deleted by hand. */
  base: BaseEntry[];
  changes: LogChanges;
}

function actionOf(row: LogAction): LogAction {
  const out = { id: row.id } as LogAction;
  for (const f of LOG_FIELDS) out[f] = row[f];
  return out;
}

/** The next free "A-001" style ID for a row added by hand. */
function idMaker(used: Set<string>): () => string {
  let n = 0;
  return () => {
    let id: string;
    do {
      n += 1;
      id = `A-${String(n).padStart(3, "0")}`;
    } while (used.has(idKey(id)));
    used.add(idKey(id));
    return id;
  };
}

function mergeRow(row: LogRowRead, base: BaseEntry | undefined, incoming: LogAction | undefined, changes: LogChanges): LogAction {
  const out = actionOf(row);
  for (const f of LOG_FIELDS) {
    const mine = row[f];
    const theirs = incoming && FROM_AUDITS.includes(f) ? incoming[f] : undefined;
    if (base === undefined) {
      // No record of what was written: everything in the log counts as a person's.
      if (theirs !== undefined && theirs !== mine) changes.keptEdits.push({ id: row.id, field: f, kept: mine, auditSays: theirs });
      continue;
    }
    const written = base[f];
    if (mine === written) {
      if (theirs !== undefined && theirs !== written) {
        out[f] = theirs;
        changes.updated.push({ id: row.id, field: f, was: written, now: theirs });
      }
    } else if (theirs !== undefined && theirs !== written && theirs !== mine) {
      changes.keptEdits.push({ id: row.id, field: f, kept: mine, auditSays: theirs });
    }
  }
  return out;
}

/**
 * The log after collation. `incoming` are the actions the accepted audits hold, each with the ID
 * collation gives it (the same audit action always gets the same ID).
 */
export function mergeActionLog(previous: PreviousLog | null, incoming: readonly LogAction[]): MergedLog {
  const changes: LogChanges = { fresh: previous === null, added: [], updated: [], keptEdits: [], givenIds: [], notAddedAgain: [] };
  const byId = new Map(incoming.map((a) => [idKey(a.id), a]));
  const base = previous?.base ?? new Map<string, BaseEntry>();
  const rows = previous?.rows ?? [];
  const used = new Set<string>([...rows.map((r) => idKey(r.id)), ...base.keys(), ...byId.keys()].filter((k) => k !== ""));
  const nextId = idMaker(used);

  const actions: LogAction[] = [];
  const inLog = new Set<string>();
  for (const row of rows) {
    const key = idKey(row.id);
    if (key === "" || inLog.has(key)) {
      // Typed in without an ID, or copied from another row: a new action of the person's own.
      const id = nextId();
      changes.givenIds.push({ row: row.row, id });
      actions.push({ ...actionOf(row), id });
      continue;
    }
    inLog.add(key);
    actions.push(mergeRow(row, base.get(key), byId.get(key), changes));
  }

  const removed: BaseEntry[] = [];
  if (previous !== null) {
    for (const [key, entry] of base) {
      if (inLog.has(key)) continue;
      removed.push({ ...entry, state: "removed by hand" });
      if (byId.has(key)) changes.notAddedAgain.push(entry.id);
    }
  }
  const removedKeys = new Set(removed.map((e) => idKey(e.id)));
  for (const a of incoming) {
    const key = idKey(a.id);
    if (inLog.has(key) || removedKeys.has(key)) continue;
    inLog.add(key);
    actions.push({ ...a, status: a.status || NEW_STATUS });
    changes.added.push(a.id);
  }
  return { actions, base: [...actions.map((a): BaseEntry => ({ ...a, state: "in log" })), ...removed], changes };
}
