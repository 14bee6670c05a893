import { runCli as run, sha256File as sha } from "./run-cli";
/**
 * The `template` and `validate` verbs, end to end through the command line, per
 * ../shared/contract/CLI.md: exit codes, one plain line on stderr for unusable input, the JSON's
 * fields, and that validating never changes the file.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";

const SET = path.join(__dirname, "../../assets/samples/indicator-set.csv");
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sgp-returns-cli-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});


const at = (name: string) => path.join(dir, name);

function expectOnePlainLine(err: string): void {
  expect(err.trim().split("\n")).toHaveLength(1);
  expect(err).not.toMatch(/\bat .+\(.*:\d+:\d+\)/);
}

async function makeTemplate(name: string, agency = "Police"): Promise<string> {
  const out = at(name);
  const r = await run("template", "--indicators", SET, "--agency", agency, "--period", "Q1 2025/26", "--out", out, "--due", "2025-07-31");
  expect(r.code).toBe(0);
  return out;
}

/** Fills the Police return (POL01-POL04) as its lead would, then `edit`s it. */
async function fillPolice(template: string, name: string, edit: (ws: ExcelJS.Worksheet, row: (id: string) => number) => void = () => undefined): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.getWorksheet("Return")!;
  const row = (id: string): number => {
    for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(`A${r}`).value === id) return r;
    throw new Error(`no row for ${id}`);
  };
  ws.getCell(`G${row("POL01")}`).value = 212;
  ws.getCell(`G${row("POL02")}`).value = 96.5;
  ws.getCell(`H${row("POL02")}`).value = 193;
  ws.getCell(`I${row("POL02")}`).value = 200;
  ws.getCell(`G${row("POL03")}`).value = 14;
  ws.getCell(`G${row("POL04")}`).value = 388;
  edit(ws, row);
  const out = at(name);
  await wb.xlsx.writeFile(out);
  return out;
}

describe("template", () => {
  test("writes the agency's return with its ReturnData table and says what it wrote", async () => {
    const out = at("police.xlsx");
    const r = await run("template", "--indicators", SET, "--agency", "police", "--period", "Q1 2025/26", "--out", out);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toContain("the Q1 2025/26 return for Police, with 4 indicators");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("Return")).toBeDefined();
    expect(wb.getWorksheet("_spec")!.state).toBe("veryHidden");
    const tables = (wb.getWorksheet("Return") as unknown as { tables: Record<string, unknown> }).tables;
    expect(Object.keys(tables)).toContain("ReturnData");
  });

  test("an agency not in the set: exit 2, one line listing the set's agencies", async () => {
    const r = await run("template", "--indicators", SET, "--agency", "Fire Service", "--period", "Q1 2025/26", "--out", at("fire.xlsx"));
    expect(r.code).toBe(2);
    expectOnePlainLine(r.err);
    expect(r.err).toContain(`There is no agency "Fire Service"`);
    expect(r.err).toContain("Children's Social Care, Police, Health, Education, Partnership");
    expect(fs.existsSync(at("fire.xlsx"))).toBe(false);
  });

  test("a period that cannot be read, or a bad due date: exit 2, one line", async () => {
    const bad = await run("template", "--indicators", SET, "--agency", "Police", "--period", "sometime soon", "--out", at("x.xlsx"));
    expect(bad.code).toBe(2);
    expectOnePlainLine(bad.err);
    expect(bad.err).toContain('"sometime soon" is not a period');
    const due = await run("template", "--indicators", SET, "--agency", "Police", "--period", "Q1 2025/26", "--out", at("x.xlsx"), "--due", "2025-02-30");
    expect(due.code).toBe(2);
    expectOnePlainLine(due.err);
    expect(due.err).toContain("--due 2025-02-30 is not a date");
  });

  test("the period is read by the period parser: 2025/26 is the financial year", async () => {
    const out = at("year.xlsx");
    expect((await run("template", "--indicators", SET, "--agency", "Health", "--period", "2025-26", "--out", out)).code).toBe(0);
    const json = at("year.json");
    await run("validate", out, "--json", json);
    expect(JSON.parse(fs.readFileSync(json, "utf8")).period).toEqual({ start: "2025-04-01", end: "2026-03-31", label: "2025/26" });
  });
});

describe("validate", () => {
  test("a correct return: exit 0, valid JSON per the contract, and the file is unchanged", async () => {
    const filled = await fillPolice(await makeTemplate("t1.xlsx"), "ok.xlsx");
    const before = sha(filled);
    const json = at("ok.json");
    const r = await run("validate", filled, "--json", json);
    expect(r.code).toBe(0);
    expect(sha(filled)).toBe(before);
    const out = JSON.parse(fs.readFileSync(json, "utf8"));
    expect(out).toMatchObject({ valid: true, agency: "Police", period: { start: "2025-04-01", end: "2025-06-30", label: "Q1 2025/26" }, issues: [] });
    expect(out.observations).toHaveLength(4);
  });

  test("a return with errors: exit 1, every issue with code, severity, sheet, cell and message; file unchanged", async () => {
    const filled = await fillPolice(await makeTemplate("t2.xlsx"), "bad.xlsx", (ws, row) => {
      ws.getCell(`G${row("POL02")}`).value = 104;
      ws.getCell(`G${row("POL03")}`).value = -1;
    });
    const before = sha(filled);
    const json = at("bad.json");
    const r = await run("validate", filled, "--json", json);
    expect(r.code).toBe(1);
    expect(sha(filled)).toBe(before);
    const out = JSON.parse(fs.readFileSync(json, "utf8"));
    expect(out.valid).toBe(false);
    for (const issue of out.issues) {
      expect(Object.keys(issue)).toEqual(expect.arrayContaining(["code", "severity", "sheet", "cell", "message"]));
      expect(["error", "warning"]).toContain(issue.severity);
    }
    expect(out.issues.map((i: { code: string; severity: string; kind: string }) => [i.code, i.severity, i.kind])).toEqual([
      ["RET027", "error", "error"],
      ["RET025", "error", "error"],
    ]);
    expect(r.out).toContain("Police, Q1 2025/26: 2 errors, 0 queries, 0 warnings");
    expect(out.issues.find((i: { code: string }) => i.code === "RET027").message).toMatch(/^Return!G\d+: the value for POL02 'Strategy discussions attended by police within 1 working day \(%\)' is 104; a percentage must be between 0 and 100\.$/);
  });

  test("a query is written as severity warning, kind query, and does not make the return invalid", async () => {
    const filled = await fillPolice(await makeTemplate("t3.xlsx"), "query.xlsx", (ws, row) => {
      ws.getCell(`G${row("POL02")}`).value = 80; // target 95, higher is better: red
      ws.getCell(`H${row("POL02")}`).value = 160;
    });
    const json = at("query.json");
    const r = await run("validate", filled, "--json", json);
    expect(r.code).toBe(0);
    const out = JSON.parse(fs.readFileSync(json, "utf8"));
    expect(out.valid).toBe(true);
    expect(out.issues).toEqual([expect.objectContaining({ code: "RET040", severity: "warning", kind: "query", explainInCommentary: true })]);
  });

  test("a workbook that is not a return: exit 2, one plain sentence, no JSON", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Data").addRow(["Indicator", "Value"]);
    const file = at("plain.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await run("validate", file, "--json", at("plain.json"));
    expect(r.code).toBe(2);
    expectOnePlainLine(r.err);
    expect(r.err).toContain('"plain.xlsx" is not a return made from a partnership template');
    expect(fs.existsSync(at("plain.json"))).toBe(false);
  });

  test("a file that is not a spreadsheet, and a damaged one: exit 2, one plain sentence each", async () => {
    const png = at("picture.xlsx");
    fs.writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
    const a = await run("validate", png, "--json", at("p.json"));
    expect(a.code).toBe(2);
    expectOnePlainLine(a.err);

    const whole = fs.readFileSync(await makeTemplate("t4.xlsx"));
    const broken = at("broken.xlsx");
    fs.writeFileSync(broken, whole.subarray(0, Math.floor(whole.length / 2)));
    const b = await run("validate", broken, "--json", at("b.json"));
    expect(b.code).toBe(2);
    expectOnePlainLine(b.err);
    expect(b.err).toMatch(/broken\.xlsx/);
  });

  test("a return whose Return sheet was deleted is damaged: exit 2", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await makeTemplate("t5.xlsx"));
    wb.removeWorksheet(wb.getWorksheet("Return")!.id);
    const file = at("nosheet.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await run("validate", file, "--json", at("nosheet.json"));
    expect(r.code).toBe(2);
    expectOnePlainLine(r.err);
    expect(r.err).toContain('it has no sheet named "Return"');
  });

  test("--json naming the return itself is refused, and the return is untouched", async () => {
    const file = await makeTemplate("t6.xlsx");
    const before = sha(file);
    const r = await run("validate", file, "--json", file);
    expect(r.code).toBe(2);
    expectOnePlainLine(r.err);
    expect(sha(file)).toBe(before);
  });
});
