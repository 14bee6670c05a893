/**
 * What a confidence means, measured. Every table the engine reads is given a confidence (see
 * src/core/ingest/confidence.ts); this test reads every fixture (whose right readings are written
 * down cell by cell) and, where they are present, the SheetJS collection of odd real-world files
 * in ../shared (none of which holds an indicator table, so every figure read from them is wrong),
 * and prints, by band of confidence, how many tables and figures fell in the band and what share
 * of those figures were read right. The README quotes the table.
 *
 * It asserts the promises the command line relies on: readings at 90% or more are right, and the
 * readings below the review threshold (which make `ingest` exit 1) are where the wrong ones are.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ingestWorkbook, REVIEW_BELOW } from "../../../src/core/ingest";
import type { SheetLayout } from "../../../src/core/ingest";
import type { Observation } from "../../../src/core/model/model";
import { readWorkbookFile } from "../../../src/files/node";
import { SHARED_FILES } from "../opendata/shared";
import { fixtureName } from "../../support/fixture-names";

const FIXTURE_DIRS = ["ingest", "ingest-late", "ingest-final", "ingest-failures", "ingest-layouts", "ingest-blind6", "ingest-blind7", "ingest-blind8", "ingest-blind9"].map((d) => path.resolve(__dirname, "../../fixtures", d));

interface Expected {
  indicator: string;
  agency: string | null;
  start: string;
  end: string;
  value: number | null;
  status: string;
  sheet: string;
  cell: string;
}

const BANDS = [
  { name: "below 50%", low: 0, high: 0.5 },
  { name: "50% to 79%", low: 0.5, high: REVIEW_BELOW },
  { name: "80% to 89%", low: REVIEW_BELOW, high: 0.9 },
  { name: "90% and above", low: 0.9, high: 1.01 },
];

interface Tally {
  tables: number;
  figures: number;
  right: number;
}

const round = (v: number | null): number | null => (v === null ? null : Math.round(v * 1e6) / 1e6);

function same(o: Observation, e: Expected): boolean {
  return fixtureName(o) === e.indicator.replace(/\s+/g, " ").trim() && o.agency === e.agency && o.period.start === e.start
    && o.period.end === e.end && round(o.value) === round(e.value) && o.status === e.status;
}

/** Which table of its sheet an observation came from: the layout whose rows and columns hold its cell. */
function layoutOf(o: Observation, layouts: SheetLayout[]): SheetLayout | null {
  const m = /^([A-Z]+)(\d+)$/.exec(o.source.cell);
  if (!m) return null;
  const row = Number(m[2]) - 1;
  const letters = m[1]!;
  return layouts.find((l) => l.sheet === o.source.sheet && row >= l.firstDataRow && row <= l.lastDataRow && l.columns.some((c) => c.letter === letters)) ?? null;
}

function tallyReading(tallies: Tally[], layouts: SheetLayout[], observations: Observation[], isRight: (o: Observation) => boolean): void {
  const byLayout = new Map<SheetLayout, Observation[]>();
  for (const o of observations) {
    const l = layoutOf(o, layouts);
    if (!l) continue;
    byLayout.set(l, [...(byLayout.get(l) ?? []), o]);
  }
  for (const [l, list] of byLayout) {
    const band = BANDS.findIndex((b) => l.confidence >= b.low && l.confidence < b.high);
    const t = tallies[band]!;
    t.tables++;
    t.figures += list.length;
    t.right += list.filter(isRight).length;
  }
}

describe("calibration of the confidence ingest reports", () => {
  it("prints confidence against the share of figures read right, and keeps its promises", async () => {
    const tallies: Tally[] = BANDS.map(() => ({ tables: 0, figures: 0, right: 0 }));
    for (const dir of FIXTURE_DIRS) {
      for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".expected.json")).sort()) {
        const json = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as { file: string; observations: Expected[] };
        const want = new Map(json.observations.map((e) => [`${e.sheet}!${e.cell}`, e]));
        try {
          const r = ingestWorkbook(await readWorkbookFile(path.join(dir, json.file)));
          tallyReading(tallies, r.layouts, r.observations, (o) => {
            const e = want.get(`${o.source.sheet}!${o.source.cell}`);
            return e !== undefined && same(o, e);
          });
        } catch {
          // A refused file reads no figure: nothing to place in a band.
        }
      }
    }
    let oddFiles = 0;
    if (fs.existsSync(SHARED_FILES)) {
      for (const f of fs.readdirSync(SHARED_FILES).filter((n) => n.startsWith("sjs-")).sort()) {
        try {
          const r = ingestWorkbook(await readWorkbookFile(path.join(SHARED_FILES, f)));
          oddFiles++;
          tallyReading(tallies, r.layouts, r.observations, () => false);
        } catch {
          // Refused: the right answer for these files.
        }
      }
    } else {
      console.warn(`Calibration: the shared real-world files are not here (${SHARED_FILES}); the table covers the fixtures only.`);
    }
    const rows = BANDS.map((b, i) => ({
      confidence: b.name,
      tables: tallies[i]!.tables,
      figures: tallies[i]!.figures,
      "read right": tallies[i]!.figures ? `${((100 * tallies[i]!.right) / tallies[i]!.figures).toFixed(1)}%` : "-",
    }));
    console.table(rows);
    console.log(`Fixtures in ${FIXTURE_DIRS.length} sets, and ${oddFiles} odd real-world files read (every figure from those counts as wrong). Below ${Math.round(REVIEW_BELOW * 100)}%, ingest exits 1 and names the sheet.`);

    const high = tallies[3]!;
    expect(high.figures).toBeGreaterThan(1000);
    expect(high.right / high.figures).toBeGreaterThanOrEqual(0.97);
    const low = tallies[0]!;
    if (low.figures > 0) expect(low.right / low.figures).toBeLessThanOrEqual(0.2);
    // Below the review threshold, most of what was read is wrong: that is why a person is asked to look.
    const reviewed = { figures: tallies[0]!.figures + tallies[1]!.figures, right: tallies[0]!.right + tallies[1]!.right };
    // Only with the odd real-world files: the fixtures alone are mostly read right even where the
    // reading is unsure of itself, and that caution is not a broken promise.
    if (oddFiles > 0 && reviewed.figures > 0) expect(reviewed.right / reviewed.figures).toBeLessThan(0.5);
  }, 300_000);
});
