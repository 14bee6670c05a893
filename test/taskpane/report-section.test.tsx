/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { progressValue, progressWords, ReportSection, thresholdOf } from "../../src/taskpane/panels/analyst/ReportSection";
import type { Progress, ReportBookResult } from "../../src/taskpane/operations";
import { fakeOperations } from "./fakes";
import { installJsdomLayout } from "./jsdom-layout";
import { installAriaReflection, renderPane } from "./render-pane";

const uninstall: (() => void)[] = [];
beforeAll(() => {
  uninstall.push(installJsdomLayout(), installAriaReflection());
});
afterAll(() => uninstall.forEach((u) => u()));

describe("the report book's progress", () => {
  it("moves forward through reading, building and each part of the write", () => {
    const steps: Progress[] = [
      { step: "reading", done: 0, total: 1 },
      { step: "building", done: 0, total: 1 },
      { step: "writing", done: 1, total: 3 },
      { step: "writing", done: 2, total: 3 },
      { step: "writing", done: 3, total: 3 },
    ];
    const values = steps.map(progressValue);
    expect(values.every((v, i) => i === 0 || v > values[i - 1]!)).toBe(true);
    expect(values[values.length - 1]).toBe(1);
    expect(progressWords(steps[3]!)).toBe("Writing the pages: 2 of 3 parts sent");
    expect(progressWords(steps[0]!)).toBe("Reading the indicator sheets and any earlier book…");
  });

  it("takes a whole number from 1 to 100 as the largest count to withhold", () => {
    expect(thresholdOf(" 10 ")).toEqual({ threshold: 10 });
    for (const bad of ["0", "5.5", "ten", "", "101"]) expect("problem" in thresholdOf(bad)).toBe(true);
  });
});

describe("Analyst > Report book", () => {
  it("shows a bar that moves with the write, then what was written", async () => {
    let finish: (r: ReportBookResult) => void = () => undefined;
    let report: (p: Progress) => void = () => undefined;
    const operations = fakeOperations({
      writeReportBook: (_request, _options, onProgress) =>
        new Promise((resolve) => {
          finish = resolve;
          report = (p) => onProgress?.(p);
        }),
    });
    renderPane(<ReportSection operations={operations} framework={null} settings={null} />);
    fireEvent.click(screen.getByRole("button", { name: "Write the report book" }));
    await waitFor(() => expect(operations.writeReportBook).toHaveBeenCalled());
    await act(async () => report({ step: "writing", done: 1, total: 4 }));
    const bar = screen.getByRole("progressbar", { name: "Writing the report book" });
    expect(Number(bar.getAttribute("aria-valuenow"))).toBeCloseTo(0.4, 5);
    expect(document.body.textContent).toContain("Writing the pages: 1 of 4 parts sent");
    await act(async () => report({ step: "writing", done: 3, total: 4 }));
    expect(Number(screen.getByRole("progressbar", { name: "Writing the report book" }).getAttribute("aria-valuenow"))).toBeCloseTo(0.8, 5);
    await act(async () => finish({ summary: "Wrote the sheets “Contents” and 9 pages.", pages: 9, charts: 4, kept: 0 }));
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByRole("group", { name: "Report book written" }).textContent).toContain("Wrote the sheets “Contents” and 9 pages.");
  });

  it("makes a copy to publish with the count typed, and will not start with one it cannot use", async () => {
    const operations = fakeOperations();
    renderPane(<ReportSection operations={operations} framework={null} settings={null} />);
    const box = screen.getByRole("textbox", { name: /Withhold counts from 1 to/ });
    fireEvent.change(box, { target: { value: "ten" } });
    expect(document.body.textContent).toContain("Type a whole number from 1 to 100");
    fireEvent.click(screen.getByRole("button", { name: "Make a copy to publish" }));
    expect(operations.publishReportBook).not.toHaveBeenCalled();
    fireEvent.change(box, { target: { value: "3" } });
    fireEvent.click(screen.getByRole("button", { name: "Make a copy to publish" }));
    await screen.findByRole("group", { name: "Copy to publish made" });
    expect(operations.publishReportBook).toHaveBeenCalledWith({ framework: null, settings: null }, 3);
    expect(screen.getByRole("group", { name: "Copy to publish made" }).textContent).toContain("2 counts from 1 to 3 withheld");
  });
});
