import { hostDeps } from "./excel-deps";
import { InputError } from "../../src/core/errors";
import type { CellValue } from "../../src/core/grid/grid";
import { createExcelOperations, type ExcelDeps } from "../../src/taskpane/office/excel-operations";
import { describeSheets, OwnershipError, REGISTER_SHEET } from "../../src/excel/ownership";
import type { ScorecardSettings } from "../../src/taskpane/operations";
import { ExcelHost, type SeedSheet } from "../excel-host";
import { withoutCopies } from "../support/copies";

const SCORECARD_ROWS: CellValue[][] = [
  ["Partnership scorecard 2024/25", null, null, null, null],
  [null, null, null, null, null],
  ["Indicator", "Q1 2024/25", "Q2 2024/25", "Target", "Good is"],
  ["Children subject to a CP plan for 2 years or more (%)", 3.5, 4.1, 2, "Low"],
  ["Strategy discussions within 1 working day (%)", 88, 93, 95, "High"],
  ["Referrals to children's social care", 410, 388, null, null],
];

/** A circulated scorecard whose sheet is called "Scorecard", as many are, and a notes sheet. */
function analystWorkbook(extra: SeedSheet[] = []): ExcelHost {
  return new ExcelHost({
    file: "Partnership.xlsx",
    sheets: [{ name: "Scorecard", rows: { values: SCORECARD_ROWS } }, { name: "Notes", cells: { A1: "Read me first" } }, ...extra],
  });
}

const SETTINGS: ScorecardSettings = { greenPercent: 95, amberPercent: 90, groupBy: "agency", additions: [] };

function depsFor(host: ExcelHost) {
  const deps: ExcelDeps = hostDeps(host);
  return deps;
}

/** A partnership's indicator set, as a sheet. */
const SET_SHEET: SeedSheet = {
  name: "Indicator set",
  rows: {
    values: [
      ["Barnsley Safeguarding Children Partnership: indicators", null, null, null, null, null],
      ["Indicator ID", "Indicator", "Agency", "Unit", "Polarity", "Target"],
      ["PL01", "Strategy discussions attended by police", "Police", "%", "Higher", 95],
      ["PL02", "Children missing from home with a return interview within 72 hours", "Police", "%", "Higher", 90],
      ["HE01", "Initial health assessments within 20 working days", "Health", "%", "Higher", 75],
    ],
  },
};

describe("the Excel operations, against the Excel test host", () => {
  it("load the engine and the adapter only when first used", async () => {
    const host = analystWorkbook();
    const deps = depsFor(host);
    const operations = createExcelOperations(deps);
    expect(deps.loadAdapter).not.toHaveBeenCalled();
    expect(deps.loadJobs).not.toHaveBeenCalled();
    await operations.readWorkbook();
    expect(deps.loadAdapter).toHaveBeenCalled();
    expect(deps.loadJobs).toHaveBeenCalled();
  });

  it("read the workbook in three syncs, write nothing, and say what each sheet holds", async () => {
    const host = analystWorkbook();
    const before = host.snapshot();
    const { imported, extraction } = await createExcelOperations(depsFor(host)).readWorkbook();
    expect(host.syncCount).toBe(3);
    expect(host.snapshot()).toEqual(before);
    expect(imported.file).toBe("Partnership.xlsx");
    expect(imported.ownSheets).toEqual([]);
    expect(extraction.problem).toBeNull();
    expect(extraction.detail.indicators.map((i) => i.name)).toHaveLength(3);
    expect(extraction.detail.observations).toHaveLength(6);
    expect(extraction.detail.layouts.find((l) => l.sheet === "Scorecard")?.kind).toBe("wide");
    expect(extraction.detail.warnings.map((w) => [w.code, w.sheet])).toContainEqual(["INGEST_SHEET_SKIPPED", "Notes"]);
  });

  it("read a workbook with a stray cell far below one sheet: that sheet is left out with the reason, the rest read", async () => {
    const host = analystWorkbook([{ name: "Old export", cells: { A1: "Indicator", B1048576: "x" } }]);
    const { imported, extraction } = await createExcelOperations(depsFor(host)).readWorkbook();
    expect(host.syncCount).toBe(3);
    expect(extraction.detail.observations).toHaveLength(6);
    expect(imported.workbook.sheets.find((s) => s.sheet === "Old export")?.rows).toEqual([]);
    expect(extraction.detail.warnings.find((w) => w.sheet === "Old export")?.message).toBe(
      'Sheet "Old export" was skipped because it spans A1:B1048576 (2.1 million cells), more than the 2 million cells the add-in reads; delete the stray cells far below or to the right of the table, then read it again.',
    );
  });

  it("read again with corrections without going back to Excel", async () => {
    const host = analystWorkbook();
    const operations = createExcelOperations(depsFor(host));
    const { imported } = await operations.readWorkbook();
    host.resetCounters();
    // Column C (Q2) left out: its figures go.
    const corrected = await operations.extract(imported, { Scorecard: { columns: [{ col: 2, role: "ignore" }] } });
    expect(host.syncCount).toBe(0);
    expect(corrected.detail.observations).toHaveLength(3);
    const skipped = await operations.extract(imported, { Scorecard: { skip: true } });
    expect(skipped.problem).toMatch(/No sheet in Partnership\.xlsx looks like an indicator table/);
    // Layouts still come back, so the analyst can correct them.
    expect(skipped.detail.layouts.map((l) => l.sheet)).toEqual(["Notes"]);
  });

  it("write the indicator sheets beside the analyst's own Scorecard sheet, never over it, in two syncs", async () => {
    const host = analystWorkbook();
    const operations = createExcelOperations(depsFor(host));
    const { extraction } = await operations.readWorkbook();
    const analystsScorecard = host.snapshot({ sheets: ["Scorecard"] }).sheets;
    host.resetCounters();
    const result = await operations.writeIndicatorSheets({ data: extraction.detail, settings: SETTINGS, includeScorecard: true });
    expect(host.syncCount).toBe(2);
    expect(withoutCopies(host.sheetNames())).toEqual(["Scorecard", "Notes", "Scorecard (add-in)", "Indicators", "Observations", REGISTER_SHEET]);
    expect(host.snapshot({ sheets: ["Scorecard"] }).sheets).toEqual(analystsScorecard);
    expect(host.sheet(REGISTER_SHEET)?.visibility).toBe("Hidden");
    expect(result.summary).toContain("wrote “Scorecard (add-in)” and left yours alone");
    // 4.1 against 2 (lower is better) is red; 93 of 95 is 97.9%, green; referrals have no target.
    expect(result.counts).toEqual({ red: 1, amber: 0, green: 1, notRated: 1, total: 3 });

    // Running again replaces the add-in's sheets and nothing else.
    await operations.writeIndicatorSheets({ data: extraction.detail, settings: SETTINGS, includeScorecard: true });
    expect(withoutCopies(host.sheetNames())).toEqual(["Scorecard", "Notes", "Scorecard (add-in)", "Indicators", "Observations", REGISTER_SHEET]);
    expect(host.snapshot({ sheets: ["Scorecard"] }).sheets).toEqual(analystsScorecard);

    // Reading the workbook again leaves the add-in's sheets out, so no figure is read twice.
    const again = await operations.readWorkbook();
    expect(again.imported.ownSheets).toEqual(["Scorecard (add-in)", "Indicators", "Observations"]);
    expect(again.extraction.detail.observations).toHaveLength(6);
  });

  it("write the Scorecard alone with the analyst's thresholds and additions, and count its ratings", async () => {
    const host = analystWorkbook();
    const operations = createExcelOperations(depsFor(host));
    const { extraction } = await operations.readWorkbook();
    host.resetCounters();
    const settings: ScorecardSettings = {
      greenPercent: 90,
      amberPercent: 80,
      groupBy: "contentArea",
      additions: [{ indicatorId: null, indicator: "Referrals to children's social care", polarity: "lower", target: 400 }],
    };
    const result = await operations.writeScorecard(extraction.detail, settings);
    expect(host.syncCount).toBe(2);
    // 4.1 against 2 (lower is better) is red; 93 of 95 is green at 90%; 388 against 400 (lower) is green.
    expect(result.counts).toEqual({ red: 1, amber: 0, green: 2, notRated: 0, total: 3 });
    expect(host.sheetNames()).toContain("Scorecard (add-in)");
    expect(host.sheetNames()).not.toContain("Indicators");
  });

  it("ask before replacing a Scorecard changed by hand, and replace it when told to", async () => {
    const host = analystWorkbook();
    const operations = createExcelOperations(depsFor(host));
    const { extraction } = await operations.readWorkbook();
    await operations.writeScorecard(extraction.detail, SETTINGS);
    host.context.workbook.worksheets.getItem("Scorecard (add-in)").getRange("A1").values = [["My own title"]];
    await host.context.sync();
    const edited = host.snapshot();
    host.resetCounters();

    const asked = await operations.writeScorecard(extraction.detail, SETTINGS).catch((e: unknown) => e);
    expect(asked).toBeInstanceOf(OwnershipError);
    expect((asked as OwnershipError).message).toBe("Sheet “Scorecard (add-in)” has been changed by hand since the add-in wrote it: replace it anyway?");
    expect((asked as OwnershipError).conflicts).toEqual([{ sheet: "Scorecard (add-in)", reason: "changed-by-hand" }]);
    // The check's two reads (the sheets' sizes, then the cells of the add-in's Scorecard), and nothing written.
    expect(host.syncCount).toBe(2);
    expect(host.snapshot()).toEqual(edited);

    host.resetCounters();
    const replaced = await operations.writeScorecard(extraction.detail, SETTINGS, { replace: ["Scorecard (add-in)"] });
    expect(host.syncCount).toBe(3);
    expect(replaced.summary).toContain("“Scorecard (add-in)” was replaced as you asked");
    expect(host.text("Scorecard (add-in)", "A1")).not.toBe("My own title");
    // Written by the add-in again, so the next write needs no question.
    await expect(operations.writeScorecard(extraction.detail, SETTINGS)).resolves.toMatchObject({ counts: { total: 3 } });
  });

  it("refuse thresholds that make no sense, in words, before touching Excel", async () => {
    const host = analystWorkbook();
    const operations = createExcelOperations(depsFor(host));
    const { extraction } = await operations.readWorkbook();
    host.resetCounters();
    const bad = { ...SETTINGS, greenPercent: 80, amberPercent: 90 };
    await expect(operations.writeScorecard(extraction.detail, bad)).rejects.toThrow(
      "The scorecard's rule cannot be used: amber: the amber threshold must not be above the green threshold.",
    );
    await expect(operations.writeScorecard(extraction.detail, { ...SETTINGS, greenPercent: 0 })).rejects.toBeInstanceOf(InputError);
    expect(host.syncCount).toBe(0);
  });

  it("write the sample sheet as the add-in's own, beside an analyst's Scorecard", async () => {
    const host = analystWorkbook();
    const result = await createExcelOperations(depsFor(host)).writeSampleSheet();
    expect(result.summary).toMatch(/^Wrote the sheet “Scorecard \(add-in\)”\./);
    expect(host.sheetNames()).toContain("Scorecard (add-in)");
  });

  it("take the user to a cell, and say so plainly when the sheet is not there", async () => {
    const host = analystWorkbook();
    const operations = createExcelOperations(depsFor(host));
    await operations.selectCell("Scorecard", "C5");
    expect(host.activeSheet).toBe("Scorecard");
    expect(host.selection).toMatch(/C5/);
    await expect(operations.selectCell("Nope", "A1")).rejects.toThrow('There is no sheet named "Nope" in this workbook.');
  });

  it("say when the workbook holds only the add-in's own sheets", async () => {
    const host = new ExcelHost({
      sheets: [
        { name: "Indicators", cells: { A1: "Indicator ID" } },
        {
          name: REGISTER_SHEET,
          state: "hidden",
          cells: { A2: "Sheet", B2: "Add-in's name for it", D2: "Fingerprint", A3: "Indicators", B3: "Indicators", C3: "Indicator sheets", D3: "0123456789abcd" },
        },
      ],
    });
    await expect(createExcelOperations(depsFor(host)).readWorkbook()).rejects.toThrow(/only holds sheets the add-in wrote/);
  });

  it("pass Excel's errors on for the panel to describe", async () => {
    const failure = Object.assign(new Error("Protected"), { code: "AccessDenied" });
    const deps: ExcelDeps = { ...depsFor(analystWorkbook()), run: async () => Promise.reject(failure) };
    await expect(createExcelOperations(deps).writeSampleSheet()).rejects.toBe(failure);
  });
});

describe("the gap analysis operations", () => {
  it("read the indicator set in three syncs, analyse it without Excel, and write the sheets in two", async () => {
    const host = new ExcelHost({ file: "Set.xlsx", sheets: [SET_SHEET] });
    const operations = createExcelOperations(depsFor(host));
    const set = await operations.readIndicatorSet();
    expect(host.syncCount).toBe(3);
    expect(set.sheet).toBe("Indicator set");
    expect(set.indicators.map((i) => i.id)).toEqual(["PL01", "PL02", "HE01"]);
    const framework = await operations.defaultFramework();
    host.resetCounters();
    const view = await operations.analyseGaps({ indicators: set.indicators, framework, overrides: {} });
    expect(host.syncCount).toBe(0);
    expect(view.result.summary.indicators).toBe(3);
    expect(Object.keys(view.words)).toEqual(framework.areas.map((a) => a.name));

    const result = await operations.writeGapSheets({ indicators: set.indicators, framework, overrides: {}, writeIndicators: true });
    expect(host.syncCount).toBe(2);
    expect(withoutCopies(host.sheetNames())).toEqual(["Indicator set", "Gap Analysis", "Placements", "Indicators", REGISTER_SHEET]);
    expect(result.summary).toBe("Wrote the sheets “Gap Analysis”, “Placements” and “Indicators”. Only sheets the add-in wrote were replaced.");
    // The add-in's own Indicators sheet is now the set it reads.
    expect((await operations.readIndicatorSet()).sheet).toBe("Indicators");
  });

  it("refuse a framework file that is not one, in words that name the file", async () => {
    const operations = createExcelOperations(depsFor(new ExcelHost()));
    await expect(operations.parseFramework("{ not json", "ours.json")).rejects.toThrow(/^"ours\.json" is not a framework this tool can read: it is not valid JSON/);
    await expect(operations.parseFramework('{"name":"x"}', "ours.json")).rejects.toBeInstanceOf(InputError);
  });
});

describe("the return operations", () => {
  it("make a template as sheets of this workbook, then check the return in it", async () => {
    const host = new ExcelHost({ file: "Set.xlsx", sheets: [SET_SHEET] });
    const operations = createExcelOperations(depsFor(host));
    const choices = await operations.templateChoices();
    expect(choices).toEqual({
      file: "Set.xlsx",
      sheet: "Indicator set",
      agencies: ["Police", "Health"],
      partnership: "Barnsley Safeguarding Children Partnership: indicators",
      indicators: 3,
    });
    host.resetCounters();
    const written = await operations.writeTemplate({ agency: "police", period: "Q2 2025/26", due: "2025-10-31", partnership: null });
    // Read (three syncs), the register and the sheets' sizes (one; no add-in sheet to replace, so no cells read back), the write (one).
    expect(host.syncCount).toBe(5);
    expect(written.summary).toMatch(/^Wrote the sheets “Return” and “Checks”\. .*The Q2 2025\/26 return for Police has 2 indicators\.$/);
    expect(host.sheet("_spec")?.visibility).toBe("VeryHidden");

    host.resetCounters();
    const check = await operations.checkReturn();
    expect(host.syncCount).toBe(3);
    expect(check).toMatchObject({ readable: true, valid: false, agency: "Police", period: "Q2 2025/26" });
    expect(check.counts.errors).toBeGreaterThan(0);
    expect(check.issues.every((i) => i.message.length > 0)).toBe(true);

    const report = await operations.writeValidationReport();
    expect(report.summary).toMatch(/^Wrote the sheet “Validation report”/);
    expect(host.sheetNames()).toContain("Validation report");
  });

  it("ask before replacing a Return sheet that is the agency's own, since a template's Return keeps its name", async () => {
    const host = new ExcelHost({ file: "Set.xlsx", sheets: [SET_SHEET, { name: "Return", cells: { A1: "Our own notes" } }] });
    const operations = createExcelOperations(depsFor(host));
    const request = { agency: "Police", period: "Q2 2025/26", due: null, partnership: null };
    await expect(operations.writeTemplate(request)).rejects.toThrow("Sheet “Return” was not made by this add-in: replace it anyway?");
    expect(host.text("Return", "A1")).toBe("Our own notes");
    await operations.writeTemplate(request, { replace: ["Return"] });
    expect(host.text("Return", "A1")).not.toBe("Our own notes");
    expect(withoutCopies(host.sheetNames())).toEqual(["Indicator set", "Return", "Checks", "_spec", REGISTER_SHEET]);
  });

  it("refuse a period or agency the set does not have, in words, before writing", async () => {
    const host = new ExcelHost({ file: "Set.xlsx", sheets: [SET_SHEET] });
    const operations = createExcelOperations(depsFor(host));
    await expect(operations.writeTemplate({ agency: "Police", period: "soon", due: null, partnership: null })).rejects.toThrow(
      "“soon” is not a period the add-in can read in full",
    );
    await expect(operations.writeTemplate({ agency: "Fire", period: "Q2 2025/26", due: null, partnership: null })).rejects.toThrow(
      "The indicator set has no agency “Fire”; its agencies are: Police, Health.",
    );
    await expect(operations.writeTemplate({ agency: "Police", period: "Q2 2025/26", due: "31/10/2025", partnership: null })).rejects.toThrow(
      "“31/10/2025” is not a date written YYYY-MM-DD",
    );
    expect(withoutCopies(host.sheetNames())).toEqual(["Indicator set"]);
  });

  it("say plainly when the workbook holds no return", async () => {
    const check = await createExcelOperations(depsFor(analystWorkbook())).checkReturn();
    expect(check.readable).toBe(false);
    expect(check.valid).toBe(false);
    expect(check.issues[0]?.severity).toBe("error");
  });

  it("watch for edits with Excel's onChanged event, and remove the handler when asked", async () => {
    const handlers: (() => Promise<void>)[] = [];
    const remove = jest.fn();
    const sync = jest.fn(async () => undefined);
    const handlerContext = { marker: "handler's context" } as unknown as OfficeExtension.ClientRequestContext;
    const context = {
      sync,
      workbook: {
        worksheets: {
          onChanged: {
            add: (handler: () => Promise<void>) => {
              handlers.push(handler);
              return { context: handlerContext, remove };
            },
          },
        },
      },
    } as unknown as Excel.RequestContext;
    const deps: ExcelDeps = {
      ...depsFor(new ExcelHost()),
      run: (batch) => batch(context),
      runIn: jest.fn((_c, batch) => batch(context)) as ExcelDeps["runIn"],
    };
    const onEdit = jest.fn();
    const stop = await createExcelOperations(deps).watchEdits(onEdit);
    expect(handlers).toHaveLength(1);
    await handlers[0]?.();
    expect(onEdit).toHaveBeenCalledTimes(1);
    await stop();
    expect(deps.runIn).toHaveBeenCalledWith(handlerContext, expect.any(Function));
    expect(remove).toHaveBeenCalledTimes(1);
  });
});

describe("following edits where Excel cannot", () => {
  it("says so in words rather than failing on a missing event", async () => {
    const context = { sync: async () => undefined, workbook: { worksheets: {} } } as unknown as Excel.RequestContext;
    const deps: ExcelDeps = { ...depsFor(new ExcelHost()), run: (batch) => batch(context) };
    await expect(createExcelOperations(deps).watchEdits(() => undefined)).rejects.toThrow("This version of Excel cannot tell the add-in about edits.");
  });
});

describe("describeSheets", () => {
  it("names sheets the way a sentence does", () => {
    expect(describeSheets([])).toBe("nothing");
    expect(describeSheets(["Scorecard"])).toBe("the sheet “Scorecard”");
    expect(describeSheets(["A", "B", "C"])).toBe("the sheets “A”, “B” and “C”");
  });
});
