/** @jest-environment jsdom */
import * as React from "react";
import axe from "axe-core";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { Operations, OperationResult } from "../../src/taskpane/operations";
import { InputError } from "../../src/core/errors";
import { installJsdomLayout } from "./jsdom-layout";
import { fakeOperations } from "./fakes";
import { warmAnalystSteps } from "./steps";

let uninstallLayout: () => void = () => undefined;
beforeAll(() => {
  uninstallLayout = installJsdomLayout();
});
afterAll(() => uninstallLayout());
// The Analyst tab's later steps load on first use, as in the pane: load them once for this file.
beforeAll(warmAnalystSteps);

function sampleOperations(writeSampleSheet: () => Promise<OperationResult>): Operations {
  return fakeOperations({ writeSampleSheet });
}

const ok = sampleOperations(async () => ({ summary: "Wrote the sheet “Scorecard” to this workbook." }));

function renderInExcel(operations: Operations = ok) {
  return render(<App host={{ kind: "excel" }} operations={operations} theme="light" />);
}

describe("the task pane's tabs", () => {
  it("shows one tab per kind of user, the analyst's chosen first", () => {
    renderInExcel();
    const list = within(screen.getByRole("tablist", { name: "Choose your job" }));
    const tabs = ["Analyst", "Agency return", "Collation"].map((name) => list.getByRole("tab", { name }));
    expect(list.getAllByRole("tab")).toEqual(tabs);
    expect(tabs.map((t) => t.getAttribute("aria-selected"))).toEqual(["true", "false", "false"]);
  });

  it("ties each tab to its panel, and shows only the chosen panel", () => {
    renderInExcel();
    for (const tab of screen.getAllByRole("tab")) {
      const panel = document.getElementById(tab.getAttribute("aria-controls") ?? "");
      expect(panel?.getAttribute("role")).toBe("tabpanel");
      expect(panel?.getAttribute("aria-labelledby")).toBe(tab.id);
    }
    // Hidden panels are out of the accessibility tree, so only one tabpanel is found.
    const visible = screen.getAllByRole("tabpanel");
    expect(visible).toHaveLength(1);
    expect(within(visible[0] as HTMLElement).getByRole("heading", { name: "Import a workbook" })).toBeTruthy();
  });

  it("can be used by keyboard: the chosen tab takes focus, arrow keys, Home and End move between tabs", async () => {
    renderInExcel();
    // Fluent's keyboard handling (tabster) starts on a timer after the first render, as in a browser.
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    const [analyst, agency, collation] = screen.getAllByRole("tab") as [HTMLElement, HTMLElement, HTMLElement];
    // Only the chosen tab is in the Tab order; the others are reached with the arrow keys.
    expect(analyst.tabIndex).toBe(0);
    act(() => analyst.focus());
    expect(document.activeElement).toBe(analyst);

    // Fluent's keyboard handling moves focus asynchronously, hence act(async) around each key.
    const press = async (key: "ArrowRight" | "ArrowLeft" | "Home" | "End") => {
      await act(async () => {
        fireEvent.keyDown(document.activeElement ?? document.body, { key, code: key });
      });
    };
    await press("ArrowRight");
    expect(document.activeElement).toBe(agency);
    await press("ArrowRight");
    expect(document.activeElement).toBe(collation);
    await press("ArrowLeft");
    expect(document.activeElement).toBe(agency);
    await press("Home");
    expect(document.activeElement).toBe(analyst);
    await press("End");
    expect(document.activeElement).toBe(collation);
    await press("ArrowLeft");
    // Moving focus does not choose a tab by itself: the panel stays until the person picks one.
    expect(analyst.getAttribute("aria-selected")).toBe("true");

    // Enter (a click, for a button) chooses the focused tab and shows its panel.
    fireEvent.click(agency);
    expect(agency.getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tabpanel", { name: "Agency return" })).toBeTruthy();
    // The panel loads on first choice; until then the tab says so.
    expect(screen.getByRole("progressbar", { name: "Loading the Agency return tab…" })).toBeTruthy();
    expect(await screen.findByRole("heading", { name: "Check my return" })).toBeTruthy();

    fireEvent.click(collation);
    expect(screen.getByRole("tabpanel", { name: "Collation" })).toBeTruthy();
    expect(await screen.findByRole("heading", { name: "Collate returns" })).toBeTruthy();
  });

  it("names each part of each job as a heading, so screen-reader users can jump between them", () => {
    renderInExcel();
    const steps = screen.getByRole("navigation", { name: "Analyst steps" });
    for (const [step, names] of [
      ["1 Import", ["Import a workbook", "Sample sheet"]],
      ["2 Scorecard", ["Scorecard"]],
      ["3 Benchmarks", ["Benchmarks"]],
      ["4 Gaps", ["Gap analysis"]],
      ["5 Report", ["Report book"]],
    ] as const) {
      fireEvent.click(within(steps).getByRole("button", { name: step }));
      for (const name of names) expect(screen.getByRole("heading", { name, level: 2 })).toBeTruthy();
    }
    // Nothing is left saying it is not built yet.
    expect(screen.queryAllByText(/^Not available yet\. /)).toHaveLength(0);
  });
});

describe("outside Excel", () => {
  it("says, in one sentence, that it runs inside Excel and how to sideload it", () => {
    render(<App host={{ kind: "no-office" }} operations={null} theme="light" />);
    const message = screen.getByRole("group", { name: "Open this in Excel" });
    expect(message.textContent).toContain("This add-in runs inside Excel");
    expect(message.textContent).toContain("npm start");
    expect(message.textContent).toContain("Insert > Add-ins > Upload My Add-in");
    expect(message.textContent).toContain("manifest.xml");
  });

  it("names the other Office application when opened in one", () => {
    render(<App host={{ kind: "other-host", host: "Word" }} operations={null} theme="light" />);
    expect(screen.getByRole("group", { name: "Open this in Excel" }).textContent).toContain(
      "runs inside Excel, not Word",
    );
  });

  it("still shows the tabs, with the workbook actions unavailable and saying why", () => {
    const operations = sampleOperations(async () => ({ summary: "should not run" }));
    // Operations passed by mistake are still withheld until Excel is ready.
    render(<App host={{ kind: "no-office" }} operations={operations} theme="light" />);
    expect(screen.getAllByRole("tab")).toHaveLength(3);
    const button = screen.getByRole("button", { name: "Write the sample sheet" });
    expect(button.getAttribute("aria-disabled")).toBe("true");
    expect(button.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(button.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "This needs Excel: open the add-in inside Excel to use it.",
    );
    fireEvent.click(button);
    expect(operations.writeSampleSheet).not.toHaveBeenCalled();
  });

  it("says clearly when Excel does not start the add-in in time", () => {
    render(<App host={{ kind: "timeout", seconds: 10 }} operations={null} theme="light" />);
    const message = screen.getByRole("group", { name: "Excel did not respond" });
    expect(message.textContent).toContain("within 10 seconds");
  });

  it("shows that it is connecting while Office starts", () => {
    render(<App host={{ kind: "starting" }} operations={null} theme="light" />);
    expect(screen.getByRole("group", { name: "Starting" }).textContent).toContain("Connecting to Excel");
  });
});

describe("the sample sheet action", () => {
  it("calls its operation and shows the result as text", async () => {
    const operations = sampleOperations(async () => ({ summary: "Wrote the sheet “Scorecard” to this workbook." }));
    renderInExcel(operations);
    fireEvent.click(screen.getByRole("button", { name: "Write the sample sheet" }));
    const done = await screen.findByRole("group", { name: "Done" });
    expect(operations.writeSampleSheet).toHaveBeenCalledTimes(1);
    expect(done.textContent).toContain("Wrote the sheet “Scorecard” to this workbook.");
  });

  it("shows progress and cannot be started twice while running", async () => {
    let finish: (r: OperationResult) => void = () => undefined;
    const operations = sampleOperations(() => new Promise<OperationResult>((resolve) => (finish = resolve)));
    renderInExcel(operations);
    const button = screen.getByRole("button", { name: "Write the sample sheet" });
    fireEvent.click(button);
    expect(screen.getByText("Writing the sample sheet…")).toBeTruthy();
    expect(button.getAttribute("aria-disabled")).toBe("true");
    await act(async () => undefined); // the operation starts on the next tick
    fireEvent.click(button);
    await act(async () => undefined);
    expect(operations.writeSampleSheet).toHaveBeenCalledTimes(1);
    await act(async () => finish({ summary: "All done." }));
    expect(screen.getByRole("group", { name: "Done" }).textContent).toContain("All done.");
    expect(button.getAttribute("aria-disabled")).toBeNull();
  });

  it("shows an error thrown before the operation returns a promise", async () => {
    const operations = fakeOperations({
      writeSampleSheet: () => {
        throw new InputError("There is no workbook open.");
      },
    });
    renderInExcel(operations);
    fireEvent.click(screen.getByRole("button", { name: "Write the sample sheet" }));
    const failed = await screen.findByRole("group", { name: "Could not finish" });
    expect(failed.textContent).toContain("There is no workbook open.");
  });

  it("shows an input problem's own words", async () => {
    const operations = sampleOperations(async () => {
      throw new InputError("The sheet “Scorecard” is protected: unprotect it and try again.");
    });
    renderInExcel(operations);
    fireEvent.click(screen.getByRole("button", { name: "Write the sample sheet" }));
    const failed = await screen.findByRole("group", { name: "Could not finish" });
    expect(failed.textContent).toContain("The sheet “Scorecard” is protected: unprotect it and try again.");
  });

  it("turns Excel's errors into advice", async () => {
    const operations = sampleOperations(async () => {
      throw Object.assign(new Error("The operation could not be performed."), {
        code: "InvalidOperationInCellEditMode",
      });
    });
    renderInExcel(operations);
    fireEvent.click(screen.getByRole("button", { name: "Write the sample sheet" }));
    const failed = await screen.findByRole("group", { name: "Could not finish" });
    expect(failed.textContent).toContain("Excel is busy editing a cell. Press Enter or Esc, then try again.");
  });

  it("shows text that looks like markup as text, never as HTML", async () => {
    const operations = sampleOperations(async () => ({ summary: "<img src=x onerror=alert(1)> <b>bold</b>" }));
    const { container } = renderInExcel(operations);
    fireEvent.click(screen.getByRole("button", { name: "Write the sample sheet" }));
    const done = await screen.findByRole("group", { name: "Done" });
    expect(done.textContent).toContain("<img src=x onerror=alert(1)> <b>bold</b>");
    expect(container.querySelector("b")).toBeNull();
    expect(container.querySelectorAll("img")).toHaveLength(1); // the header's icon only
  });
});

describe("themes", () => {
  it.each(["light", "dark", "contrast"] as const)("renders in the %s theme", (theme) => {
    const { container } = render(<App host={{ kind: "excel" }} operations={ok} theme={theme} />);
    expect(container.querySelector(`[data-theme="${theme}"]`)).toBeTruthy();
  });
});

describe("accessibility", () => {
  it.each([
    ["in Excel", { kind: "excel" } as const],
    ["outside Office", { kind: "no-office" } as const],
  ])("has no axe violations %s", async (_where, host) => {
    // What taskpane.html gives the real page.
    document.documentElement.lang = "en-GB";
    document.title = "Safeguarding Partnership Scorecard";
    render(<App host={host} operations={host.kind === "excel" ? ok : null} theme="light" />);
    const results = await axe.run(
      // Fluent's focus-trap helpers (tabster) are deliberately focusable and hidden; axe flags
      // them although they only pass focus on.
      { exclude: [["[data-tabster-dummy]"]] },
      // jsdom has no rendering, so colour contrast cannot be measured here (the browser tests do).
      { rules: { "color-contrast": { enabled: false } } },
    );
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
  });
});
