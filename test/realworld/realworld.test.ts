/**
 * Every public spreadsheet in ../shared/real-world/files (nobody here wrote them; sources in
 * SOURCES.tsv) through `ingest`, as a user would run it:
 *
 * - every file gets a plain answer: exit 0 or 1 with a JSON of observations, or exit 2 with one
 *   sentence naming the file; never a crash, a hang or a stack trace;
 * - the children's services files are read right, with expectations written by hand from the
 *   sheets: lists of children, episodes, inspections and requests, code lists and dictionaries are
 *   refused in words; tables by area are read by area, with codes left alone;
 * - no observation anywhere comes from an identifier, a code, a date of birth, a version number or
 *   an inspector's name.
 *
 * The files sit beside the project, not in it: where they are absent (a newcomer's clone) the suite
 * says so in one line and skips.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ingestWorkbook } from "../../src/core/ingest";
import type { IngestResult, Observation } from "../../src/core/model/model";
import { readWorkbookFile } from "../../src/files/node";
import { runCli } from "../cli/run-cli";
import { SHARED_FILES, sharedFile, withSharedFiles } from "../core/opendata/shared";

const it = withSharedFiles("Real-world files");
const files = fs.existsSync(SHARED_FILES) ? fs.readdirSync(SHARED_FILES).filter((f) => !f.startsWith(".")).sort() : [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sgp-realworld-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Outcome {
  code: number;
  err: string;
  result: IngestResult | null;
}

const outcomes = new Map<string, Outcome>();

/** `ingest` as a user runs it, once per file (later tests read the same outcome). */
async function ingest(name: string, ...extra: string[]): Promise<Outcome> {
  const key = [name, ...extra].join(" ");
  const known = outcomes.get(key);
  if (known) return known;
  const json = path.join(dir, `${name}.${outcomes.size}.json`);
  const { code, err } = await runCli("ingest", sharedFile(name), "--json", json, ...extra);
  const result = code === 2 ? null : (JSON.parse(fs.readFileSync(json, "utf8")) as IngestResult);
  const outcome = { code, err, result };
  outcomes.set(key, outcome);
  return outcome;
}

/** The observation read from a cell. A CSV's one sheet is named by the file (cut to Excel's 31 characters), so `null` means "the only sheet". */
function at(result: IngestResult | null, sheet: string | null, cell: string): Observation {
  const found = result?.observations.find((o) => (sheet === null || o.source.sheet === sheet) && o.source.cell === cell);
  if (!found) throw new Error(`no observation at ${sheet}!${cell}`);
  return found;
}

describe("every real-world file gets a plain answer", () => {
  it.each(files.length ? files : ["(none)"])("%s", async (name) => {
    const { code, err, result } = await ingest(name);
    expect([0, 1, 2]).toContain(code);
    expect(err).not.toMatch(/\bat .+:\d+:\d+|Something went wrong inside the tool/);
    if (code === 2) {
      expect(err.trim().split("\n")).toHaveLength(1);
      expect(err).toContain(name);
    } else {
      expect(result!.observations.length).toBeGreaterThan(0);
      // Exit 0 only when nothing is in doubt; exit 1 lists what is.
      if (code === 1) expect(err).toMatch(/was read, but some of it is in doubt/);
      else expect(err).toBe("");
    }
  }, 120_000);
});

describe("lists that are not indicator tables are refused in words", () => {
  const refused: [string, RegExp][] = [
    ["liia-Annex_A.xlsx", /one row per child, case or episode/],
    ["liia-S251_placement_costs.csv", /one row per child, case or episode/],
    ["liia-SSDA903_2020_episodes.csv", /one row per child, case or episode/],
    ["csdm-uasc.csv", /one row per child, case or episode/],
    ["ilacs-ofsted_csc_ilacs_overview.xlsx", /a register/],
    ["foi-foi_csc_requests_summary.csv", /a register/],
    ["lait-la_code_list.xlsx", /a list of codes and names/],
    ["lait-LAIT_Data_Dictionary.xlsx", /a list of definitions/],
  ];
  it.each(refused)("%s", async (name, says) => {
    const { code, err } = await ingest(name);
    expect(code).toBe(2);
    expect(err).toMatch(says);
  });

  it("refuses the statistical-neighbour lists as figures (the benchmark verb reads them)", async () => {
    for (const name of ["lait-sn_may_2025.xlsx", "send-stat_neighbours.csv"]) expect((await ingest(name)).code).toBe(2);
  });
});

describe("tables by area are read by area (values written down from the sheets)", () => {
  it("liia-growth_rate_table.xlsx: boroughs down, years across; the measure is unnamed, so the reading is in doubt", async () => {
    const { code, err, result } = await ingest("liia-growth_rate_table.xlsx");
    expect(code).toBe(1);
    expect(err).toMatch(/INGEST_MEASURE_FROM_FILE_NAME/);
    expect(result!.observations).toHaveLength(42);
    const b2 = at(result, "Sheet1", "B2");
    expect([b2.area?.name, b2.area?.code, b2.period.start, b2.period.end, b2.value, b2.agency]).toEqual(["Havering", "E09000016", "2020-01-01", "2020-12-31", 0.0118, null]);
    const h7 = at(result, "Sheet1", "H7");
    expect([h7.area?.name, h7.period.label, h7.value]).toEqual(["Waltham Forest", "2026", 0.0058]);
  });

  it("liia-population_growth_table.xlsx", async () => {
    const { result } = await ingest("liia-population_growth_table.xlsx");
    const c3 = at(result, "Sheet1", "C3");
    expect([c3.area?.name, c3.period.label, c3.value]).toEqual(["Havering", "2021", 220150]);
    expect(new Set(result!.observations.map((o) => o.area?.name)).size).toBe(6);
  });

  it("liia-CSWW_LALevelVacancies_merged.csv: three measures across, the year and the authority in columns", async () => {
    const { code, result } = await ingest("liia-CSWW_LALevelVacancies_merged.csv");
    expect(code).toBe(0);
    const a2 = at(result, null, "A2");
    expect([a2.indicator, a2.area?.name, a2.area?.oldCode, a2.period.label, a2.value]).toEqual(["NumberOfVacancies", "Barking and Dagenham", "301", "2022", 79.68]);
    const c3 = at(result, null, "C3");
    expect([c3.indicator, c3.period.label, c3.value]).toEqual(["NoAgencyHeadcount", "2021", 100]);
    expect(result!.observations).toHaveLength(6);
  });

  it("liia-FTESum_2020.xlsx: the seniority code is never a figure; its name breaks the figure down", async () => {
    const { result } = await ingest("liia-FTESum_2020.xlsx");
    expect(result!.observations.map((o) => [o.source.cell, o.indicator, o.area?.name, o.breakdown, o.value])).toEqual([
      ["E2", "FTESum", "Barking and Dagenham", { SeniorityName: "Agency" }, 3.53408],
    ]);
  });

  it("liia-pivotTable.xlsx: gender and ethnicity break each figure down", async () => {
    const { code, result } = await ingest("liia-pivotTable.xlsx");
    expect(code).toBe(0);
    expect(result!.observations).toHaveLength(8);
    const f5 = at(result, "Sheet1", "F5");
    expect([f5.indicator, f5.area?.name, f5.breakdown, f5.value]).toEqual(["SWENo_Count", "Barking and Dagenham", { Gender: "not specified (indeterminate; unable to be classified as either male or female)", Ethnicity_Compact: "Any Other White Background" }, 1]);
  });

  it("liia-seniority_forecast_04_clean.xlsx: years across, the code column left alone", async () => {
    const { result } = await ingest("liia-seniority_forecast_04_clean.xlsx");
    expect(result!.observations.map((o) => o.source.cell)).toEqual(["D2", "E2", "F2", "G2", "H2", "I2"]);
    expect(result!.observations.every((o) => o.area?.name === "Barking and Dagenham" && o.breakdown?.["SeniorityName"] === "Agency")).toBe(true);
  });

  it("offsen-130722: tables by authority with no period anywhere are refused with the way to read them, and read once the period is given", async () => {
    const name = "offsen-130722_outputs_SAFE_suppressed_FINAL.xlsx";
    const without = await ingest(name);
    expect(without.code).toBe(2);
    expect(without.err).toMatch(/give it \(--period on the command line/);
    const given = await ingest(name, "--period", "2021/22");
    const b2 = at(given.result, "No_pupils_sclLA(SAFE)", "B2");
    expect([b2.indicator, b2.area?.name, b2.period.label, b2.value]).toEqual(["all", "Birmingham", "2021/22", 36158]);
    const suppressed = at(given.result, "scl_with_dif_hm(SAFE)", "G3");
    expect([suppressed.area?.name, suppressed.status, suppressed.mark]).toEqual(["Bradford", "suppressed", "*"]);
  });

  it("the Department's own open data: every figure has its area, and all three files are read", async () => {
    for (const name of ["cscoe-b1_children_in_need_2013_to_2025.csv", "cscoe-d3_cpps_subsequent_plan_2013_to_2025.csv", "cscoe-la_cla_placement_stability.csv"]) {
      const { code, result } = await ingest(name);
      expect([0, 1]).toContain(code);
      expect(result!.observations.length).toBeGreaterThan(5000);
      expect(result!.observations.every((o) => o.area !== null && o.area !== undefined && o.agency === null)).toBe(true);
    }
  });
});

describe("no observation comes from an identifier, a code, a date of birth, a version or an inspector's name", () => {
  const FORBIDDEN = /\b(id|identifier|code|urn|upn|laestab|dob|date of birth|version|inspector|la number)\b|_code$|^(child|family|person)$/i;

  it("holds for every file that is read", async () => {
    const offenders: string[] = [];
    for (const name of files) {
      let workbook;
      try {
        workbook = await readWorkbookFile(sharedFile(name));
      } catch {
        continue;
      }
      let detail;
      try {
        detail = ingestWorkbook(workbook);
      } catch {
        continue;
      }
      // The heading of each observation's column: from its table's layout, or (official
      // statistics) the indicator's own name, which is its column's heading.
      const headingOf = new Map<string, string>();
      for (const l of detail.layouts) for (const c of l.columns) headingOf.set(`${l.sheet}!${c.letter}`, c.heading);
      for (const o of detail.observations) {
        const heading = headingOf.get(`${o.source.sheet}!${o.source.cell.replace(/\d+$/, "")}`) ?? o.indicator;
        if (FORBIDDEN.test(heading.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " "))) offenders.push(`${name} ${o.source.sheet}!${o.source.cell} (${heading})`);
      }
    }
    expect(offenders.slice(0, 10)).toEqual([]);
  }, 600_000);
});
