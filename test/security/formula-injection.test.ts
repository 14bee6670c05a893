/**
 * Text is never written as a formula, through either adapter. Agency names, indicator labels
 * and commentary come from files other people wrote; a label such as =HYPERLINK(...) or
 * "=cmd|' /C calc'!A0" must reach the workbook as the text it is (CSV/formula injection), and so
 * must text Excel would otherwise convert ("+cmd", "-1+2", "@SUM(A1)", "12", "TRUE", "50%").
 * Only a plan's { formula } values are formulas.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { indicatorWorkbookPlan } from "../../src/cli/verbs/ingest";
import type { WorkbookSnapshot } from "../../src/core/plan/snapshot";
import type { PlanValue, WorkbookPlan } from "../../src/core/plan/plan";
import { ingestWorkbook } from "../../src/core/ingest";
import { applyRag, RagRuleSchema } from "../../src/core/rag";
import { renderPlan } from "../../src/excel";
import { readWorkbookBuffer, renderPlanToXlsx, snapshotXlsx } from "../../src/files";
import { runCli } from "../bad-input/cli-run";
import { CORPUS } from "../bad-input/corpus";
import { ExcelHost } from "../excel-host";

const HOSTILE_TEXT = [
  '=HYPERLINK("http://x","y")',
  "=cmd|' /C calc'!A0",
  "=1+1",
  "+cmd",
  "-1+2",
  "@SUM(A1)",
  "+",
  "-",
  "=",
  "@",
  "'=1",
  " =1",
  "\t=1",
  "=SUM(1)\n",
  "＝1+1",
  "12",
  "0012",
  "1e3",
  "TRUE",
  "false",
  "50%",
  "#N/A",
  "Apr-25",
  "1/2",
  "<script>alert(1)</script>",
];

function planOf(values: PlanValue[]): WorkbookPlan {
  return { sheets: [{ name: "Agency text", blocks: [{ at: "A1", values: values.map((v) => [v]) }] }] };
}

function expectText(snapshot: WorkbookSnapshot, sheet: string, texts: string[]): void {
  const cells = snapshot.sheets.find((s) => s.name === sheet)?.cells ?? {};
  texts.forEach((text, i) => {
    const cell = cells[`A${i + 1}`];
    expect({ text, formula: cell?.formula, value: cell?.value }).toEqual({ text, formula: undefined, value: text });
  });
}

test("through the Excel adapter, every such text is stored as that text, not a formula or a number", async () => {
  const host = new ExcelHost();
  await renderPlan(host.context, planOf(HOSTILE_TEXT));
  expectText(host.snapshot(), "Agency text", HOSTILE_TEXT);
});

test("through the file adapter, likewise", async () => {
  expectText(await snapshotXlsx(await renderPlanToXlsx(planOf(HOSTILE_TEXT))), "Agency text", HOSTILE_TEXT);
});

test("only a plan's { formula } values are formulas, in both adapters", async () => {
  const plan = planOf(["=1+1", { formula: "1+1" }]);
  const host = new ExcelHost();
  await renderPlan(host.context, plan);
  for (const snapshot of [host.snapshot(), await snapshotXlsx(await renderPlanToXlsx(plan))]) {
    const cells = snapshot.sheets.find((s) => s.name === "Agency text")?.cells ?? {};
    expect(cells["A1"]).toMatchObject({ value: "=1+1" });
    expect(cells["A1"]?.formula).toBeUndefined();
    expect(cells["A2"]).toMatchObject({ value: null, formula: "1+1" });
  }
});

/** Every cell of every sheet whose formula mentions one of the hostile texts' payloads. */
function injected(snapshot: WorkbookSnapshot): string[] {
  const out: string[] = [];
  for (const sheet of snapshot.sheets) {
    for (const [address, cell] of Object.entries(sheet.cells)) {
      if (cell.formula && /HYPERLINK|cmd|SUM\(1\)|script/i.test(cell.formula)) out.push(`${sheet.name}!${address}: =${cell.formula}`);
    }
  }
  return out;
}

describe("a workbook whose labels are formula text, ingested and written back", () => {
  const file = CORPUS.find((f) => f.name === "hostile-names.xlsx");
  if (!file) throw new Error("the corpus lost hostile-names.xlsx");
  let dir = "";
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sgp-injection-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the CLI's --out workbook holds the labels as text (file adapter)", async () => {
    const input = path.join(dir, file.name);
    fs.writeFileSync(input, await file.bytes());
    const { code } = await runCli("ingest", input, "--json", path.join(dir, "out.json"), "--out", path.join(dir, "out.xlsx"));
    expect(code).toBe(0);
    const snapshot = await snapshotXlsx(fs.readFileSync(path.join(dir, "out.xlsx")));
    expect(injected(snapshot)).toEqual([]);
    const values = snapshot.sheets.flatMap((s) => Object.values(s.cells).map((c) => c.value));
    expect(values).toContain('=HYPERLINK("http://x","y")');
  });

  test("the indicator sheets written into Excel hold the labels as text (Excel adapter)", async () => {
    const book = await readWorkbookBuffer(await file.bytes(), file.name);
    const detail = ingestWorkbook(book);
    const rule = RagRuleSchema.parse({});
    const plan = indicatorWorkbookPlan({ observations: applyRag(detail.observations, detail.indicators, rule), indicators: detail.indicators, warnings: detail.warnings }, rule);
    const host = new ExcelHost();
    await renderPlan(host.context, plan);
    const snapshot = host.snapshot();
    expect(injected(snapshot)).toEqual([]);
    const values = snapshot.sheets.flatMap((s) => Object.values(s.cells).map((c) => c.value));
    expect(values).toContain('=HYPERLINK("http://x","y")');
  });
});
