/**
 * The `collate` verb end to end through the command line, per ../shared/contract/CLI.md: returns
 * made with `template` from the sample indicator set and filled in ExcelJS as each agency's lead
 * would; exit codes, the one-line summary, the JSON's fields, the collated workbook, and that
 * no input file is ever changed.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runCli as run, sha256File as sha } from "./run-cli";

const SET = path.join(__dirname, "../../assets/samples/indicator-set.csv");
const AGENCIES = ["Children's Social Care", "Police", "Health", "Education", "Partnership"];

/** Each agency's figures as its lead types them: a number, or [value, numerator, denominator]. */
type Entry = number | string | [number, number, number];
const FIGURES: Record<string, Record<string, Entry>> = {
  "Children's Social Care": { CSC01: 15, CSC02: [92, 46, 50], CSC03: 88, CSC04: 12, CSC05: 3, CSC06: 41.2, CSC07: 75 },
  Police: { POL01: 212, POL02: [96.5, 193, 200], POL03: 14, POL04: 388 },
  Health: { HLT01: 93, HLT02: 57, HLT03: 96 },
  Education: { EDU01: 31, EDU02: 100, EDU03: 2 },
  Partnership: { PTN01: 90, PTN02: 420, PTN03: 84, PTN04: 77 },
};

let dir: string;
const templates = new Map<string, string>();
const at = (name: string): string => path.join(dir, name);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sgp-collate-cli-"));
  for (const [i, agency] of AGENCIES.entries()) {
    const out = at(`template-${i}.xlsx`);
    const r = await run("template", "--indicators", SET, "--agency", agency, "--period", "Q1 2025/26", "--out", out);
    expect(r.code).toBe(0);
    templates.set(agency, out);
  }
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function expectOnePlainLine(err: string): void {
  expect(err.trim().split("\n")).toHaveLength(1);
  expect(err).not.toMatch(/\bat .+\(.*:\d+:\d+\)/);
}

/** The agency's return, filled with its figures and then `changes` (by indicator ID), saved as `name`. */
async function fill(agency: string, name: string, changes: Record<string, Entry> = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(templates.get(agency)!);
  const ws = wb.getWorksheet("Return")!;
  const row = (id: string): number => {
    for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(`A${r}`).value === id) return r;
    throw new Error(`no row for ${id}`);
  };
  for (const [id, entry] of Object.entries({ ...FIGURES[agency], ...changes })) {
    const r = row(id);
    if (Array.isArray(entry)) {
      ws.getCell(`G${r}`).value = entry[0];
      ws.getCell(`H${r}`).value = entry[1];
      ws.getCell(`I${r}`).value = entry[2];
    } else ws.getCell(`G${r}`).value = entry;
  }
  const out = at(name);
  await wb.xlsx.writeFile(out);
  return out;
}

interface CollateJson {
  submissions: { file: string; agency: string | null; period: { label: string } | null; status: string; errors: number; warnings: number; queries: number; reason: string | null; issues: { code: string; cell: string | null }[] }[];
  observations: { indicatorId: string; agency: string; value: number | null; source: { file: string; sheet: string; cell: string } }[];
  missing: string[];
  conflicts: { indicatorId: string; agency: string; period: { label: string }; values: unknown[]; files: string[] }[];
  duplicates: { kept: string; repeatedIn: string[]; indicatorIds: string[] }[];
  notes: string[];
}

function readJson(file: string): CollateJson {
  return JSON.parse(fs.readFileSync(file, "utf8")) as CollateJson;
}

describe("collate", () => {
  test("every agency's return accepted: exit 0, every figure once, the workbook written, no input changed", async () => {
    const files = await Promise.all(AGENCIES.map((a, i) => fill(a, `ok-${i}.xlsx`)));
    const before = [...files, SET].map(sha);
    const json = at("ok.json");
    const xlsx = at("ok-collated.xlsx");
    const r = await run("collate", ...files, "--indicators", SET, "--json", json, "--out", xlsx);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toBe(`5 returns: 5 accepted, 0 rejected; no agency missing; no conflicts. Details in ${json} and ${xlsx}.\n`);
    expect([...files, SET].map(sha)).toEqual(before);

    const out = readJson(json);
    expect(Object.keys(out).slice(0, 4)).toEqual(["submissions", "observations", "missing", "conflicts"]);
    expect(out.submissions.map((s) => [s.file, s.agency, s.period?.label, s.status, s.errors, s.warnings])).toEqual(
      AGENCIES.map((a, i) => [`ok-${i}.xlsx`, a, "Q1 2025/26", "accepted", 0, 0]),
    );
    expect(out.observations).toHaveLength(21);
    expect(new Set(out.observations.map((o) => o.indicatorId)).size).toBe(21);
    expect(out.observations.find((o) => o.indicatorId === "POL02")).toMatchObject({ agency: "Police", value: 96.5, source: { file: "ok-1.xlsx", sheet: "Return" } });
    expect(out).toMatchObject({ missing: [], conflicts: [] });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Submissions", "Collated observations", "Missing and conflicts", "Issues"]);
    expect(wb.getWorksheet("Collated observations")!.rowCount).toBe(22);
  });

  test("a rejected return, a missing agency, a repeat and a conflict: exit 1, all said in one line and in the JSON", async () => {
    const files = [
      await fill("Children's Social Care", "csc.xlsx"),
      await fill("Police", "police.xlsx"),
      await fill("Police", "police-resent.xlsx", { POL03: 15 }),
      await fill("Health", "health.xlsx", { HLT02: "about fifty" }),
      await fill("Education", "education.xlsx"),
    ];
    const before = files.map(sha);
    const json = at("mixed.json");
    const r = await run("collate", ...files, "--indicators", SET, "--json", json);
    expect(r.code).toBe(1);
    expect(r.err).toBe("");
    expect(r.out).toBe(`5 returns: 4 accepted, 1 rejected; 1 agency missing (Partnership); 1 conflict; 3 figures sent more than once, counted once. Details in ${json}.\n`);
    expect(files.map(sha)).toEqual(before);

    const out = readJson(json);
    const health = out.submissions.find((s) => s.file === "health.xlsx")!;
    expect(health).toMatchObject({ agency: "Health", status: "rejected", errors: 1 });
    expect(health.issues).toEqual([expect.objectContaining({ code: "RET023" })]);
    expect(out.observations.filter((o) => o.agency === "Health")).toEqual([]);
    // Health sent a return (rejected): it is not missing; Partnership sent nothing.
    expect(out.missing).toEqual(["Partnership"]);
    expect(out.conflicts).toEqual([expect.objectContaining({ indicatorId: "POL03", agency: "Police", values: [14, 15], files: ["police.xlsx", "police-resent.xlsx"] })]);
    const police = out.observations.filter((o) => o.agency === "Police");
    expect(police.map((o) => [o.indicatorId, o.source.file])).toEqual([
      ["POL01", "police.xlsx"],
      ["POL02", "police.xlsx"],
      ["POL04", "police.xlsx"],
    ]);
    expect(out.duplicates).toEqual([expect.objectContaining({ kept: "police.xlsx", repeatedIn: ["police-resent.xlsx"], indicatorIds: ["POL01", "POL02", "POL04"] })]);
  });

  test("a file that is not a spreadsheet among the returns: listed as rejected with its reason, the others collate", async () => {
    const files = [await fill("Police", "pol.xlsx"), at("scan.xlsx")];
    fs.writeFileSync(files[1]!, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    const before = files.map(sha);
    const json = at("scan.json");
    const r = await run("collate", ...files, "--json", json);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^2 returns: 1 accepted, 1 rejected; missing returns not checked \(no indicator set given\); no conflicts\./);
    expect(files.map(sha)).toEqual(before);
    const out = readJson(json);
    expect(out.submissions[1]).toMatchObject({ file: "scan.xlsx", agency: null, status: "rejected", errors: 1 });
    expect(out.submissions[1]!.reason).toContain('"scan.xlsx" is neither an Excel workbook (.xlsx) nor a CSV text file');
    expect(out.observations).toHaveLength(4);
  });

  test("the same file named twice is read once", async () => {
    const file = await fill("Education", "edu.xlsx");
    const json = at("twice.json");
    const r = await run("collate", file, path.join(dir, ".", "edu.xlsx"), "--json", json);
    expect(r.code).toBe(0);
    expect(readJson(json).submissions).toHaveLength(1);
  });

  test("two returns with the same name in different folders are told apart by their paths", async () => {
    fs.mkdirSync(at("a"), { recursive: true });
    fs.mkdirSync(at("b"), { recursive: true });
    const one = at("a/return.xlsx");
    const two = at("b/return.xlsx");
    fs.copyFileSync(await fill("Health", "h.xlsx"), one);
    fs.copyFileSync(await fill("Education", "e.xlsx"), two);
    const json = at("folders.json");
    expect((await run("collate", one, two, "--json", json)).code).toBe(0);
    expect(readJson(json).submissions.map((s) => s.file)).toEqual([one, two]);
  });

  test("no file can be read as a return: exit 2, one plain sentence, no JSON", async () => {
    const text = at("notes.txt");
    fs.writeFileSync(text, "Police figures to follow next week.\n");
    const pdf = at("scan.pdf");
    fs.writeFileSync(pdf, Buffer.from("%PDF-1.4\u0000\u0001\u0002\u0003", "latin1"));
    const json = at("none.json");
    const r = await run("collate", text, pdf, "--json", json);
    expect(r.code).toBe(2);
    expectOnePlainLine(r.err);
    expect(r.err).toMatch(/^None of the 2 files could be read as a return; the first: "notes\.txt" is not a return made from a partnership template/);
    expect(fs.existsSync(json)).toBe(false);
  });

  test("an output naming an input is refused, and the input is untouched", async () => {
    const file = await fill("Police", "keep.xlsx");
    const before = sha(file);
    const a = await run("collate", file, "--json", at("k.json"), "--out", file);
    expect(a.code).toBe(2);
    expectOnePlainLine(a.err);
    expect(a.err).toContain("--out");
    const b = await run("collate", file, "--indicators", SET, "--json", SET);
    expect(b.code).toBe(2);
    expectOnePlainLine(b.err);
    expect(sha(file)).toBe(before);
    const c = await run("collate", file, "--json", at("same.out"), "--out", at("same.out"));
    expect(c.code).toBe(2);
    expect(c.err).toContain("--out and --json both name");
  });

  test("unusable arguments: a path that does not exist, a set naming no agencies: exit 2, one line", async () => {
    const file = await fill("Police", "arg.xlsx");
    const missing = await run("collate", file, at("nowhere.xlsx"), "--json", at("m.json"));
    expect(missing.code).toBe(2);
    expectOnePlainLine(missing.err);
    expect(missing.err).toContain("nowhere.xlsx");
    expect(fs.existsSync(at("m.json"))).toBe(false);

    const noAgencies = at("no-agencies.csv");
    fs.writeFileSync(noAgencies, "Indicator ID,Indicator\nX1,Something counted\n");
    const r = await run("collate", file, "--indicators", noAgencies, "--json", at("n.json"));
    expect(r.code).toBe(2);
    expectOnePlainLine(r.err);
    expect(r.err).toContain("names no agencies");
  });
});
