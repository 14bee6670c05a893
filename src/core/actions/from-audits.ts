/** The actions accepted Section 11 audits hold, as action-log entries with stable IDs. */
import type { AuditContent } from "../s11/validate";
import { standardLabel, standardOf } from "../s11/standards";
import { NEW_STATUS, S11_SOURCE, type LogAction } from "./types";

/**
 * "S11 2025/26 Police #3": the audit, the agency and the action's number on its Actions sheet.
 * The same action of the same agency's audit for the same period always has the same ID, which is
 * how the next collation finds it in the log.
 */
export function s11ActionId(audit: Pick<AuditContent, "agency" | "period">, number: number): string {
  return `S11 ${audit.period.label} ${audit.agency} #${number}`;
}

export function actionsFromAudits(audits: readonly AuditContent[]): LogAction[] {
  return audits.flatMap((audit) =>
    audit.actions.map((a) => {
      const standard = a.standard === null ? undefined : standardOf(a.standard);
      return {
        id: s11ActionId(audit, a.number),
        source: S11_SOURCE,
        from: `Section 11 audit ${audit.period.label}`,
        agency: audit.agency,
        about: standard ? standardLabel(standard) : "",
        action: a.action,
        owner: a.owner,
        due: a.due ?? "",
        status: NEW_STATUS,
        evidence: "",
        notes: "",
      };
    }),
  );
}
