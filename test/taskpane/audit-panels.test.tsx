/** @jest-environment jsdom */
/**
 * Section 11 audits in the task pane, as people use it: the secretary makes an audit for an
 * agency (with the slips a form catches), an agency lead checks a filled audit, and the secretary
 * collates audits and reads what happened to the action log. Mouse and keyboard; axe on results.
 */
import * as React from "react";
import axe from "axe-core";
import { act, fireEvent, screen, within } from "@testing-library/react";
import { dueLists, mergeActionLog, actionsFromAudits } from "../../src/core/actions";
import { collateSummary, type CollateResult } from "../../src/core/collate";
import type { AuditContent } from "../../src/core/s11/validate";
import { STANDARDS, type Rating } from "../../src/core/s11/standards";
import { AgencyReturnPanel } from "../../src/taskpane/panels/AgencyReturnPanel";
import { CollationPanel } from "../../src/taskpane/panels/CollationPanel";
import type { ReturnCheck } from "../../src/taskpane/operations";
import { installJsdomLayout } from "./jsdom-layout";
import { COLLATED, fakeOperations, tabbable } from "./fakes";
import { installAriaReflection, renderPane } from "./render-pane";

const uninstall: (() => void)[] = [];
beforeAll(() => {
  uninstall.push(installJsdomLayout(), installAriaReflection());
  jest.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
  document.documentElement.lang = "en-GB";
  document.title = "Safeguarding Partnership Scorecard";
});
afterAll(() => uninstall.forEach((u) => u()));

const description = (el: HTMLElement): string => document.getElementById(el.getAttribute("aria-describedby") ?? "")?.textContent ?? "";
const YEAR = { start: "2025-04-01", end: "2026-03-31", label: "2025/26" };

describe("Make a Section 11 self-audit", () => {
  const section = () => screen.getByRole("region", { name: "Make a Section 11 self-audit" });
  const box = (name: RegExp) => within(section()).getByRole("textbox", { name });

  it("says what is missing until the form can be written, then writes the audit with what was typed", async () => {
    const operations = fakeOperations();
    renderPane(<CollationPanel operations={operations} />);
    const write = within(section()).getByRole("button", { name: "Write the audit sheets" });
    expect(write.getAttribute("aria-disabled")).toBe("true");
    expect(description(write)).toBe("Give the agency the audit is for.");
    fireEvent.change(box(/^Agency audited/), { target: { value: "  Police " } });
    expect(description(write)).toBe("Give the year audited, such as 2025/26.");
    fireEvent.change(box(/^Year audited/), { target: { value: "2025/26" } });
    fireEvent.change(box(/^Audit due by/), { target: { value: "31/10/2025" } });
    expect(description(write)).toBe("Write the due date as YYYY-MM-DD, such as 2025-10-31, or leave it empty.");
    expect(section().textContent).toContain("Write the date as YYYY-MM-DD, such as 2025-10-31, or leave it empty.");
    fireEvent.change(box(/^Audit due by/), { target: { value: "2025-10-31" } });
    expect(write.getAttribute("aria-disabled")).toBeNull();
    fireEvent.click(write);
    expect((await within(section()).findByRole("group", { name: "Audit written" })).textContent).toContain("Audit");
    expect(operations.writeAuditTemplate).toHaveBeenCalledWith({ agency: "Police", period: "2025/26", due: "2025-10-31", partnership: null }, {});
    // The command line stays on offer, for a file of its own to send.
    expect(section().textContent).toContain("npm run -s cli -- template --kind s11 --agency NAME --period 2025/26 --out AUDIT.xlsx");
  });

  it("shows the engine's refusal in its own words", async () => {
    const operations = fakeOperations({
      writeAuditTemplate: async () => {
        throw new Error("This workbook already holds a return template (its Return sheet): make the Section 11 audit in a new, empty workbook, as each is sent back as a file of its own.");
      },
    });
    renderPane(<CollationPanel operations={operations} />);
    fireEvent.change(box(/^Agency audited/), { target: { value: "Health" } });
    fireEvent.change(box(/^Year audited/), { target: { value: "2025/26" } });
    fireEvent.click(within(section()).getByRole("button", { name: "Write the audit sheets" }));
    expect((await within(section()).findByRole("group", { name: "Could not write the audit" })).textContent).toContain("already holds a return template");
  });

  it("every field and the button are reached with Tab, in reading order", () => {
    renderPane(<CollationPanel operations={fakeOperations()} />);
    const order = tabbable(section());
    const wanted = [box(/^Agency audited/), box(/^Year audited/), box(/^Audit due by/), box(/^Name of the partnership/), within(section()).getByRole("button", { name: "Write the audit sheets" })];
    expect(wanted.map((el) => order.indexOf(el))).toEqual([...wanted.map((el) => order.indexOf(el))].sort((a, b) => a - b));
    for (const el of wanted) expect(order).toContain(el);
  });
});

describe("Check my return, on a Section 11 audit", () => {
  const AUDIT_CHECK: ReturnCheck = {
    kind: "section-11-audit",
    file: "Police S11.xlsx",
    readable: true,
    valid: true,
    agency: "Police",
    partnership: "Northshire Safeguarding Children Partnership",
    period: "2025/26",
    counts: { errors: 0, queries: 1, warnings: 0 },
    issues: [
      {
        code: "S11-024",
        severity: "query",
        sheet: "Audit",
        cell: "D23",
        message: "Audit!D23: standard 5 (Staff training) is rated Partly met with no action on the Actions sheet; add an action, or say in Audit!F23 why none is needed.",
      },
    ],
  };

  it("speaks of the audit and its Comments, and goes to the cell", async () => {
    const operations = fakeOperations({ checkReturn: async () => AUDIT_CHECK });
    renderPane(<AgencyReturnPanel operations={operations} />);
    fireEvent.click(screen.getByRole("button", { name: "Check my return" }));
    const verdict = await screen.findByRole("group", { name: "Ready to send" });
    expect(verdict.textContent).toContain("The Section 11 audit (Police, 2025/26) has no errors. 1 query needs explaining in Comments.");
    const queries = screen.getByRole("region", { name: "Queries: explain each in Comments (1)" });
    fireEvent.click(within(queries).getByRole("button", { name: "Go to D23" }));
    await act(async () => undefined);
    expect(operations.selectCell).toHaveBeenCalledWith("Audit", "D23");
  });
});

function audit(agency: string, ratings: Rating[], actions: AuditContent["actions"] = []): AuditContent {
  return {
    file: `${agency.toLowerCase()}-s11.xlsx`,
    partnership: "Northshire Safeguarding Children Partnership",
    agency,
    period: YEAR,
    standards: STANDARDS.map((s, i) => ({ number: s.number, name: s.name, short: s.short, rating: ratings[i] ?? null, evidence: "Seen.", comments: "", source: { file: "x", sheet: "Audit", cell: `D${19 + i}` } })),
    actions,
  };
}

/** Two audits collated, a third rejected, Probation's missing; the log as merged into last quarter's (with an edit kept). */
function auditCollation(): CollateResult {
  const F: Rating = "Fully met";
  const police = audit("Police", [F, F, F, F, "Partly met", "Not met", F, F, F], [
    { number: 1, standard: 5, action: "Train all officers", owner: "Head of Learning", due: "2026-03-31", source: { file: "x", sheet: "Actions", cell: "C7" } },
    { number: 2, standard: 6, action: "Re-check references", owner: "HR", due: "2025-12-31", source: { file: "x", sheet: "Actions", cell: "C8" } },
  ]);
  const health = audit("Health", [F, F, F, F, F, F, F, "Partly met", F]);
  const incoming = actionsFromAudits([police, health]);
  const previous = { rows: [{ ...incoming[1]!, owner: "Head of HR", status: "Complete", evidence: "", row: 5 }], base: new Map([[incoming[1]!.id.toLowerCase(), { ...incoming[1]!, owner: "HR Lead", state: "in log" as const }]]) };
  const merged = mergeActionLog(previous, incoming);
  const submission = (file: string, agency: string, status: "accepted" | "rejected") => ({
    file,
    kind: "section-11-audit" as const,
    agency,
    period: YEAR,
    status,
    errors: status === "rejected" ? 1 : 0,
    warnings: 0,
    queries: 0,
    readable: true,
    reason: status === "rejected" ? "Audit!E20: standard 2 (Statement of responsibility) is rated Fully met but no evidence is given; say what shows it and where it can be seen." : null,
    partnership: "Northshire Safeguarding Children Partnership",
    issues: [],
  });
  return {
    ...COLLATED,
    submissions: [submission("police-s11.xlsx", "Police", "accepted"), submission("health-s11.xlsx", "Health", "accepted"), submission("education-s11.xlsx", "Education", "rejected")],
    duplicates: [],
    expected: ["Police", "Health", "Education", "Probation"],
    missing: ["Probation"],
    missingByPeriod: [{ agency: "Probation", period: YEAR, kind: "section-11-audit" }],
    audits: [police, health],
    actionLog: { ...merged, due: dueLists(merged.actions, "2026-01-15") },
  };
}

describe("Collate returns, with Section 11 audits", () => {
  it("says how many audits were collated, what to challenge, what is missing, and what the action log now holds", async () => {
    const result = auditCollation();
    const operations = fakeOperations({ collateFiles: async () => ({ result, summary: collateSummary(result) }) });
    renderPane(
      <main>
        <CollationPanel operations={operations} />
      </main>,
    );
    const collate = screen.getByRole("region", { name: "Collate returns" });
    const input = collate.querySelector<HTMLInputElement>('input[type="file"]')!;
    fireEvent.change(input, { target: { files: [new File(["a"], "police-s11.xlsx"), new File(["b"], "health-s11.xlsx"), new File(["c"], "education-s11.xlsx")] } });
    await within(collate).findByRole("group", { name: "Collated" });
    expect(collate.textContent).toContain("2 Section 11 audits collated, of 3 received: 3 standards to challenge (1 Not met).");
    expect(collate.textContent).toContain("Missing: Probation (Section 11 audit, 2025/26).");
    expect(collate.textContent).toContain(
      "Action log: 2 actions, 1 new; 0 overdue, 0 due within 4 weeks; 1 marked complete without evidence; 1 edit made by hand kept where an audit now says otherwise. Status, evidence and notes typed into the log are always kept.",
    );
    const files = within(within(collate).getByRole("list", { name: "Files" })).getAllByRole("listitem").map((li) => li.textContent);
    expect(files[2]).toBe(
      "education-s11.xlsx: rejected (Education, 2025/26), 1 error: Audit!E20: standard 2 (Statement of responsibility) is rated Fully met but no evidence is given; say what shows it and where it can be seen.",
    );
    const results = await axe.run({ exclude: [["[data-tabster-dummy]"]] }, { rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
    fireEvent.click(within(collate).getByRole("button", { name: "Write the collated sheets" }));
    await within(collate).findByRole("group", { name: "Collated sheets written" });
    expect(operations.writeCollation).toHaveBeenCalledWith(result, {}, expect.objectContaining({ signal: expect.anything() }));
  });

  it("says when an agency's audits disagree and none of them is collated", async () => {
    const result: CollateResult = { ...auditCollation(), auditConflicts: [{ agency: "Police", period: YEAR, files: ["police.xlsx", "police-v2.xlsx"], differences: ["the rating of standard 5"] }] };
    renderPane(<CollationPanel operations={fakeOperations({ collateFiles: async () => ({ result, summary: collateSummary(result) }) })} />);
    const collate = screen.getByRole("region", { name: "Collate returns" });
    fireEvent.change(collate.querySelector<HTMLInputElement>('input[type="file"]')!, { target: { files: [new File(["a"], "police.xlsx")] } });
    const status = await within(collate).findByRole("group", { name: "Collated" });
    expect(collate.textContent).toContain("1 agency's audits disagree, so none of them is collated: Police (police.xlsx and police-v2.xlsx).");
    // The one-line summary says it too.
    expect(status.textContent).toContain("1 audit that disagrees with another");
  });
});
