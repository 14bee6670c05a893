/** @jest-environment jsdom */
import * as React from "react";
import axe from "axe-core";
import { fireEvent, screen, within } from "@testing-library/react";
import { AgencyReturnPanel } from "../../src/taskpane/panels/AgencyReturnPanel";
import { AnalystPanel } from "../../src/taskpane/panels/AnalystPanel";
import { CollationPanel } from "../../src/taskpane/panels/CollationPanel";
import { installJsdomLayout } from "./jsdom-layout";
import { fakeOperations } from "./fakes";
import { installAriaReflection, renderPane } from "./render-pane";
import { warmAnalystSteps } from "./steps";

const uninstall: (() => void)[] = [];
beforeAll(() => {
  uninstall.push(installJsdomLayout(), installAriaReflection());
  Object.assign(URL, { createObjectURL: jest.fn(() => "blob:framework"), revokeObjectURL: jest.fn() });
  // axe measures icon fonts on a canvas, which jsdom lacks (and says so on the console); without
  // one it treats text as text, which is all these panels hold.
  jest.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
  document.documentElement.lang = "en-GB";
  document.title = "Safeguarding Partnership Scorecard";
});
afterAll(() => uninstall.forEach((u) => u()));
// The later steps load on first use, as in the pane: load them once for this file.
beforeAll(warmAnalystSteps);

async function violations(): Promise<string[]> {
  const results = await axe.run(
    // Fluent's focus-trap helpers are focusable and hidden on purpose; jsdom cannot measure contrast.
    { exclude: [["[data-tabster-dummy]"]] },
    { rules: { "color-contrast": { enabled: false } } },
  );
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`);
}

function goToStep(label: string): void {
  fireEvent.click(within(screen.getByRole("navigation", { name: "Analyst steps" })).getByRole("button", { name: label }));
}

describe("the panels with results on show", () => {
  it("Analyst: each step with its results (a workbook read, a sheet open, the scorecard written, the gap analysis open) has no axe violations", async () => {
    renderPane(
      <main>
        <AnalystPanel operations={fakeOperations()} />
      </main>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Read this workbook" }));
    await screen.findByRole("group", { name: "Read" });
    fireEvent.click(screen.getByRole("button", { name: /^Scorecard: / }));
    expect(await violations()).toEqual([]);
    goToStep("2 Scorecard");
    fireEvent.click(screen.getByRole("button", { name: "Apply and write the Scorecard" }));
    await screen.findByRole("group", { name: "Scorecard written" });
    expect(await violations()).toEqual([]);
    goToStep("3 Benchmarks");
    expect(await violations()).toEqual([]);
    goToStep("4 Gaps");
    fireEvent.click(screen.getByRole("button", { name: "Analyse the indicators from Import" }));
    await screen.findByRole("group", { name: "Analysed" });
    fireEvent.click(screen.getByRole("button", { name: /^Priority service areas:/ }));
    fireEvent.click(screen.getAllByRole("button", { name: /^Change placement of / })[0] as HTMLElement);
    expect(await violations()).toEqual([]);
    goToStep("5 Report");
    expect(await violations()).toEqual([]);
  });

  it("Agency return: a checked return has no axe violations", async () => {
    renderPane(
      <main>
        <AgencyReturnPanel operations={fakeOperations()} />
      </main>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Check my return" }));
    await screen.findByRole("group", { name: "Not ready to send" });
    expect(await violations()).toEqual([]);
  });

  it("Collation: the template form has no axe violations", async () => {
    renderPane(
      <main>
        <CollationPanel operations={fakeOperations()} />
      </main>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Read the indicator set" }));
    await screen.findByRole("combobox", { name: "Agency" });
    expect(await violations()).toEqual([]);
  });
});
