import { runCli as run, sha256File as sha } from "./run-cli";
/**
 * Section 11 audits on the command line (../shared/contract/CLI.md): `template --kind s11`,
 * `validate` and `collate` recognising audits by their specification, and the action log carried
 * from one collation to the next with `--log`, never changing the file it reads.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { day, fillWell, openAudit } from "../core/s11/kit";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sgp-s11-cli-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
const at = (name: string) => path.join(dir, name);
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, "utf8")) as T;

function expectOnePlainLine(err: string): void {
  expect(err.trim().split("\n")).toHaveLength(1);
  expect(err).not.toMatch(/\bat .+\(.*:\d+:\d+\)/);
}

async function template(agency: string, name: string): Promise<string> {
  const out = at(name);
  const r = await run("template", "--kind", "s11", "--agency", agency, "--period", "2025/26", "--due", "2025-10-31", "--partnership", "Northshire Safeguarding Children Partnership", "--out", out);
  expect(r.code).toBe(0);
  return out;
}

/** The lead's work: the template opened, filled well, then `edit`ed, and saved under a new name. */
async function fill(file: string, name: string, edit: (d: Awaited<ReturnType<typeof openAudit>>) => void = () => undefined): Promise<string> {
  const d = await openAudit(fs.readFileSync(file));
  fillWell(d);
  edit(d);
  const out = at(name);
  await d.wb.xlsx.writeFile(out);
  return out;
}

describe("template --kind s11", () => {
  test("writes an audit with no indicator set, and says what it wrote", async () => {
    const out = at("police-template.xlsx");
    const r = await run("template", "--kind", "s11", "--agency", "Police", "--period", "2025/26", "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`Wrote ${out}: the Section 11 self-audit for Police, 2025/26, with the nine standards and room for 27 actions.\n`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Audit", "Actions", "Audit checks", "_spec"]);
  });

  test("a return without an indicator set, an unknown kind, and a period that is not one, each get one plain line", async () => {
    for (const args of [
      ["template", "--agency", "Police", "--period", "2025/26", "--out", at("x.xlsx")],
      ["template", "--kind", "annual", "--agency", "Police", "--period", "2025/26", "--out", at("x.xlsx")],
      ["template", "--kind", "s11", "--agency", "Police", "--period", "next year", "--out", at("x.xlsx")],
    ]) {
      const r = await run(...args);
      expect(r.code).toBe(2);
      expectOnePlainLine(r.err);
    }
    expect((await run("template", "--agency", "Police", "--period", "2025/26", "--out", at("x.xlsx"))).err).toContain("give it with --indicators SET (or use --kind s11");
    expect(fs.existsSync(at("x.xlsx"))).toBe(false);
  });
});

describe("validate on an audit", () => {
  test("a well-filled audit: exit 0, the JSON says it is an audit and gives its answers; the file is unchanged", async () => {
    const file = await fill(await template("Police", "p-t.xlsx"), "police-filled.xlsx");
    const before = sha(file);
    const json = at("police-validate.json");
    const r = await run("validate", file, "--json", json);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Police's Section 11 audit, 2025/26: 0 errors, 0 queries, 0 warnings");
    const out = readJson<{ kind: string; valid: boolean; agency: string; issues: unknown[]; audit: { actions: unknown[] } }>(json);
    expect(out).toMatchObject({ kind: "section-11-audit", valid: true, agency: "Police", issues: [] });
    expect(out.audit.actions).toHaveLength(3);
    expect(sha(file)).toBe(before);
  });

  test("an audit with slips: exit 1, each issue with its sheet and cell; a query is a warning the contract's readers understand", async () => {
    const file = await fill(await template("Police", "p-t2.xlsx"), "police-slips.xlsx", (d) => {
      d.standard(7, "evidence").value = null;
      d.action(1, "owner").value = null;
      d.action(1, "standard").value = 4;
    });
    const json = at("slips.json");
    const r = await run("validate", file, "--json", json);
    expect(r.code).toBe(1);
    const out = readJson<{ valid: boolean; issues: { code: string; severity: string; kind: string; sheet: string; cell: string }[] }>(json);
    expect(out.issues.map((i) => [i.code, i.severity, i.kind, `${i.sheet}!${i.cell}`])).toEqual([
      ["S11-024", "warning", "query", "Audit!D23"],
      ["S11-022", "error", "error", "Audit!E25"],
      ["S11-031", "error", "error", "Actions!D7"],
    ]);
  });
});

describe("collate with audits and the action log", () => {
  let police: string;
  let health: string;
  beforeAll(async () => {
    police = await fill(await template("Police", "police-t.xlsx"), "police-s11.xlsx");
    health = await fill(await template("Health", "health-t.xlsx"), "health-s11.xlsx", (d) => {
      for (const k of [1, 2, 3]) d.addAction(k, null, null, null, null);
      d.standard(5, "rating").value = "Fully met";
      d.standard(6, "rating").value = "Fully met";
    });
  });

  test("writes the summary, challenge list and action log; the JSON has the log's actions and lists as at --today", async () => {
    const json = at("c1.json");
    const out = at("c1.xlsx");
    const r = await run("collate", police, health, "--json", json, "--out", out, "--today", "2026-01-15");
    expect(r.code).toBe(0);
    expect(r.out).toContain("2 Section 11 audits among them, 2 collated");
    expect(r.out).toContain("3 actions in the log, 3 new; 1 overdue, 0 due soon");
    const result = readJson<{ submissions: { kind: string }[]; actionLog: { actions: { id: string }[]; due: { asAt: string; overdue: { action: { id: string } }[] }; base?: unknown } }>(json);
    expect(result.submissions.map((s) => s.kind)).toEqual(["section-11-audit", "section-11-audit"]);
    expect(result.actionLog.actions.map((a) => a.id)).toEqual(["S11 2025/26 Police #1", "S11 2025/26 Police #2", "S11 2025/26 Police #3"]);
    expect(result.actionLog.due).toMatchObject({ asAt: "2026-01-15", overdue: [{ action: { id: "S11 2025/26 Police #2" } }] });
    expect(result.actionLog.base).toBeUndefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Submissions", "Collated observations", "S11 summary", "S11 challenge list", "Action log", "Actions due", "Missing and conflicts", "Issues", "_actionlog"]);
  });

  test("--log carries the log forward with a status typed by hand; the log file is only read", async () => {
    const first = at("c2.xlsx");
    expect((await run("collate", police, health, "--json", at("c2.json"), "--out", first, "--today", "2026-01-15")).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(first);
    const log = wb.getWorksheet("Action log")!;
    log.eachRow((row) => {
      if (row.getCell(1).value === "S11 2025/26 Police #2") {
        row.getCell(9).value = "Complete";
        row.getCell(10).value = "References re-checked; starter checklist changed.";
      }
    });
    const kept = at("c2-kept.xlsx");
    await wb.xlsx.writeFile(kept);
    const before = sha(kept);

    const json = at("c3.json");
    const out = at("c3.xlsx");
    const r = await run("collate", police, health, "--json", json, "--out", out, "--log", kept, "--today", "2026-01-15");
    expect(r.code).toBe(0);
    expect(sha(kept)).toBe(before);
    const result = readJson<{ actionLog: { actions: { id: string; status: string; evidence: string }[]; due: { overdue: unknown[] }; changes: { fresh: boolean; added: string[] } } }>(json);
    expect(result.actionLog.actions.find((a) => a.id === "S11 2025/26 Police #2")).toMatchObject({ status: "Complete", evidence: "References re-checked; starter checklist changed." });
    expect(result.actionLog.changes).toMatchObject({ fresh: false, added: [] });
    expect(result.actionLog.due.overdue).toEqual([]);
  });

  test("--out naming the --log file, a --log file with no log, and a --today that is not a date: one plain line each", async () => {
    const noLog = police;
    const cases: [string[], RegExp][] = [
      [["collate", police, "--json", at("e1.json"), "--out", at("c1.xlsx"), "--log", at("c1.xlsx")], /is the input file itself/],
      [["collate", police, "--json", at("e2.json"), "--log", noLog], /has no action log/],
      [["collate", police, "--json", at("e3.json"), "--today", "15/01/2026"], /--today 15\/01\/2026 is not a date written YYYY-MM-DD/],
    ];
    for (const [args, said] of cases) {
      const r = await run(...args);
      expect(r.code).toBe(2);
      expectOnePlainLine(r.err);
      expect(r.err).toMatch(said);
    }
    expect(fs.existsSync(at("e2.json"))).toBe(false);
  });

  test("dates typed by the lead in any common way reach the log as dates", async () => {
    const file = await fill(await template("Police", "p-t3.xlsx"), "police-dates.xlsx", (d) => {
      d.action(1, "due").value = "31/03/2026";
      d.action(2, "due").value = day("2025-12-31");
    });
    const json = at("dates.json");
    expect((await run("collate", file, "--json", json, "--today", "2026-01-15")).code).toBe(0);
    expect(readJson<{ actionLog: { actions: { due: string }[] } }>(json).actionLog.actions.map((a) => a.due)).toEqual(["2026-03-31", "2025-12-31", "2026-02-28"]);
  });
});
