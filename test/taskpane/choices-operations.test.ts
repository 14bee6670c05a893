/**
 * The operations behind the analyst's quarter, against the Excel test host: the choices kept in
 * the workbook come back with the read at no extra sync, and go with each write in the same
 * request; a long read and a long write report progress as they go; and Stop never leaves a
 * half-written sheet (before the write nothing is written; once it has begun it finishes).
 */
import { isStopped } from "../../src/core/errors";
import type { AnalystChoices } from "../../src/core/model";
import { ANALYST_SETTINGS_SHEET } from "../../src/core/recipes";
import { REGISTER_SHEET } from "../../src/excel/ownership";
import { createExcelOperations } from "../../src/taskpane/office/excel-operations";
import type { Progress, ScorecardSettings } from "../../src/taskpane/operations";
import { ExcelHost } from "../excel-host";
import { CORRECTIONS, keptChoiceSeeds, sampleWorkbook, seedOfGrid } from "../core/recipes/kit";
import { recipeFrom } from "../../src/core/recipes";
import { hostDeps } from "./excel-deps";
import { withoutCopies } from "../support/copies";

const SETTINGS: ScorecardSettings = { greenPercent: 95, amberPercent: 90, groupBy: "agency", additions: [] };

const CHOICES: AnalystChoices = {
  thresholds: { green: 97, amber: 85 },
  groupBy: "contentArea",
  ratings: [{ indicatorId: "CSC06", indicator: "Children subject of a child protection plan (rate per 10,000)", polarity: "lower", target: 40 }],
  placements: [{ indicator: "POL01", area: "Domestic abuse", type: "quantity" }],
  priorities: ["Neglect"],
  framework: null,
  publishThreshold: 7,
  recipe: null,
};

async function sampleHost(choices: AnalystChoices | null): Promise<ExcelHost> {
  const sample = await sampleWorkbook();
  const kept = choices ? keptChoiceSeeds({ ...choices, recipe: recipeFrom(sample, CORRECTIONS) }) : [];
  return new ExcelHost({ file: sample.file, sheets: [...sample.sheets.map(seedOfGrid), ...kept] });
}

/**
 * A workbook of many figures: indicators down 12,500 rows, four quarters across (50,000 figures,
 * the benchmark's largest), named at length as partnerships do, so that reading them takes more
 * than one of Excel's 5 MB answers and writing them more than one request.
 */
const LONG_NAME = "of children and young people open to early help, social care or the youth justice service, seen within the timescale the partnership agreed";
function largeHost(): ExcelHost {
  const values = [["Indicator", "Q1 2024/25", "Q2 2024/25", "Q3 2024/25", "Q4 2024/25"], ...Array.from({ length: 12_500 }, (_, i) => [`Measure ${i + 1}: share ${LONG_NAME} (%)`, 40 + (i % 50), 41 + (i % 50), 42 + (i % 50), 43 + (i % 50)])];
  return new ExcelHost({ file: "Large.xlsx", sheets: [{ name: "Figures", rows: { values } }] });
}

describe("the analyst's choices in the workbook", () => {
  it("come back with the read, in its three syncs, and the kept recipe's corrections are applied", async () => {
    const host = await sampleHost(CHOICES);
    const read = await createExcelOperations(hostDeps(host)).readWorkbook();
    expect(host.syncCount).toBe(3);
    expect(read.imported.savedChoices).toMatchObject({ ...CHOICES, recipe: { from: "partnership-scorecard-q2-2025-26.xlsx" } });
    expect(read.applied).toEqual(CORRECTIONS);
    expect(read.recipe).toEqual({ corrections: 2, sheets: ["Scorecard"] });
    // The settings sheet and the register are the add-in's: never read as the analyst's figures.
    expect(read.imported.workbook.sheets.map((s) => s.sheet)).toEqual(["Cover", "Scorecard"]);
    expect(read.imported.ownSheets).toEqual([ANALYST_SETTINGS_SHEET]);
  });

  it("go with the indicator sheets in the same write, as a hidden sheet the register lists, and read back as they were", async () => {
    const host = await sampleHost(null);
    const operations = createExcelOperations(hostDeps(host));
    const read = await operations.readWorkbook();
    expect(read.imported.savedChoices).toBeNull();
    host.resetCounters();
    const result = await operations.writeIndicatorSheets({ data: read.extraction.detail, settings: { ...SETTINGS, keep: CHOICES }, includeScorecard: true });
    // One read (names, register, sizes), one write: the settings sheet costs no sync of its own.
    expect(host.syncCount).toBe(2);
    expect(result.summary).toContain("Your choices are kept in this workbook, on the add-in's hidden sheet “Analyst settings”.");
    expect(host.sheet(ANALYST_SETTINGS_SHEET)?.visibility).toBe("Hidden");
    const again = await operations.readWorkbook();
    expect(again.imported.savedChoices).toEqual(CHOICES);
    expect(again.imported.ownSheets).toEqual(expect.arrayContaining([ANALYST_SETTINGS_SHEET, "Indicators", "Observations"]));
  });

  it("are kept on their own when asked, and nothing else is written", async () => {
    const host = await sampleHost(null);
    const before = host.snapshot({ sheets: ["Cover", "Scorecard"] });
    const done = await createExcelOperations(hostDeps(host)).saveChoices(CHOICES);
    expect(done.summary).toBe("Kept your choices in this workbook, on the add-in's hidden sheet “Analyst settings”; they come back when the pane reads this workbook again.");
    expect(withoutCopies(host.sheetNames())).toEqual(["Cover", "Scorecard", ANALYST_SETTINGS_SHEET, REGISTER_SHEET]);
    expect(host.snapshot({ sheets: ["Cover", "Scorecard"] })).toEqual(before);
  });

  it("come back with the workbook's indicator set, for the gap analysis", async () => {
    const host = await sampleHost(CHOICES);
    const set = await createExcelOperations(hostDeps(host)).readIndicatorSet();
    expect(set.savedChoices?.placements).toEqual(CHOICES.placements);
    expect(set.savedChoices?.priorities).toEqual(["Neglect"]);
  });
});

describe("long work: progress, and a way to stop", () => {
  jest.setTimeout(60_000);

  it("reading tens of thousands of figures reports the rows read after each block, then finding the figures", async () => {
    const host = largeHost();
    const heard: Progress[] = [];
    const read = await createExcelOperations(hostDeps(host)).readWorkbook({ onProgress: (p) => heard.push(p) });
    expect(read.extraction.detail.observations.length).toBe(50_000);
    const rows = heard.filter((p) => p.step === "reading");
    expect(rows[0]).toEqual({ step: "reading", done: 0, total: 12_501, unit: "rows" });
    // More than one block (Excel's 5 MB answer), each moving the bar on, the last at the end.
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.map((p) => p.done)).toEqual([...rows.map((p) => p.done)].sort((a, b) => a - b));
    expect(rows[rows.length - 1]?.done).toBe(12_501);
    expect(heard[heard.length - 1]).toEqual({ step: "building", done: 0, total: 1 });
  });

  it("writing them reports when the write begins and each request sent", async () => {
    const host = largeHost();
    const operations = createExcelOperations(hostDeps(host));
    const read = await operations.readWorkbook();
    const heard: Progress[] = [];
    await operations.writeIndicatorSheets({ data: read.extraction.detail, settings: SETTINGS, includeScorecard: false }, {}, { onProgress: (p) => heard.push(p) });
    const writes = heard.filter((p) => p.step === "writing");
    expect(heard[0]?.step).toBe("building");
    expect(writes[0]).toEqual({ step: "writing", done: 0, total: 1 });
    expect(writes.length).toBeGreaterThan(2);
    expect(writes.slice(1).map((p) => p.done)).toEqual(writes.slice(1).map((_, i) => i + 1));
  });

  it("stopping a read stops it before its next sync, having written nothing", async () => {
    const host = largeHost();
    const before = host.snapshot();
    const stop = new AbortController();
    const outcome = await createExcelOperations(hostDeps(host))
      .readWorkbook({ signal: stop.signal, onProgress: (p) => p.step === "reading" && p.done > 0 && stop.abort() })
      .catch((e: unknown) => e);
    expect(isStopped(outcome)).toBe(true);
    expect((outcome as Error).message).toBe("Stopped as you asked: nothing was read, and nothing was written.");
    // The sheets, their sizes, the first block: then no more.
    expect(host.syncCount).toBe(3);
    expect(host.snapshot()).toEqual(before);
  });

  it("stopping a write before it begins writes nothing, even after the check has read what the add-in's sheets hold", async () => {
    const host = await sampleHost(null);
    const operations = createExcelOperations(hostDeps(host));
    const read = await operations.readWorkbook();
    await operations.writeIndicatorSheets({ data: read.extraction.detail, settings: SETTINGS, includeScorecard: true });
    const before = host.snapshot();

    // Stopped while the data is being built: no sync at all.
    host.resetCounters();
    const early = new AbortController();
    const first = await operations
      .writeIndicatorSheets({ data: read.extraction.detail, settings: SETTINGS, includeScorecard: true }, {}, { signal: early.signal, onProgress: () => early.abort() })
      .catch((e: unknown) => e);
    expect(isStopped(first)).toBe(true);
    expect((first as Error).message).toBe("Stopped as you asked, before anything was written: the workbook is as it was.");
    expect(host.syncCount).toBe(0);

    // Stopped during the check (after its first read): the check's reads, and nothing written.
    host.resetCounters();
    const late = new AbortController();
    // The person presses Stop while the first sync of the write's check is on its way.
    const context = host.context;
    const sync = context.sync.bind(context);
    context.sync = (async () => {
      await sync();
      late.abort();
    }) as typeof context.sync;
    const second = await operations
      .writeIndicatorSheets({ data: read.extraction.detail, settings: SETTINGS, includeScorecard: true }, {}, { signal: late.signal })
      .catch((e: unknown) => e)
      .finally(() => {
        context.sync = sync;
      });
    expect(isStopped(second)).toBe(true);
    expect(host.requests.length).toBeGreaterThan(0);
    expect(host.snapshot()).toEqual(before);
  });

  it("once the write has begun, Stop is too late: it runs to its end and every sheet is whole", async () => {
    const host = largeHost();
    const operations = createExcelOperations(hostDeps(host));
    const read = await operations.readWorkbook();
    const stop = new AbortController();
    const result = await operations.writeIndicatorSheets(
      { data: read.extraction.detail, settings: SETTINGS, includeScorecard: false },
      {},
      { signal: stop.signal, onProgress: (p) => p.step === "writing" && stop.abort() },
    );
    expect(stop.signal.aborted).toBe(true);
    expect(result.summary).toContain("“Observations”");
    const again = await operations.readWorkbook();
    expect(again.imported.ownSheets).toEqual(["Indicators", "Observations"]);
  });

  it("collating many returns reports each file read, and stopping between files collates and writes nothing", async () => {
    const host = new ExcelHost({ file: "Collation.xlsx", sheets: [{ name: "Notes", cells: { A1: "Returns for Q2" } }] });
    const before = host.snapshot();
    const files = Array.from({ length: 12 }, (_, i) => ({ name: `return-${i + 1}.xlsx`, bytes: new Uint8Array([1, 2, 3, i]) }));
    const operations = createExcelOperations(hostDeps(host));
    const heard: Progress[] = [];
    const view = await operations.collateFiles({ files }, { onProgress: (p) => heard.push(p) });
    expect(view.result.submissions).toHaveLength(12);
    expect(heard.filter((p) => p.step === "reading").map((p) => `${p.done}/${p.total} ${p.unit}`)).toEqual(files.map((_, i) => `${i}/12 files`));
    expect(heard[heard.length - 1]).toEqual({ step: "building", done: 12, total: 12 });

    const stop = new AbortController();
    const stopped = await operations
      .collateFiles({ files }, { signal: stop.signal, onProgress: (p) => p.done === 3 && stop.abort() })
      .catch((e: unknown) => e);
    expect(isStopped(stopped)).toBe(true);
    expect((stopped as Error).message).toBe("Stopped as you asked: nothing was collated, and nothing was written.");
    expect(host.snapshot()).toEqual(before);
  });
});
