/**
 * The Analyst tab's later steps (Scorecard, Benchmarks, Gaps, Report) load on first use, as in the
 * pane. warmAnalystSteps loads them once for a test file (each step shown once, its code awaited),
 * so that its tests move between steps as a person does once they have loaded.
 */
import * as React from "react";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { AnalystPanel } from "../../src/taskpane/panels/AnalystPanel";
import { fakeOperations } from "./fakes";
import { renderPane } from "./render-pane";

export async function warmAnalystSteps(): Promise<void> {
  renderPane(<AnalystPanel operations={fakeOperations()} />);
  const nav = screen.getByRole("navigation", { name: "Analyst steps" });
  for (const label of ["2 Scorecard", "3 Benchmarks", "4 Gaps", "5 Report"]) {
    fireEvent.click(within(nav).getByRole("button", { name: label }));
    await waitFor(() => expect(screen.queryByText(/^Loading the .* step…$/)).toBeNull());
  }
  cleanup();
}

/** Goes to one of the Analyst tab's steps by its button in the row of steps ("2 Scorecard"). */
export function goToStep(name: string): void {
  const steps = screen.getByRole("navigation", { name: "Analyst steps" });
  fireEvent.click(within(steps).getByRole("button", { name: new RegExp(`^\\d ${name}$`) }));
}
