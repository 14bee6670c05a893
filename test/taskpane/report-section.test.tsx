/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { ReportSection, thresholdOf, type ReportSectionProps } from "../../src/taskpane/panels/analyst/ReportSection";
import { progressValue, progressWords } from "../../src/taskpane/components/WorkProgress";
import type { Progress, ReportBookResult } from "../../src/taskpane/operations";
import { fakeOperations } from "./fakes";
import { installJsdomLayout } from "./jsdom-layout";
import { installAriaReflection, renderPane } from "./render-pane";

const uninstall: (() => void)[] = [];
beforeAll(() => {
  uninstall.push(installJsdomLayout(), installAriaReflection());
});
afterAll(() => uninstall.forEach((u) => u()));

const SHARES = { reading: 0.15, building: 0.05, writing: 0.8 };
const WORDS = { reading: "Reading the indicator sheets and any earlier book", building: "Building the pages", writing: "Writing the pages" };

/** The section as the panel holds it: the count to withhold is the panel's state. */
function Report(props: Omit<ReportSectionProps, "thresholdText" | "onThresholdText">): React.JSX.Element {
  const [text, setText] = React.useState("5");
  return <ReportSection {...props} thresholdText={text} onThresholdText={setText} />;
}

describe("the report book's progress", () => {
  it("moves forward through reading, building and each part of the write", () => {
    const steps: Progress[] = [
      { step: "reading", done: 0, total: 1 },
      { step: "building", done: 0, total: 1 },
      { step: "writing", done: 1, total: 3 },
      { step: "writing", done: 2, total: 3 },
      { step: "writing", done: 3, total: 3 },
    ];
    const values = steps.map((p) => progressValue(p, SHARES));
    expect(values.every((v, i) => i === 0 || v > values[i - 1]!)).toBe(true);
    expect(values[values.length - 1]).toBe(1);
    expect(progressWords(steps[3]!, WORDS)).toBe("Writing the pages: 2 of 3 parts sent");
    expect(progressWords(steps[0]!, WORDS)).toBe("Reading the indicator sheets and any earlier book…");
    expect(progressWords({ step: "reading", done: 12_000, total: 50_000, unit: "rows" }, WORDS)).toBe("Reading the indicator sheets and any earlier book: 12,000 of 50,000 rows");
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
      writeReportBook: (_request, _options, job) =>
        new Promise((resolve) => {
          finish = resolve;
          report = (p) => job?.onProgress?.(p);
        }),
    });
    renderPane(<Report operations={operations} framework={null} settings={null} />);
    fireEvent.click(screen.getByRole("button", { name: "Write the report book" }));
    await waitFor(() => expect(operations.writeReportBook).toHaveBeenCalled());
    // Before the write begins it can be stopped; once it has, Stop is unavailable and the pane says why.
    await act(async () => report({ step: "building", done: 0, total: 1 }));
    expect(screen.getByRole("button", { name: "Stop" }).getAttribute("aria-disabled")).not.toBe("true");
    await act(async () => report({ step: "writing", done: 1, total: 4 }));
    expect(screen.getByRole("button", { name: "Stop" }).getAttribute("aria-disabled")).toBe("true");
    expect(document.body.textContent).toContain("Writing has begun: it will finish, so that no sheet is left half-written.");
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
    renderPane(<Report operations={operations} framework={null} settings={null} />);
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

  it("stops before the write begins when asked, and says nothing was written", async () => {
    const operations = fakeOperations({
      writeReportBook: (_request, _options, job) =>
        new Promise((_resolve, reject) => {
          job?.onProgress?.({ step: "reading", done: 0, total: 1 });
          job?.signal?.addEventListener("abort", () => {
            const stopped = new Error("Stopped as you asked, before anything was written: the workbook is as it was.");
            stopped.name = "StoppedError";
            reject(stopped);
          });
        }),
    });
    renderPane(<Report operations={operations} framework={null} settings={null} />);
    fireEvent.click(screen.getByRole("button", { name: "Write the report book" }));
    const stop = await screen.findByRole("button", { name: "Stop" });
    fireEvent.click(stop);
    const stopped = await screen.findByRole("group", { name: "Stopped" });
    expect(stopped.textContent).toContain("before anything was written: the workbook is as it was.");
    expect(screen.queryByRole("progressbar")).toBeNull();
  });
});
