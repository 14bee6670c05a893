/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { InputError } from "../../src/core/errors";
import { OwnershipError, WriteFailedError } from "../../src/excel/ownership";
import { AnalystPanel } from "../../src/taskpane/panels/AnalystPanel";
import type { Operations } from "../../src/taskpane/operations";
import { installJsdomLayout } from "./jsdom-layout";
import { fakeOperations, gridOf, PARTNERSHIP, tabbable } from "./fakes";
import type { GridWorkbook } from "../../src/core/grid/grid";
import { installAriaReflection, renderPane } from "./render-pane";
import { goToStep, warmAnalystSteps } from "./steps";

const uninstall: (() => void)[] = [];
beforeAll(() => {
  uninstall.push(installJsdomLayout(), installAriaReflection());
});
afterAll(() => uninstall.forEach((u) => u()));
// The later steps load on first use, as in the pane: load them once for this file.
beforeAll(warmAnalystSteps);

function renderPanel(operations: Operations | null = fakeOperations(), unavailableReason?: string) {
  return renderPane(<AnalystPanel operations={operations} unavailableReason={unavailableReason} />);
}

function button(name: string | RegExp, hidden = false): HTMLElement {
  return screen.getByRole("button", { name, hidden });
}

function isDisabled(el: HTMLElement): boolean {
  return el.getAttribute("aria-disabled") === "true";
}

/** The text read out with a control: its aria-describedby targets. */
function description(el: HTMLElement): string {
  return (el.getAttribute("aria-describedby") ?? "")
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ")
    .trim();
}

async function readWorkbook(): Promise<void> {
  fireEvent.click(button("Read this workbook"));
  await screen.findByRole("group", { name: "Read" });
}


/** Opens a sheet's part of the import report, and its corrections, and returns it. */
function openSheet(header: RegExp): HTMLElement {
  fireEvent.click(button(header));
  const sheet = /^(\S+):/.exec(screen.getByRole("button", { name: header }).textContent ?? "")?.[1] ?? "";
  const group = screen.getByRole("group", { name: `Sheet ${sheet}` });
  const correct = within(group).queryByRole("button", { name: /^(Correct how this sheet is read|Show or change the corrections)$/ });
  if (correct) fireEvent.click(correct);
  return group;
}

/** Chooses an option in a Fluent Dropdown by clicking, as a mouse user would. */
function choose(combobox: HTMLElement, option: string): void {
  fireEvent.click(combobox);
  fireEvent.click(screen.getByRole("option", { name: option }));
  // A focused Dropdown keeps its list mounted and positions it on every render, which is slow in
  // jsdom (every getComputedStyle walks Fluent's style rules); moving on, as a user would, ends that.
  act(() => combobox.blur());
}

describe("Analyst > Import", () => {
  it("lists the sheets whose reading is in doubt first, with their details open", async () => {
    const doubtful: GridWorkbook = {
      file: "Mixed.xlsx",
      sheets: [
        ...PARTNERSHIP.sheets,
        gridOf("Health", [
          ["Indicator", "Q1 2024/25", "Q2 2024/25", "Q3 2024/25", "Q4 2024/25"],
          ["Health visits within 14 days (%)", 91, "awaiting", "due", "see below"],
          ["Looked-after children health checks (%)", "late", 80, "pending data", "tbd later"],
        ]),
      ],
    };
    renderPanel(fakeOperations({}, doubtful));
    await readWorkbook();
    expect(screen.getByRole("group", { name: "Check these sheets before writing" }).textContent).toContain("Health: the reading is in doubt");
    const headers = screen.getAllByRole("button").map((b) => b.textContent ?? "").filter((t) => /^(Scorecard|Notes|Health):/.test(t));
    expect(headers[0]).toMatch(/^Health: 2 figures, .*check this reading: \d+% sure/);
    // Open without a click: its corrections are in front of the analyst.
    expect(screen.getByRole("group", { name: "Sheet Health" })).toBeTruthy();
    expect(screen.queryByRole("group", { name: "Sheet Scorecard" })).toBeNull();
  });

  it("reads the workbook and says what it found, per sheet, in words", async () => {
    const operations = fakeOperations();
    renderPanel(operations);
    await readWorkbook();
    expect(operations.readWorkbook).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("group", { name: "Read" }).textContent).toContain(
      "Found 3 indicators and 5 figures on 1 sheet of Partnership.xlsx. 2 warnings: see each sheet.",
    );
    expect(button(/^Scorecard: 5 figures, 1 warning$/)).toBeTruthy();
    expect(button(/^Notes: not read$/)).toBeTruthy();

    const sheet = openSheet(/^Scorecard:/);
    const text = sheet.textContent ?? "";
    expect(text).toContain("indicators down the rows, periods across the columns");
    expect(text).toContain("Heading rows3");
    expect(text).toContain("Indicator columnA: Indicator");
    expect(text).toContain("Figure columnsB (Q1 2024/25) and C (Q2 2024/25)");
    // How it was read, in notes, one button away.
    const showNotes = within(sheet).getByRole("button", { name: /^Show \d+ notes?$/ });
    expect(showNotes.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(showNotes);
    expect(within(sheet).getByRole("button", { name: "Hide the notes" }).getAttribute("aria-expanded")).toBe("true");
    expect(sheet.textContent).toContain("Headings: row 3");
    expect(text).toContain("Periods2 periods, Q1 2024/25 to Q2 2024/25");
    expect(text).toContain("C6: “see note” is not a number".replace(/“|”/g, '"'));

    const notes = openSheet(/^Notes:/);
    expect(notes.textContent).toContain("Not read: no row holds a figure beside a label.");
  });

  it("takes the analyst to a warning's cell", async () => {
    const operations = fakeOperations();
    renderPanel(operations);
    await readWorkbook();
    const sheet = openSheet(/^Scorecard:/);
    fireEvent.click(within(sheet).getByRole("button", { name: "Go to C6" }));
    await waitFor(() => expect(operations.selectCell).toHaveBeenCalledWith("Scorecard", "C6"));
  });

  it("re-reads with the analyst's corrections, without writing anything", async () => {
    const operations = fakeOperations();
    renderPanel(operations);
    await readWorkbook();
    const again = button("Read again with these corrections");
    // Nothing changed yet, so there is nothing to read again, and the button says so.
    expect(isDisabled(again)).toBe(true);
    expect(description(again)).toBe("Change how a sheet is read first.");

    const sheet = openSheet(/^Scorecard:/);
    fireEvent.click(within(sheet).getByRole("checkbox", { name: "C: Q2 2024/25 (Q2 2024/25)" }));
    fireEvent.change(within(sheet).getByRole("textbox", { name: /Agency for this sheet/ }), { target: { value: " Police " } });
    // Writing what was read before the corrections would surprise: the write waits for them.
    expect(description(button("Write indicator sheets"))).toMatch(/^Read again with your corrections first/);

    fireEvent.click(again);
    await waitFor(() => expect(button(/^Scorecard: 3 figures$/)).toBeTruthy());
    expect(operations.extract).toHaveBeenCalledWith(expect.objectContaining({ file: "Partnership.xlsx" }), {
      Scorecard: { columns: [{ col: 2, role: "ignore" }], sheetAgency: "Police" },
    });
    expect(operations.writeIndicatorSheets).not.toHaveBeenCalled();
    expect(operations.writeScorecard).not.toHaveBeenCalled();
    // The corrections can be cleared in one step.
    fireEvent.click(button("Clear all corrections"));
    await waitFor(() => expect(button(/^Scorecard: 5 figures/)).toBeTruthy());
    expect(operations.extract).toHaveBeenLastCalledWith(expect.anything(), {});
  });

  it("corrects the heading rows and indicator column, and says when rows cannot be read", async () => {
    const operations = fakeOperations();
    renderPanel(operations);
    await readWorkbook();
    const sheet = openSheet(/^Scorecard:/);
    const rows = within(sheet).getByRole("textbox", { name: /Heading rows/ });
    expect((rows as HTMLInputElement).value).toBe("3");
    fireEvent.change(rows, { target: { value: "three" } });
    expect(sheet.textContent).toContain("“three” is not a row number or a range of rows such as 3-4.");
    const again = button("Read again with these corrections");
    expect(isDisabled(again)).toBe(true);
    expect(description(again)).toContain("The heading rows of “Scorecard” need a look");

    fireEvent.change(rows, { target: { value: "2-3" } });
    choose(within(sheet).getByRole("combobox", { name: /Indicator column/ }), "None: the column headings name the measures");
    fireEvent.click(again);
    await waitFor(() => expect(operations.extract).toHaveBeenCalledTimes(1));
    expect(operations.extract.mock.calls[0]?.[1]).toEqual({ Scorecard: { headerRows: [1, 2], indicatorColumn: null } });
  });

  it("leaves a sheet out when asked, and can bring it back", async () => {
    const operations = fakeOperations();
    renderPanel(operations);
    await readWorkbook();
    const sheet = openSheet(/^Scorecard:/);
    fireEvent.click(within(sheet).getByRole("checkbox", { name: "Leave this sheet out" }));
    fireEvent.click(button("Read again with these corrections"));
    await screen.findByRole("group", { name: "Nothing could be read yet" });
    expect(button(/^Scorecard: left out$/)).toBeTruthy();
    expect(description(button("Write indicator sheets"))).toMatch(/^No indicators were found/);
  });

  it("writes the indicator sheets with the scorecard's settings and shows the ratings in words", async () => {
    const operations = fakeOperations();
    renderPanel(operations);
    expect(screen.queryByRole("button", { name: "Write indicator sheets" })).toBeNull();
    await readWorkbook();
    fireEvent.click(button("Write indicator sheets"));
    const done = await screen.findByRole("group", { name: "Written" });
    expect(done.textContent).toContain("Wrote the sheets “Scorecard”, “Indicators” and “Observations”.");
    const counts = within(done).getByRole("list", { name: "Latest ratings on the Scorecard" });
    expect(within(counts).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Red 1", "Amber 0", "Green 1", "Not rated 1"]);
    const request = operations.writeIndicatorSheets.mock.calls[0]?.[0];
    expect(request?.includeScorecard).toBe(true);
    expect(request?.settings).toMatchObject({ greenPercent: 95, amberPercent: 90, groupBy: "agency", additions: [] });
    // The workbook kept no choices, so the pane's own go with the sheets.
    expect(request?.settings.keep).toMatchObject({ thresholds: { green: 95, amber: 90 }, groupBy: "agency", ratings: [], recipe: null });
    expect(request?.data.observations).toHaveLength(5);

    fireEvent.click(screen.getByRole("checkbox", { name: "Also write the Scorecard sheet" }));
    fireEvent.click(button("Write indicator sheets"));
    await waitFor(() => expect(operations.writeIndicatorSheets).toHaveBeenCalledTimes(2));
    expect(operations.writeIndicatorSheets.mock.calls[1]?.[0].includeScorecard).toBe(false);
  });

  it("shows an input problem's own words when the workbook cannot be read", async () => {
    const operations = fakeOperations({
      readWorkbook: async () => {
        throw new InputError("This workbook only holds sheets the add-in wrote: open the workbook with your figures, then read it.");
      },
    });
    renderPanel(operations);
    fireEvent.click(button("Read this workbook"));
    const failed = await screen.findByRole("group", { name: "Could not read the workbook" });
    expect(failed.textContent).toContain("This workbook only holds sheets the add-in wrote");
  });

  it("shows a write's input problem as text", async () => {
    const operations = fakeOperations({
      writeIndicatorSheets: async () => {
        throw new InputError("This workbook already has a sheet called “Return” that the add-in did not write: rename it, then try again.");
      },
    });
    renderPanel(operations);
    await readWorkbook();
    fireEvent.click(button("Write indicator sheets"));
    const failed = await screen.findByRole("group", { name: "Could not write" });
    expect(failed.textContent).toContain("already has a sheet called “Return”");
  });

  it("shows cell text as text, never as HTML", async () => {
    const operations = fakeOperations({
      readWorkbook: async () => {
        const { importWorkbook } = await import("../../src/taskpane/office/jobs");
        const { gridOf } = await import("./fakes");
        return importWorkbook({
          file: "<b>x</b>.xlsx",
          sheets: [
            gridOf("<img src=x>", [
              ["Indicator", "Q1 2024/25"],
              ["<i>Repeat plans</i>", 4],
            ]),
          ],
        });
      },
    });
    const { container } = renderPanel(operations);
    await readWorkbook();
    fireEvent.click(button(/^<img src=x>:/));
    expect(container.textContent).toContain("<i>Repeat plans</i>");
    expect(container.querySelector("img, b, i")).toBeNull();
  });
});

describe("Analyst > Scorecard", () => {
  it("waits for a workbook to be read, and says so", () => {
    renderPanel();
    goToStep("Scorecard");
    expect(screen.getByText("Step 2 of 5. Needs the figures read under Import (step 1).")).toBeTruthy();
    const apply = button("Apply and write the Scorecard");
    expect(isDisabled(apply)).toBe(true);
    expect(description(apply)).toBe("Read a workbook under Import first.");
  });

  it("takes thresholds, grouping, and a polarity and target for an indicator without them, and shows the counts", async () => {
    const operations = fakeOperations();
    renderPanel(operations);
    await readWorkbook();
    goToStep("Scorecard");
    const table = screen.getByRole("table", { name: "Indicators without a polarity or target" });
    expect(within(table).getAllByRole("row")).toHaveLength(2);
    choose(within(table).getByRole("combobox", { name: "Polarity for Referrals to children's social care" }), "Lower is better");
    fireEvent.change(within(table).getByRole("textbox", { name: "Target for Referrals to children's social care" }), { target: { value: "400" } });
    fireEvent.change(screen.getByRole("textbox", { name: /Green at least/ }), { target: { value: "90" } });
    fireEvent.change(screen.getByRole("textbox", { name: /Amber at least/ }), { target: { value: "80%" } });
    fireEvent.click(screen.getByRole("radio", { name: "Content area" }));

    fireEvent.click(button("Apply and write the Scorecard"));
    const done = await screen.findByRole("group", { name: "Scorecard written" });
    expect(operations.writeScorecard).toHaveBeenCalledWith(
      expect.objectContaining({ indicators: expect.any(Array) }),
      expect.objectContaining({
        greenPercent: 90,
        amberPercent: 80,
        groupBy: "contentArea",
        additions: [{ indicatorId: null, indicator: "Referrals to children's social care", polarity: "lower", target: 400 }],
      }),
      {},
      expect.anything(),
    );
    // The same choices are kept in the workbook with the sheet.
    expect(operations.writeScorecard.mock.calls[0]?.[1].keep).toMatchObject({
      thresholds: { green: 90, amber: 80 },
      groupBy: "contentArea",
      ratings: [{ indicatorId: null, indicator: "Referrals to children's social care", polarity: "lower", target: 400 }],
    });
    const counts = within(done).getByRole("list", { name: "Latest ratings" });
    expect(within(counts).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Red 1", "Amber 0", "Green 2", "Not rated 0"]);
  });

  it("asks before replacing a Scorecard changed by hand, and Replace it writes it again with that sheet named", async () => {
    const question = new OwnershipError([{ sheet: "Scorecard (add-in)", reason: "changed-by-hand" }]);
    let calls = 0;
    const operations = fakeOperations({
      writeScorecard: async (_data, _settings, options) => {
        calls += 1;
        if (!options?.replace?.includes("Scorecard (add-in)")) throw question;
        return { summary: "Wrote the sheet “Scorecard (add-in)”. “Scorecard (add-in)” was replaced as you asked; no other sheet was changed.", counts: { red: 1, amber: 0, green: 2, notRated: 0, total: 3 } };
      },
    });
    renderPanel(operations);
    await readWorkbook();
    goToStep("Scorecard");
    fireEvent.click(button("Apply and write the Scorecard"));
    const asked = await screen.findByRole("group", { name: "Replace this sheet?" });
    expect(asked.textContent).toContain("Sheet “Scorecard (add-in)” has been changed by hand since the add-in wrote it: replace it anyway?");
    // The answers come straight after the button in the tab order.
    const order = tabbable();
    const apply = order.indexOf(button("Apply and write the Scorecard"));
    expect(order.slice(apply + 1, apply + 3)).toEqual([within(asked).getByRole("button", { name: "Replace it" }), within(asked).getByRole("button", { name: "Keep it" })]);

    fireEvent.click(within(asked).getByRole("button", { name: "Replace it" }));
    const done = await screen.findByRole("group", { name: "Scorecard written" });
    expect(done.textContent).toContain("was replaced as you asked");
    expect(calls).toBe(2);
    expect(operations.writeScorecard).toHaveBeenLastCalledWith(expect.anything(), expect.anything(), { replace: ["Scorecard (add-in)"] }, expect.anything());
    expect(screen.queryByRole("group", { name: "Replace this sheet?" })).toBeNull();
  });

  it("Keep it writes nothing and says the sheet is kept", async () => {
    const operations = fakeOperations({
      writeScorecard: async () => {
        throw new OwnershipError([{ sheet: "Scorecard (add-in)", reason: "changed-by-hand" }]);
      },
    });
    renderPanel(operations);
    await readWorkbook();
    goToStep("Scorecard");
    fireEvent.click(button("Apply and write the Scorecard"));
    const asked = await screen.findByRole("group", { name: "Replace this sheet?" });
    fireEvent.click(within(asked).getByRole("button", { name: "Keep it" }));
    const kept = await screen.findByRole("group", { name: "Kept" });
    expect(kept.textContent).toContain("Nothing was written: “Scorecard (add-in)” is kept as it is.");
    expect(operations.writeScorecard).toHaveBeenCalledTimes(1);
  });

  it("shows a write that failed part way as the report of what each sheet holds", async () => {
    const failed = new WriteFailedError(
      [
        { sheet: "Scorecard", outcome: "written" },
        { sheet: "Observations", outcome: "incomplete" },
      ],
      new Error("The connection to Excel was lost."),
      true,
    );
    renderPanel(fakeOperations({ writeScorecard: async () => Promise.reject(failed) }));
    await readWorkbook();
    goToStep("Scorecard");
    fireEvent.click(button("Apply and write the Scorecard"));
    const shown = await screen.findByRole("group", { name: "Could not write the Scorecard" });
    expect(shown.textContent).toContain(
      "Excel stopped part way through writing (The connection to Excel was lost). “Scorecard” was written in full; “Observations” is incomplete. Run it again to finish; no other sheet was touched.",
    );
  });

  it("says what is wrong with thresholds, next to them, and will not apply them", async () => {
    const operations = fakeOperations();
    renderPanel(operations);
    await readWorkbook();
    goToStep("Scorecard");
    fireEvent.change(screen.getByRole("textbox", { name: /Amber at least/ }), { target: { value: "96" } });
    expect(screen.getByText("Amber must not be above green.")).toBeTruthy();
    const apply = button("Apply and write the Scorecard");
    expect(description(apply)).toBe("Check the settings: amber: Amber must not be above green.");
    fireEvent.click(apply);
    expect(operations.writeScorecard).not.toHaveBeenCalled();
    fireEvent.change(screen.getByRole("textbox", { name: /Green at least/ }), { target: { value: "lots" } });
    expect(screen.getByText("Give a percentage of target, such as 95.")).toBeTruthy();
  });

  it("shows an input problem from the write as text", async () => {
    const operations = fakeOperations({
      writeScorecard: async () => {
        throw new InputError("There are no figures to put on a scorecard: read a workbook with figures first.");
      },
    });
    renderPanel(operations);
    await readWorkbook();
    goToStep("Scorecard");
    fireEvent.click(button("Apply and write the Scorecard"));
    const failed = await screen.findByRole("group", { name: "Could not write the Scorecard" });
    expect(failed.textContent).toContain("There are no figures to put on a scorecard");
  });
});

describe("Analyst panel by keyboard", () => {
  it("puts every control in the tab order, the unavailable ones too", async () => {
    renderPanel();
    await readWorkbook();
    openSheet(/^Scorecard:/);
    const steps = within(screen.getByRole("navigation", { name: "Analyst steps" })).getAllByRole("button");
    expect(steps.map((b) => b.textContent)).toEqual(["1 Import", "2 Scorecard", "3 Benchmarks", "4 Gaps", "5 Report"]);
    for (const s of steps) expect(tabbable()).toContain(s);
    const importControls = [
      button("Read this workbook"),
      button(/^Scorecard: /),
      screen.getByRole("checkbox", { name: "Leave this sheet out" }),
      screen.getByRole("textbox", { name: /Heading rows/ }),
      screen.getByRole("combobox", { name: /Indicator column/ }),
      screen.getByRole("combobox", { name: /Period column/ }),
      screen.getByRole("checkbox", { name: "B: Q1 2024/25 (Q1 2024/25)" }),
      button("Go to C6"),
      button("Read again with these corrections"),
      screen.getByRole("checkbox", { name: "Also write the Scorecard sheet" }),
      button("Write indicator sheets"),
      button("Next: Scorecard"),
    ];
    for (const el of importControls) expect(tabbable()).toContain(el);

    // Next goes to the Scorecard step, and focus to its place in the row of steps.
    fireEvent.click(button("Next: Scorecard"));
    await waitFor(() => expect(document.activeElement?.textContent).toBe("2 Scorecard"));
    expect(document.activeElement?.getAttribute("aria-current")).toBe("step");
    const scorecardControls = [
      screen.getByRole("textbox", { name: /Green at least/ }),
      screen.getByRole("combobox", { name: "Polarity for Referrals to children's social care" }),
      screen.getByRole("textbox", { name: "Target for Referrals to children's social care" }),
      button("Apply and write the Scorecard"),
      button("Back: Import"),
      button("Next: Benchmarks"),
    ];
    for (const el of scorecardControls) expect(tabbable()).toContain(el);
    // The Import step's controls are out of the way (hidden) until it is chosen again.
    expect(tabbable()).not.toContain(button("Write indicator sheets", true));
  });

  it("chooses from a dropdown with the arrow keys and Enter", async () => {
    renderPanel();
    await readWorkbook();
    goToStep("Scorecard");
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    const polarity = screen.getByRole("combobox", { name: "Polarity for Referrals to children's social care" });
    act(() => polarity.focus());
    await act(async () => {
      fireEvent.keyDown(polarity, { key: "ArrowDown" });
    });
    await act(async () => {
      fireEvent.keyDown(polarity, { key: "ArrowDown" });
    });
    await act(async () => {
      fireEvent.keyDown(polarity, { key: "Enter" });
    });
    expect(polarity.textContent).toBe("Higher is better");
  });

  it("keeps the buttons focusable outside Excel and says why they do nothing", () => {
    renderPanel(null, "This needs Excel: open the add-in inside Excel to use it.");
    const read = button("Read this workbook");
    expect(tabbable()).toContain(read);
    expect(isDisabled(read)).toBe(true);
    expect(description(read)).toBe("This needs Excel: open the add-in inside Excel to use it.");
  });
});

