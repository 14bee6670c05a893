/**
 * The Department for Education's own open-data files (../shared/real-world/files/cscoe-*.csv),
 * read through the file adapter and the open-data reader, checked cell by cell against the CSV
 * text split here by hand: for a sample of rows (every 37th, and every row holding a statistics
 * mark), each indicator cell's observation has the row's area, period, breakdown, value and
 * status. No observation comes from a code, name or time column.
 *
 * send-stat_neighbours.csv is not open data (it is a neighbour list: one column per authority,
 * its neighbours' names below) and must not be read as figures.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { readNeighbourList } from "../../../src/core/benchmark";
import { ingestWorkbook } from "../../../src/core/ingest";
import type { Observation } from "../../../src/core/model/model";
import { detectOpenData, readOpenData } from "../../../src/core/opendata";
import { readWorkbookFile } from "../../../src/files/node";
import { csvRecords, letters, SHARED_FILES, sharedFile, withSharedFiles } from "./shared";

const it = withSharedFiles("Open data from the shared files");

const FILES = ["cscoe-b1_children_in_need_2013_to_2025.csv", "cscoe-d3_cpps_subsequent_plan_2013_to_2025.csv", "cscoe-la_cla_placement_stability.csv"];

/** The time and geography columns of the standard: never figures, never breakdowns. */
const STANDARD = new Set(["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name", "old_la_code", "new_la_code", "la_name"]);

/** The Department's marks and what each must become (the README's table, written out again). */
const EXPECTED_STATUS: Record<string, string> = { c: "suppressed", x: "not_available", z: "not_applicable", u: "low_reliability", ":": "not_available", low: "suppressed", k: "suppressed" };

/** A reporting year Y is the year to 31 March Y. */
function reportingYear(y: string): { start: string; end: string } {
  return { start: `${Number(y) - 1}-04-01`, end: `${y}-03-31` };
}

/** The area the row describes, as the test reads the standard: the level the row states. */
function expectedArea(cells: Record<string, string>): { code: string | null; name: string; level: string; oldCode?: string | null } {
  const level = cells.geographic_level!;
  if (level === "National") return { code: cells.country_code!, name: cells.country_name!, level: "national" };
  if (level === "Regional") return { code: cells.region_code!, name: cells.region_name!, level: "regional" };
  return { code: cells.new_la_code || null, name: cells.la_name!, level: "local authority", oldCode: cells.old_la_code || null };
}

describe.each(FILES)("%s", (name) => {
  const file = sharedFile(name);

  it("is recognised as open data, and every indicator cell of a sample of rows is read exactly as the CSV says", async () => {
    const { headings, records } = csvRecords(file);
    const workbook = await readWorkbookFile(file);
    const grid = workbook.sheets[0]!;
    const layout = detectOpenData(grid);
    expect(layout).not.toBeNull();
    const read = readOpenData(grid, workbook.file, layout);

    // The indicators are exactly the columns after the standard ones and the breakdowns: those
    // whose values the test finds to be figures or marks.
    const isFigure = (v: string): boolean => v === "" || /^-?\d+(\.\d+)?$/.test(v) || v in EXPECTED_STATUS;
    const indicators = headings.filter((h) => !STANDARD.has(h) && records.every((r) => isFigure(r.cells[h]!)));
    const breakdowns = headings.filter((h) => !STANDARD.has(h) && !indicators.includes(h));
    expect(indicators.length).toBeGreaterThan(0);
    expect(new Set(read.observations.map((o) => o.indicator))).toEqual(new Set(indicators));
    expect(read.observations).toHaveLength(records.length * indicators.length);

    const byCell = new Map<string, Observation>(read.observations.map((o) => [o.source.cell, o]));
    const sample = records.filter((r, i) => i % 37 === 0 || indicators.some((h) => /^[a-z:]+$/i.test(r.cells[h]!)));
    expect(sample.length).toBeGreaterThan(50);
    let checked = 0;
    for (const r of sample) {
      for (const h of indicators) {
        const cell = `${letters(headings.indexOf(h))}${r.line}`;
        const o = byCell.get(cell);
        expect(o).toBeDefined();
        const text = r.cells[h]!;
        expect({ cell, indicator: o!.indicator, area: o!.area, period: { start: o!.period.start, end: o!.period.end }, breakdown: o!.breakdown }).toEqual({
          cell,
          indicator: h,
          area: expectedArea(r.cells),
          period: reportingYear(r.cells.time_period!),
          breakdown: Object.fromEntries(breakdowns.map((b) => [b, r.cells[b]])),
        });
        if (/^-?\d+(\.\d+)?$/.test(text)) {
          expect({ cell, value: o!.value, status: o!.status }).toEqual({ cell, value: Number(text), status: "ok" });
        } else {
          expect({ cell, value: o!.value, status: o!.status, mark: o!.mark }).toEqual({ cell, value: null, status: EXPECTED_STATUS[text], mark: text });
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(read.warnings).toEqual([]);
  });

  it("never takes a code, name or time column for an indicator, and keeps areas apart in ingest", async () => {
    const result = ingestWorkbook(await readWorkbookFile(file));
    expect(result.observations.length).toBeGreaterThan(1000);
    expect(result.observations.filter((o) => STANDARD.has(o.indicator) || o.agency !== null || !o.area)).toEqual([]);
    expect(result.warnings.filter((w) => w.code === "INGEST_DUPLICATE_OBSERVATION")).toEqual([]);
    // No figure equals an old code on its own row by way of the old code column (the "old codes read as counts").
    const { headings } = csvRecords(file);
    const oldCodeLetter = letters(headings.indexOf("old_la_code"));
    expect(result.observations.some((o) => o.source.cell.startsWith(oldCodeLetter) && /^\d/.test(o.source.cell.slice(oldCodeLetter.length)))).toBe(false);
  });
});

describe("send-stat_neighbours.csv", () => {
  it("is a neighbour list in another shape (one column per authority), not open data", async () => {
    const workbook = await readWorkbookFile(sharedFile("send-stat_neighbours.csv"));
    expect(detectOpenData(workbook.sheets[0]!)).toBeNull();
    const list = readNeighbourList(workbook);
    const text = fs.readFileSync(sharedFile("send-stat_neighbours.csv"), "utf8");
    const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/)[0]!;
    expect(list.entries[0]!.name).toBe(firstLine.split(",")[0]);
    expect(list.entries.length).toBeGreaterThan(140);
    for (const e of list.entries) expect(e.neighbours).toHaveLength(10);
  });
});

describe("lait-sn_may_2025.xlsx", () => {
  it("is read as the Department's neighbour list: ten neighbours by number for each authority", async () => {
    const list = readNeighbourList(await readWorkbookFile(sharedFile("lait-sn_may_2025.xlsx")));
    const barnsley = list.entries.find((e) => e.oldCode === "370");
    expect(barnsley?.name).toBe("Barnsley");
    expect(barnsley?.neighbours.map((n) => n.oldCode)).toEqual(["372", "384", "357", "371", "332", "894", "840", "390", "807", "394"]);
    expect(list.entries.filter((e) => e.neighbours.length === 10).length).toBeGreaterThan(150);
  });
});

/** Every sheet of every workbook and CSV in `dirs` that the open-data reader claims. */
async function claimed(dirs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const dir of dirs) {
    for (const f of (fs.readdirSync(dir, { recursive: true }) as string[]).sort()) {
      if (!/\.(xlsx|xlsm|csv)$/i.test(f)) continue;
      let sheets;
      try {
        sheets = (await readWorkbookFile(path.join(dir, f))).sheets;
      } catch {
        continue; // unreadable files are the bad-input tests' business
      }
      for (const g of sheets) if (detectOpenData(g)) out.push(`${path.basename(f)}!${g.sheet}`);
    }
  }
  return out;
}

describe("what is not open data", () => {
  test("no workbook of the ingest fixtures is taken for open data", async () => {
    expect(await claimed([path.resolve(__dirname, "../../fixtures")])).toEqual([]);
  });

  it("of the shared real-world files, only the Department's open-data CSVs are taken for open data", async () => {
    expect(await claimed([SHARED_FILES])).toEqual(FILES.map((f) => `${f}!${f.replace(/\.csv$/, "").slice(0, 31)}`));
  });
});
