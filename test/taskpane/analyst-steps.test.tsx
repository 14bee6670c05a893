/** @jest-environment jsdom */
/**
 * The Analyst tab as steps, and the choices the workbook remembers, with fake operations that run
 * the real engine: the row of steps and Back / Next by keyboard, each step saying what it needs;
 * choices kept in the workbook coming back on the first read (never over what the analyst chose
 * first); a recipe kept in the workbook applied and said; a recipe file read with; the recipe
 * offered as a download; choices kept on request; and a read stopped part way.
 */
import * as React from "react";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { parseCell } from "../../src/core/grid/address";
import type { Grid, GridWorkbook } from "../../src/core/grid/grid";
import type { AnalystChoices } from "../../src/core/model";
import type { SheetPlan } from "../../src/core/plan/plan";
import { analystSettingsSheet, recipeFrom } from "../../src/core/recipes";
import { planFingerprint, registerSheet } from "../../src/excel/ownership";
import type { LongJob, WorkbookRead } from "../../src/taskpane/operations";
import { AnalystPanel } from "../../src/taskpane/panels/AnalystPanel";
import { installJsdomLayout } from "./jsdom-layout";
import { fakeOperations, gridOf, PARTNERSHIP, tabbable, type FakeOperations } from "./fakes";
import { installAriaReflection, renderPane } from "./render-pane";
import { warmAnalystSteps } from "./steps";

const uninstall: (() => void)[] = [];
let urls = 0;
beforeAll(() => {
  uninstall.push(installJsdomLayout(), installAriaReflection());
  // jsdom has no object URLs; the pane makes one for the recipe's download.
  Object.assign(URL, { createObjectURL: jest.fn(() => `blob:recipe-${++urls}`), revokeObjectURL: jest.fn() });
});
afterAll(() => uninstall.forEach((u) => u()));
// The later steps load on first use, as in the pane: load them once for this file.
beforeAll(warmAnalystSteps);

const button = (name: string | RegExp): HTMLElement => screen.getByRole("button", { name });
const steps = (): HTMLElement => screen.getByRole("navigation", { name: "Analyst steps" });
const step = (label: string): HTMLElement => within(steps()).getByRole("button", { name: label });

/** The analyst's corrections on the fake workbook's Scorecard: Q2 left out, the sheet is Police's. */
const CORRECTIONS = { Scorecard: { columns: [{ col: 2, role: "ignore" as const }], sheetAgency: "Police" } };

const CHOICES: AnalystChoices = {
  thresholds: { green: 97, amber: 85 },
  groupBy: "contentArea",
  ratings: [{ indicatorId: null, indicator: "Referrals to children's social care", polarity: "lower", target: 400 }],
  placements: [{ indicator: "XX01", area: "Workforce", type: "quality", source: "case_records" }],
  priorities: ["Workforce"],
  framework: null,
  publishThreshold: 7,
  recipe: { ...recipeFrom(PARTNERSHIP, CORRECTIONS), from: "Partnership Q1.xlsx" },
};

/** A plan sheet as the grid the pane's read would give of it (values only, which is all it holds). */
function gridOfPlan(sheet: SheetPlan): Grid {
  const cells = new Map<string, string | number | boolean>();
  let rows = 0;
  let cols = 0;
  for (const block of sheet.blocks) {
    const at = parseCell(block.at);
    block.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || typeof v === "object") return;
        cells.set(`${at.row + r},${at.col + c}`, v);
        rows = Math.max(rows, at.row + r + 1);
        cols = Math.max(cols, at.col + c + 1);
      }),
    );
  }
  const values = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cells.get(`${r},${c}`) ?? null));
  return { ...gridOf(sheet.name, values), state: sheet.state ?? "visible" };
}

/** The fake workbook with the choices kept in it, as the add-in keeps them (its hidden sheet, listed in its register). */
function withKept(choices: AnalystChoices): GridWorkbook {
  const sheet = analystSettingsSheet(choices);
  const register = registerSheet([{ sheet: sheet.name, wanted: sheet.name, job: "Analyst settings", fingerprint: planFingerprint(sheet), writtenAt: "2025-10-01 09:00 UTC" }]);
  return { ...PARTNERSHIP, sheets: [...PARTNERSHIP.sheets, gridOfPlan(sheet), gridOfPlan(register)] };
}

function renderPanel(operations: FakeOperations = fakeOperations()): FakeOperations {
  renderPane(<AnalystPanel operations={operations} />);
  return operations;
}

async function readWorkbook(): Promise<void> {
  fireEvent.click(step("1 Import"));
  fireEvent.click(button("Read this workbook"));
  await screen.findByRole("group", { name: "Read" });
}

describe("Analyst steps", () => {
  it("shows one step at a time, says what each needs, and moves on with Next", async () => {
    renderPanel();
    expect(within(steps()).getAllByRole("listitem")).toHaveLength(5);
    expect(step("1 Import").getAttribute("aria-current")).toBe("step");
    expect(screen.getByText("Step 1 of 5. Start here.")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Import a workbook", level: 2 })).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Scorecard", level: 2 })).toBeNull();

    fireEvent.click(button("Next: Scorecard"));
    expect(step("2 Scorecard").getAttribute("aria-current")).toBe("step");
    expect(step("1 Import").getAttribute("aria-current")).toBeNull();
    expect(screen.getByText("Step 2 of 5. Needs the figures read under Import (step 1).")).toBeTruthy();
    // Focus follows to the step now shown, so that Tab carries on into it.
    await waitFor(() => expect(document.activeElement).toBe(step("2 Scorecard")));

    fireEvent.click(button("Go to step 1: Import"));
    expect(step("1 Import").getAttribute("aria-current")).toBe("step");
    await readWorkbook();
    fireEvent.click(step("2 Scorecard"));
    expect(screen.getByText("Step 2 of 5. Rates the 3 indicators read under Import.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Go to step 1: Import" })).toBeNull();
    // Every step and its Back and Next are in the tab order.
    for (const label of ["1 Import", "2 Scorecard", "3 Benchmarks", "4 Gaps", "5 Report"]) expect(tabbable()).toContain(step(label));
    expect(tabbable()).toEqual(expect.arrayContaining([button("Back: Import"), button("Next: Benchmarks")]));
  });

  it("keeps each step's work while another is shown", async () => {
    renderPanel();
    await readWorkbook();
    fireEvent.click(step("2 Scorecard"));
    fireEvent.click(button("Apply and write the Scorecard"));
    await screen.findByRole("group", { name: "Scorecard written" });
    fireEvent.click(step("5 Report"));
    fireEvent.click(step("2 Scorecard"));
    expect(screen.getByRole("group", { name: "Scorecard written" })).toBeTruthy();
  });
});

describe("the choices the workbook remembers", () => {
  it("come back on the first read: thresholds, grouping, a target, placements, priorities, the count to withhold and the corrections", async () => {
    const operations = renderPanel(fakeOperations({}, withKept(CHOICES)));
    await readWorkbook();
    const back = screen.getByRole("group", { name: "Your choices are back" }).textContent ?? "";
    expect(back).toContain("RAG thresholds 97% and 85% of target; the scorecard grouped by content area; 1 polarity or target given; 1 placement; priority areas Workforce");
    expect(screen.getByRole("group", { name: "Corrections kept" }).textContent).toContain(
      "Read as last quarter: 2 corrections applied to “Scorecard”, as kept in this workbook from Partnership Q1.xlsx.",
    );
    // The corrections are the reading's: Q2 left out, the sheet Police's.
    expect(button(/^Scorecard: 3 figures/)).toBeTruthy();
    fireEvent.click(button(/^Scorecard: 3 figures/));
    const sheet = screen.getByRole("group", { name: "Sheet Scorecard" });
    // Kept corrections are the analyst's own, not in doubt: one button away, which says there are some.
    const show = within(sheet).getByRole("button", { name: "Show or change the corrections" });
    expect(show.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(show);
    expect((within(sheet).getByRole("checkbox", { name: /^C: Q2 2024\/25/ }) as HTMLInputElement).checked).toBe(false);
    expect((within(sheet).getByRole("textbox", { name: /Agency for this sheet/ }) as HTMLInputElement).value).toBe("Police");
    // Read with them, the reading can be written as it is: nothing waits to be read again.
    expect(button("Write indicator sheets").getAttribute("aria-disabled")).not.toBe("true");
    expect(button("Read again with these corrections").getAttribute("aria-disabled")).toBe("true");

    fireEvent.click(step("2 Scorecard"));
    expect((screen.getByRole("textbox", { name: /Green at least/ }) as HTMLInputElement).value).toBe("97");
    expect((screen.getByRole("textbox", { name: /Amber at least/ }) as HTMLInputElement).value).toBe("85");
    expect((screen.getByRole("radio", { name: "Content area" }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole("combobox", { name: "Polarity for Referrals to children's social care" }).textContent).toBe("Lower is better");
    expect((screen.getByRole("textbox", { name: "Target for Referrals to children's social care" }) as HTMLInputElement).value).toBe("400");

    fireEvent.click(step("4 Gaps"));
    fireEvent.click(button("Analyse the workbook's indicator set"));
    await screen.findByRole("group", { name: "Analysed" });
    const request = operations.analyseGaps.mock.calls[0]?.[0];
    expect(request?.overrides).toEqual({ XX01: { area: "Workforce", type: "quality", source: "case_records" } });
    expect(request?.framework.areas.filter((a) => a.priority).map((a) => a.name)).toEqual(["Workforce"]);

    fireEvent.click(step("5 Report"));
    expect((screen.getByRole("textbox", { name: /Withhold counts from 1 to/ }) as HTMLInputElement).value).toBe("7");

    // And they go back with the next write, as they are.
    fireEvent.click(step("2 Scorecard"));
    fireEvent.click(button("Apply and write the Scorecard"));
    await screen.findByRole("group", { name: "Scorecard written" });
    const keep = operations.writeScorecard.mock.calls[0]?.[1].keep;
    expect(keep).toEqual({ ...CHOICES, recipe: { ...CHOICES.recipe, from: "Partnership.xlsx" } });
  });

  it("never overwrite what the analyst chose before the read", async () => {
    renderPanel(fakeOperations({}, withKept(CHOICES)));
    fireEvent.click(step("2 Scorecard"));
    fireEvent.change(screen.getByRole("textbox", { name: /Green at least/ }), { target: { value: "93" } });
    await readWorkbook();
    fireEvent.click(step("2 Scorecard"));
    expect((screen.getByRole("textbox", { name: /Green at least/ }) as HTMLInputElement).value).toBe("93");
  });

  it("are not written before the pane has looked for them, and are kept on request once it has", async () => {
    const operations = renderPanel();
    fireEvent.click(step("5 Report"));
    fireEvent.click(button("Write the report book"));
    await screen.findByRole("group", { name: "Report book written" });
    // Nothing read yet: the write carries no choices, and uses the thresholds kept in the workbook.
    expect(operations.writeReportBook.mock.calls[0]?.[0]).toEqual({ framework: null, settings: null });
    expect(screen.queryByRole("button", { name: "Keep my choices now" })).toBeNull();

    await readWorkbook();
    fireEvent.click(button("Keep my choices now"));
    await screen.findByRole("group", { name: "Choices kept" });
    expect(operations.saveChoices.mock.calls[0]?.[0]).toMatchObject({ thresholds: { green: 95, amber: 90 }, groupBy: "agency", publishThreshold: 5, recipe: null });
  });

  it("offer this workbook's corrections as a recipe to download", async () => {
    renderPanel();
    await readWorkbook();
    expect(screen.queryByRole("link", { name: "Download the reading recipe (JSON)" })).toBeNull();
    fireEvent.click(button(/^Scorecard: 5 figures/));
    fireEvent.click(within(screen.getByRole("group", { name: "Sheet Scorecard" })).getByRole("button", { name: "Correct how this sheet is read" }));
    fireEvent.change(within(screen.getByRole("group", { name: "Sheet Scorecard" })).getByRole("textbox", { name: /Agency for this sheet/ }), { target: { value: "Police" } });
    fireEvent.click(button("Read again with these corrections"));
    const link = await screen.findByRole("link", { name: "Download the reading recipe (JSON)" });
    expect(link.getAttribute("download")).toBe("reading-recipe.json");
    const blob = (URL.createObjectURL as jest.Mock).mock.calls.at(-1)?.[0] as Blob;
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blob);
    });
    const recipe = JSON.parse(text) as { kind: string; from: string; sheets: { sheet: string; override: unknown }[] };
    expect(recipe).toMatchObject({ kind: "reading-recipe", from: "Partnership.xlsx", sheets: [{ sheet: "Scorecard", override: { sheetAgency: "Police" } }] });
  });
});

describe("reading with a recipe file", () => {
  function pickRecipe(text: string, name = "recipe.json"): void {
    fireEvent.change(screen.getByLabelText("Reading recipe file"), { target: { files: [new File([text], name, { type: "application/json" })] } });
  }

  it("reads the workbook again with the recipe's corrections and says what it did", async () => {
    const operations = renderPanel();
    await readWorkbook();
    pickRecipe(JSON.stringify(CHOICES.recipe));
    const applied = await screen.findByRole("group", { name: "Recipe applied" });
    expect(applied.textContent).toContain("Read with the recipe recipe.json: 2 corrections applied to “Scorecard”.");
    expect(operations.readWithRecipe).toHaveBeenCalledTimes(1);
    expect(button(/^Scorecard: 3 figures/)).toBeTruthy();
  });

  it("says so when the recipe fits no sheet, or is not a recipe", async () => {
    renderPanel();
    await readWorkbook();
    const other = recipeFrom({ file: "Other.xlsx", sheets: [gridOf("Health", [["Measure", "2024/25"], ["Visits", 3]])] }, { Health: { skip: true } });
    pickRecipe(JSON.stringify(other));
    expect((await screen.findByRole("group", { name: "Recipe not used" })).textContent).toContain("The recipe recipe.json fits no sheet of Partnership.xlsx");
    pickRecipe("{ nope", "broken.json");
    expect((await screen.findByRole("group", { name: "Could not use the recipe" })).textContent).toBe("Could not use the recipeThe recipe broken.json is not valid JSON.");
  });
});

describe("a long read", () => {
  it("shows a bar that moves with the rows read, and stops when asked, saying nothing was read", async () => {
    let heard: LongJob | undefined;
    const operations = fakeOperations({
      readWorkbook: (job) =>
        new Promise<WorkbookRead>((_resolve, reject) => {
          heard = job;
          job?.signal?.addEventListener("abort", () => {
            const stopped = new Error("Stopped as you asked: nothing was read, and nothing was written.");
            stopped.name = "StoppedError";
            reject(stopped);
          });
        }),
    });
    renderPanel(operations);
    fireEvent.click(button("Read this workbook"));
    await waitFor(() => expect(heard).toBeDefined());
    await act(async () => heard?.onProgress?.({ step: "reading", done: 20_000, total: 50_000, unit: "rows" }));
    const bar = screen.getByRole("progressbar", { name: "Reading the workbook" });
    expect(Number(bar.getAttribute("aria-valuenow"))).toBeCloseTo(0.36, 5);
    expect(document.body.textContent).toContain("Reading the workbook: 20,000 of 50,000 rows");
    fireEvent.click(button("Stop"));
    expect((await screen.findByRole("group", { name: "Stopped" })).textContent).toContain("nothing was read, and nothing was written.");
    expect(screen.queryByRole("progressbar")).toBeNull();
    // The read was stopped, not failed: reading again is there to press.
    expect(button("Read this workbook").getAttribute("aria-disabled")).not.toBe("true");
  });
});
