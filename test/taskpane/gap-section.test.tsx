/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { InputError } from "../../src/core/errors";
import { defaultFramework } from "../../src/core/framework";
import type { GapView } from "../../src/taskpane/operations";
import { AnalystPanel } from "../../src/taskpane/panels/AnalystPanel";
import { installJsdomLayout } from "./jsdom-layout";
import { fakeOperations, tabbable, type FakeOperations } from "./fakes";
import { installAriaReflection, renderPane } from "./render-pane";
import { goToStep, warmAnalystSteps } from "./steps";

const uninstall: (() => void)[] = [];
beforeAll(() => {
  uninstall.push(installJsdomLayout(), installAriaReflection());
  // jsdom has no object URLs; the pane makes one for the framework download.
  Object.assign(URL, { createObjectURL: jest.fn(() => "blob:framework"), revokeObjectURL: jest.fn() });
});
afterAll(() => uninstall.forEach((u) => u()));
// The later steps load on first use, as in the pane: load them once for this file.
beforeAll(warmAnalystSteps);

const button = (name: string | RegExp): HTMLElement => screen.getByRole("button", { name });
const gapSection = (): HTMLElement => screen.getByRole("region", { name: "Gap analysis" });

function choose(combobox: HTMLElement, option: string): void {
  fireEvent.click(combobox);
  fireEvent.click(screen.getByRole("option", { name: option }));
  act(() => combobox.blur());
}


const placements = (): HTMLElement => screen.getByRole("table", { name: "Where each indicator is placed" });

async function analyseSet(operations: FakeOperations = fakeOperations()): Promise<FakeOperations> {
  renderPane(<AnalystPanel operations={operations} />);
  goToStep("Gaps");
  fireEvent.click(button("Analyse the workbook's indicator set"));
  await screen.findByRole("group", { name: "Analysed" });
  return operations;
}

function lastRequest(operations: FakeOperations) {
  const calls = operations.analyseGaps.mock.calls;
  const request = calls[calls.length - 1]?.[0];
  if (!request) throw new Error("the analysis was not run");
  return request;
}

describe("Analyst > Gap analysis", () => {
  it("analyses the workbook's indicator set and says, per area, what is there and what is missing", async () => {
    const operations = await analyseSet();
    expect(operations.readIndicatorSet).toHaveBeenCalledTimes(1);
    const summary = screen.getByRole("group", { name: "Analysed" }).textContent ?? "";
    expect(summary).toContain("4 indicators from the sheet “Indicators” against “Developing a strategic quality assurance framework to safeguard children”");
    expect(screen.getByText(/^Balance of types: /)).toBeTruthy();
    const region = gapSection();
    for (const area of defaultFramework.areas) expect(within(region).getByRole("button", { name: new RegExp(`^${area.name.replace(/[()]/g, "\\$&")}`) })).toBeTruthy();

    fireEvent.click(within(region).getByRole("button", { name: /^Partnership working: 1 indicator/ }));
    const area = screen.getByRole("group", { name: "Area Partnership working" });
    expect(area.textContent).toContain("Types: 1 quantity, 0 quality, 0 outcome.");
    expect(area.textContent).toContain("Gaps: No outcome or quality information; nothing from children and parents, frontline staff or case records.");
    expect(area.textContent).toContain("1 indicator placed here: see Placements above.");
    const row = within(placements()).getByRole("row", { name: /^Strategy discussions attended by police \(Police\)/ });
    expect(row.textContent).toContain("Quantity, from management information; as the set states");
    expect(row.textContent).toContain("Partnership working");
  });

  it("finds an indicator's placement by any words of it, the rest of the table set aside", async () => {
    await analyseSet();
    expect(within(placements()).getAllByRole("row")).toHaveLength(5);
    const find = screen.getByRole("searchbox", { name: /Find an indicator's placement/ });
    fireEvent.change(find, { target: { value: "police strategy" } });
    const rows = within(placements()).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringMatching(/^Strategy discussions attended by police \(Police\)/)]);
    expect(screen.getByText("Showing 1 of 4.")).toBeTruthy();
    fireEvent.change(find, { target: { value: "not placed" } });
    expect(within(placements()).getAllByRole("row").slice(1).map((r) => r.textContent)).toEqual([expect.stringMatching(/^Zorbly flanges recalibrated \(Health\)/)]);
  });

  it("lists indicators it could not place, and places one as the analyst says", async () => {
    const operations = await analyseSet();
    // Those not placed come first.
    const first = within(placements()).getAllByRole("row")[1];
    expect(first?.textContent).toMatch(/^Zorbly flanges recalibrated \(Health\).*Not placed/);
    fireEvent.click(within(placements()).getByRole("button", { name: "Place Zorbly flanges recalibrated (Health)" }));
    const editor = screen.getByRole("group", { name: "Placement of Zorbly flanges recalibrated (Health)" });
    choose(within(editor).getByRole("combobox", { name: "Content area" }), "Workforce");
    choose(within(editor).getByRole("combobox", { name: "Type of information" }), "Quality");
    choose(within(editor).getByRole("combobox", { name: "Source of information" }), "Case records");
    fireEvent.click(within(editor).getByRole("button", { name: "Save placement" }));
    await waitFor(() => expect(within(placements()).queryByText("Not placed")).toBeNull());
    expect(lastRequest(operations).overrides).toEqual({ XX01: { area: "Workforce", type: "quality", source: "case_records" } });
    expect(button(/^Workforce: 1 indicator/)).toBeTruthy();
  });

  it("marks an area as a priority, and confirms a placement", async () => {
    const operations = await analyseSet();
    fireEvent.click(button(/^Partnership working:/));
    const area = screen.getByRole("group", { name: "Area Partnership working" });
    fireEvent.click(within(area).getByRole("checkbox", { name: "Priority area" }));
    await waitFor(() => expect(button(/^Partnership working \(priority\):/)).toBeTruthy());
    expect(lastRequest(operations).framework.areas.find((a) => a.name === "Partnership working")?.priority).toBe(true);

    fireEvent.click(within(placements()).getByRole("button", { name: "Confirm placement of Strategy discussions attended by police (Police)" }));
    await waitFor(() => expect(lastRequest(operations).overrides).toEqual({ PL01: { area: "Partnership working", type: "quantity", source: "management_information" } }));
    await waitFor(() =>
      expect(within(placements()).getByRole("row", { name: /^Strategy discussions attended by police \(Police\)/ }).textContent).toContain(
        "Quantity, from management information; confirmed by you",
      ),
    );
  });

  it("adds a suggested measure to the set in one step, placed, and writes it with the sheets", async () => {
    const operations = await analyseSet();
    fireEvent.click(button(/^Workforce:/));
    const area = screen.getByRole("group", { name: "Area Workforce" });
    const add = within(area).getAllByRole("button", { name: /^Add “.+” to the indicator set$/ })[0] as HTMLElement;
    const measure = /^Add “(.+)” to the indicator set$/.exec(add.getAttribute("aria-label") ?? "")?.[1] ?? "";
    fireEvent.click(add);
    await waitFor(() => expect(lastRequest(operations).indicators).toHaveLength(5));
    const added = lastRequest(operations).indicators[4];
    expect(added).toMatchObject({ name: measure, contentArea: "Workforce", id: null });
    expect(added?.type).not.toBeNull();
    expect(within(screen.getByRole("list", { name: "Measures added" })).getByText(`${measure} (Workforce)`)).toBeTruthy();
    await waitFor(() => expect(button(/^Workforce: 1 indicator/)).toBeTruthy());

    fireEvent.click(button("Write the Gap Analysis sheets"));
    await screen.findByRole("group", { name: "Gap analysis written" });
    expect(operations.writeGapSheets.mock.calls[0]?.[0]).toMatchObject({ writeIndicators: true });
    // Reading the set looked for kept choices (none), so the pane's go with the sheets.
    expect(operations.writeGapSheets.mock.calls[0]?.[0].keep).toMatchObject({ placements: [], priorities: null });
    expect(operations.writeGapSheets.mock.calls[0]?.[0].indicators).toHaveLength(5);

    fireEvent.click(button(`Remove “${measure}” from the indicator set`));
    await waitFor(() => expect(lastRequest(operations).indicators).toHaveLength(4));
  });

  it("offers the framework as a JSON download", async () => {
    await analyseSet();
    const link = await screen.findByRole("link", { name: "Download the framework (JSON)" });
    expect(link.getAttribute("href")).toBe("blob:framework");
    expect(link.getAttribute("download")).toBe("framework.json");
  });

  it("loads an edited framework, and says in words what is wrong with a bad one", async () => {
    const operations = await analyseSet();
    const input = screen.getByLabelText("Framework JSON file") as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(["{ not json"], "ours.json", { type: "application/json" })] } });
    const failed = await screen.findByRole("group", { name: "Could not load the framework" });
    expect(failed.textContent).toContain('"ours.json" is not a framework this tool can read: it is not valid JSON');

    const edited = { ...defaultFramework, name: "Our framework", areas: defaultFramework.areas.map((a) => ({ ...a, priority: a.name === "Workforce" })) };
    fireEvent.change(input, { target: { files: [new File([JSON.stringify(edited)], "ours.json", { type: "application/json" })] } });
    await screen.findByText("Using the framework from ours.json.");
    await waitFor(() => expect(screen.getByRole("group", { name: "Analysed" }).textContent).toContain("against “Our framework”"));
    expect(button(/^Workforce \(priority\):/)).toBeTruthy();
    expect(operations.parseFramework).toHaveBeenCalledTimes(2);

    fireEvent.click(button("Use the built-in framework"));
    await waitFor(() => expect(screen.getByRole("group", { name: "Analysed" }).textContent).toContain("against “Developing a strategic"));
  });

  it("waits for a workbook under Import before analysing its indicators, and says so", () => {
    renderPane(<AnalystPanel operations={fakeOperations()} />);
    goToStep("Gaps");
    const from = button("Analyse the indicators from Import");
    expect(from.getAttribute("aria-disabled")).toBe("true");
    expect(document.getElementById(from.getAttribute("aria-describedby") ?? "")?.textContent).toBe("Read a workbook under Import first.");
  });

  it("shows an input problem as text", async () => {
    const operations = fakeOperations({
      readIndicatorSet: async () => {
        throw new InputError("\"Partnership.xlsx\" has no sheet with an 'Indicator' column.");
      },
    });
    renderPane(<AnalystPanel operations={operations} />);
    goToStep("Gaps");
    fireEvent.click(button("Analyse the workbook's indicator set"));
    const failed = await screen.findByRole("group", { name: "Could not read the indicator set" });
    expect(failed.textContent).toContain("has no sheet with an 'Indicator' column.");
  });

  it("can be used by keyboard", async () => {
    await analyseSet();
    fireEvent.click(button(/^Workforce:/));
    const reachable = tabbable();
    for (const el of [
      button("Analyse the workbook's indicator set"),
      await screen.findByRole("link", { name: "Download the framework (JSON)" }),
      button("Load a framework from a JSON file"),
      screen.getByRole("searchbox", { name: /Find an indicator's placement/ }),
      button("Place Zorbly flanges recalibrated (Health)"),
      button(/^Workforce:/),
      screen.getByRole("checkbox", { name: "Priority area" }),
      within(screen.getByRole("group", { name: "Area Workforce" })).getAllByRole("button", { name: /^Add “/ })[0] as HTMLElement,
      button("Write the Gap Analysis sheets"),
    ]) {
      expect(reachable).toContain(el);
    }
    // The file input is reached through its button, not twice.
    expect(reachable).not.toContain(screen.getByLabelText("Framework JSON file"));
  });
});

describe("Analyst > Scorecard grouped by content area", () => {
  const HINT_BEFORE = "Content areas come from the Gap analysis (step 4), once run, or else from the indicator set's “Content area” column.";

  it("says where content areas come from before a Gap analysis, and uses the analysis's areas once run", async () => {
    const operations = fakeOperations();
    renderPane(<AnalystPanel operations={operations} />);
    goToStep("Scorecard");
    const group = screen.getByRole("radiogroup", { name: "Group rows by" });
    expect(screen.getByText(HINT_BEFORE)).toBeTruthy();
    goToStep("Import");
    fireEvent.click(button("Read this workbook"));
    await screen.findByRole("group", { name: "Read" });

    goToStep("Gaps");
    fireEvent.click(button("Analyse the indicators from Import"));
    await screen.findByRole("group", { name: "Analysed" });
    goToStep("Scorecard");
    expect(screen.queryByText(HINT_BEFORE)).toBeNull();
    expect(screen.getByText(/^Content areas are where the Gap analysis \(step 4\) placed each indicator/)).toBeTruthy();
    const view: GapView | undefined = await operations.analyseGaps.mock.results[0]?.value;
    const placed = new Map((view?.result.placements ?? []).filter((p) => p.area !== null).map((p) => [p.indicator, p.area]));
    expect(placed.size).toBeGreaterThan(0);

    fireEvent.click(within(group).getByRole("radio", { name: "Content area" }));
    fireEvent.click(button("Apply and write the Scorecard"));
    await screen.findByRole("group", { name: "Scorecard written" });
    const [data, settings] = operations.writeScorecard.mock.calls[0] ?? [];
    expect(settings?.groupBy).toBe("contentArea");
    expect(data?.indicators.some((ind) => ind.contentArea !== null)).toBe(true);
    for (const ind of data?.indicators ?? []) expect(ind.contentArea).toBe(placed.get(ind.name) ?? null);
  });
});
