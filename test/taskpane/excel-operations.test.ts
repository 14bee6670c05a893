import { createExcelOperations, describeSheets, type ExcelDeps } from "../../src/taskpane/office/excel-operations";
import type { WorkbookPlan } from "../../src/core/plan/plan";

const plan: WorkbookPlan = {
  sheets: [
    { name: "Scorecard", blocks: [{ at: "A1", values: [["Indicator", "Value"]] }] },
    { name: "Notes", blocks: [] },
  ],
};

type RenderPlan = Awaited<ReturnType<ExcelDeps["loadRenderer"]>>["renderPlan"];

function fakeDeps(renderPlan: RenderPlan) {
  const context = { marker: "fake context" } as unknown as Excel.RequestContext;
  const deps: ExcelDeps = {
    run: jest.fn((batch) => batch(context)) as ExcelDeps["run"],
    loadRenderer: jest.fn(async () => ({ renderPlan })),
    loadFirstPlan: jest.fn(async () => ({ firstPlan: () => plan })),
  };
  return { deps, context };
}

describe("the Excel operations", () => {
  it("render the first plan in one Excel.run and say which sheets were written", async () => {
    const renderPlan = jest.fn(async () => ({ syncs: 2 }));
    const { deps, context } = fakeDeps(renderPlan);
    const result = await createExcelOperations(deps).writeSampleSheet();
    expect(deps.run).toHaveBeenCalledTimes(1);
    expect(renderPlan).toHaveBeenCalledWith(context, plan);
    expect(result.summary).toBe(
      "Wrote the sheets “Scorecard” and “Notes” to this workbook. Other sheets were left as they were.",
    );
  });

  it("load the engine only when first used", async () => {
    const { deps } = fakeDeps(jest.fn(async () => ({ syncs: 1 })));
    const operations = createExcelOperations(deps);
    expect(deps.loadRenderer).not.toHaveBeenCalled();
    expect(deps.loadFirstPlan).not.toHaveBeenCalled();
    await operations.writeSampleSheet();
    expect(deps.loadRenderer).toHaveBeenCalledTimes(1);
  });

  it("pass Excel's errors on for the panel to describe", async () => {
    const failure = Object.assign(new Error("Protected"), { code: "AccessDenied" });
    const { deps } = fakeDeps(jest.fn(async () => Promise.reject(failure)));
    await expect(createExcelOperations(deps).writeSampleSheet()).rejects.toBe(failure);
  });
});

describe("describeSheets", () => {
  it("names sheets the way a sentence does", () => {
    expect(describeSheets([])).toBe("nothing");
    expect(describeSheets(["Scorecard"])).toBe("the sheet “Scorecard”");
    expect(describeSheets(["A", "B", "C"])).toBe("the sheets “A”, “B” and “C”");
  });
});
