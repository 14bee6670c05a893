/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { InputError } from "../../src/core/errors";
import { AgencyReturnPanel, RECHECK_DELAY_MS } from "../../src/taskpane/panels/AgencyReturnPanel";
import { CollationPanel } from "../../src/taskpane/panels/CollationPanel";
import { installJsdomLayout } from "./jsdom-layout";
import { collateSummary } from "../../src/core/collate";
import { CHECKED_RETURN, COLLATED, fakeOperations, INDICATOR_SET, tabbable } from "./fakes";
import { installAriaReflection, renderPane } from "./render-pane";

const uninstall: (() => void)[] = [];
beforeAll(() => {
  uninstall.push(installJsdomLayout(), installAriaReflection());
});
afterAll(() => uninstall.forEach((u) => u()));

const button = (name: string | RegExp): HTMLElement => screen.getByRole("button", { name });
const description = (el: HTMLElement): string => document.getElementById(el.getAttribute("aria-describedby") ?? "")?.textContent ?? "";

describe("Agency return > Check my return", () => {
  it("lists the issues by severity, with counts in words, each going to its cell", async () => {
    const operations = fakeOperations();
    renderPane(<AgencyReturnPanel operations={operations} />);
    fireEvent.click(button("Check my return"));
    const verdict = await screen.findByRole("group", { name: "Not ready to send" });
    expect(verdict.textContent).toContain("The return (Police, Q2 2025/26) has 2 errors to fix before it is sent.");
    const counts = screen.getByRole("list", { name: "Issues found" });
    expect(within(counts).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Errors 2", "Queries 1", "Warnings 1"]);

    const errors = screen.getByRole("region", { name: "Errors: must be fixed (2)" });
    expect(within(errors).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Return!E7: give a value for PL01, or mark it Not available with a reason.Go to E7",
      "Return!E8: “about 40” is not a number.Go to E8",
    ]);
    expect(screen.getByRole("region", { name: "Queries: explain each in the commentary (1)" })).toBeTruthy();
    const warnings = screen.getByRole("region", { name: "Warnings: worth a look (1)" });
    // An issue about the whole file has no cell to go to.
    expect(within(warnings).queryByRole("button")).toBeNull();

    fireEvent.click(within(errors).getByRole("button", { name: "Go to E8" }));
    await waitFor(() => expect(operations.selectCell).toHaveBeenCalledWith("Return", "E8"));
  });

  it("says when a return is ready to send", async () => {
    const operations = fakeOperations({
      checkReturn: async () => ({ ...CHECKED_RETURN, valid: true, counts: { errors: 0, queries: 1, warnings: 0 }, issues: CHECKED_RETURN.issues.filter((i) => i.severity === "query") }),
    });
    renderPane(<AgencyReturnPanel operations={operations} />);
    fireEvent.click(button("Check my return"));
    const verdict = await screen.findByRole("group", { name: "Ready to send" });
    expect(verdict.textContent).toContain("The return (Police, Q2 2025/26) has no errors. 1 query needs explaining in the commentary.");
    expect(screen.queryByRole("region", { name: /^Errors/ })).toBeNull();
  });

  it("shows an input problem as text", async () => {
    const operations = fakeOperations({
      checkReturn: async () => {
        throw new InputError("There is no workbook open.");
      },
    });
    renderPane(<AgencyReturnPanel operations={operations} />);
    fireEvent.click(button("Check my return"));
    expect((await screen.findByRole("group", { name: "Could not check the return" })).textContent).toContain("There is no workbook open.");
  });

  it("checks again after edits, once they pause, and stops listening when turned off", async () => {
    jest.useFakeTimers();
    try {
      let onEdit: () => void = () => undefined;
      const stop = jest.fn(async () => undefined);
      const operations = fakeOperations({
        watchEdits: async (handler) => {
          onEdit = handler;
          return stop;
        },
      });
      const { unmount } = renderPane(<AgencyReturnPanel operations={operations} />);
      fireEvent.click(screen.getByRole("switch", { name: "Check again after each edit" }));
      await act(async () => undefined);
      expect(operations.watchEdits).toHaveBeenCalledTimes(1);
      // Turning it on checks at once when nothing has been checked yet.
      expect(operations.checkReturn).toHaveBeenCalledTimes(1);

      act(() => {
        onEdit();
        jest.advanceTimersByTime(RECHECK_DELAY_MS / 2);
        onEdit();
        onEdit();
      });
      expect(operations.checkReturn).toHaveBeenCalledTimes(1);
      await act(async () => {
        jest.advanceTimersByTime(RECHECK_DELAY_MS);
      });
      expect(operations.checkReturn).toHaveBeenCalledTimes(2);

      fireEvent.click(screen.getByRole("switch", { name: "Check again after each edit" }));
      expect(stop).toHaveBeenCalledTimes(1);
      // Edits after that are not followed: the handler is gone from Excel.
      act(() => {
        onEdit();
        jest.advanceTimersByTime(RECHECK_DELAY_MS * 2);
      });
      expect(operations.checkReturn).toHaveBeenCalledTimes(2);

      fireEvent.click(screen.getByRole("switch", { name: "Check again after each edit" }));
      await act(async () => undefined);
      unmount();
      expect(stop).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it("says so when Excel will not report edits, and turns the option off", async () => {
    const operations = fakeOperations({
      watchEdits: async () => {
        throw new InputError("This version of Excel cannot report edits to add-ins.");
      },
    });
    renderPane(<AgencyReturnPanel operations={operations} />);
    const toggle = screen.getByRole("switch", { name: "Check again after each edit" });
    fireEvent.click(toggle);
    const problem = await screen.findByRole("group", { name: "Cannot follow edits" });
    expect(problem.textContent).toContain("This version of Excel cannot report edits to add-ins. Use Check my return after editing instead.");
    expect((toggle as HTMLInputElement).checked).toBe(false);
  });

  it("writes the validation report as the add-in's own sheet", async () => {
    const operations = fakeOperations();
    renderPane(<AgencyReturnPanel operations={operations} />);
    fireEvent.click(button("Write the validation report"));
    expect((await screen.findByRole("group", { name: "Report written" })).textContent).toContain("Wrote the sheet “Validation report”.");
  });

  it("can be used by keyboard", async () => {
    renderPane(<AgencyReturnPanel operations={fakeOperations()} />);
    fireEvent.click(button("Check my return"));
    await screen.findByRole("group", { name: "Not ready to send" });
    const reachable = tabbable();
    for (const el of [button("Check my return"), screen.getByRole("switch", { name: "Check again after each edit" }), button("Go to E7"), button("Go to E9"), button("Write the validation report")]) {
      expect(reachable).toContain(el);
    }
  });
});

describe("Collation", () => {
  it("makes a template for the agency and period chosen, and says where it goes in one sentence", async () => {
    const operations = fakeOperations();
    renderPane(<CollationPanel operations={operations} />);
    expect(screen.getByText(/^An add-in cannot save a separate file, so the template is written as sheets of this workbook/)).toBeTruthy();
    fireEvent.click(button("Read the indicator set"));
    await screen.findByText("4 indicators on the sheet “Indicators”, for 3 agencies.");
    const write = button("Write the template sheets");
    expect(description(write)).toBe("Give the period, such as Q2 2025/26.");

    const agency = screen.getByRole("combobox", { name: "Agency" });
    expect(agency.textContent).toBe("Children's social care");
    fireEvent.click(agency);
    fireEvent.click(screen.getByRole("option", { name: "Police" }));
    act(() => agency.blur());
    fireEvent.change(screen.getByRole("textbox", { name: /^Period/ }), { target: { value: "Q2 2025/26" } });
    fireEvent.change(screen.getByRole("textbox", { name: /^Due date/ }), { target: { value: "31/10/2025" } });
    expect(description(write)).toBe("Write the date as YYYY-MM-DD, such as 2025-07-31, or leave it empty.");
    fireEvent.change(screen.getByRole("textbox", { name: /^Due date/ }), { target: { value: "2025-10-31" } });
    expect((screen.getByRole("textbox", { name: /^Partnership/ }) as HTMLInputElement).value).toBe("Barnsley Safeguarding Children Partnership");

    fireEvent.click(write);
    await screen.findByRole("group", { name: "Template written" });
    expect(operations.writeTemplate).toHaveBeenCalledWith({
      agency: "Police",
      period: "Q2 2025/26",
      due: "2025-10-31",
      partnership: "Barnsley Safeguarding Children Partnership",
    }, {});
  });

  it("shows the engine's words when the template cannot be made", async () => {
    const operations = fakeOperations({
      writeTemplate: async () => {
        throw new InputError("“Q5 2025/26” is not a period the add-in can read in full: write it like “Q2 2025/26”, “2025/26” or “Apr 2025”.");
      },
    });
    renderPane(<CollationPanel operations={operations} />);
    fireEvent.click(button("Read the indicator set"));
    await screen.findByRole("combobox", { name: "Agency" });
    fireEvent.change(screen.getByRole("textbox", { name: /^Period/ }), { target: { value: "Q5 2025/26" } });
    fireEvent.click(button("Write the template sheets"));
    expect((await screen.findByRole("group", { name: "Could not write the template" })).textContent).toContain("“Q5 2025/26” is not a period");
  });

  /** Picks files through the section's hidden file input, as the browser hands them over. */
  function pickFiles(section: HTMLElement, files: File[]): void {
    const input = section.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error("no file input");
    expect(input.multiple).toBe(true);
    expect(input.accept).toBe(".xlsx");
    fireEvent.change(input, { target: { files } });
  }

  it("collates picked return files: each file accepted or rejected in words, the figures, the missing and the duplicates, then writes the sheets", async () => {
    const operations = fakeOperations({ collateFiles: async () => ({ result: COLLATED, summary: collateSummary(COLLATED) }) });
    renderPane(<CollationPanel operations={operations} />);
    const collate = screen.getByRole("region", { name: "Collate returns" });
    // The command line stays, as a note.
    expect(collate.textContent).toContain("npm run -s cli -- collate FILE... --json OUT.json --out COLLATED.xlsx.");
    fireEvent.click(within(collate).getByRole("checkbox", { name: /indicator set/ }));
    pickFiles(collate, [new File(["a"], "csc-q2.xlsx"), new File(["bc"], "police-q2.xlsx")]);

    const done = await within(collate).findByRole("group", { name: "Collated" });
    expect(done.textContent).toContain("4 returns: 3 accepted, 1 rejected; no agency missing; no conflicts; 1 figure sent more than once, counted once.");
    expect(within(collate).getByRole("list", { name: "Files" }).querySelectorAll("li").length).toBe(4);
    const files = within(within(collate).getByRole("list", { name: "Files" })).getAllByRole("listitem").map((li) => li.textContent);
    expect(files).toEqual([
      "csc-q2.xlsx: accepted (Children's social care, Q2 2025/26), 1 query.",
      "police-q2.xlsx: rejected (Police, Q2 2025/26), 2 errors: The return has 2 errors to fix.",
      "health-q2.xlsx: accepted (Health, Q2 2025/26).",
      "health-q2 (copy).xlsx: accepted (Health, Q2 2025/26).",
    ]);
    expect(collate.textContent).toContain("0 figures kept from the accepted returns.");
    expect(collate.textContent).toContain("No agency is missing: every agency in the indicator set sent a return.");
    expect(collate.textContent).toContain("No conflicts.");
    expect(collate.textContent).toContain("1 figure sent more than once, counted once.");
    // The files' bytes went to the operation, with the indicator set read from the workbook.
    expect(operations.readIndicatorSet).toHaveBeenCalledTimes(1);
    const request = operations.collateFiles.mock.calls[0]![0];
    expect(request.files.map((f) => [f.name, f.bytes.length])).toEqual([
      ["csc-q2.xlsx", 1],
      ["police-q2.xlsx", 2],
    ]);
    expect(request.indicators).toEqual(INDICATOR_SET);

    fireEvent.click(within(collate).getByRole("button", { name: "Write the collated sheets" }));
    expect((await within(collate).findByRole("group", { name: "Collated sheets written" })).textContent).toContain("Submissions");
    expect(operations.writeCollation).toHaveBeenCalledWith(COLLATED, {}, expect.objectContaining({ signal: expect.anything() }));
  });

  it("shows a file that cannot be read as a rejected return, in words, and collates no indicator set unless asked", async () => {
    const operations = fakeOperations();
    renderPane(<CollationPanel operations={operations} />);
    const collate = screen.getByRole("region", { name: "Collate returns" });
    pickFiles(collate, [new File(["Agency,Value\nPolice,3\n"], "notes.xlsx")]);
    const done = await within(collate).findByRole("group", { name: "Collated" });
    expect(done.textContent).toContain("1 return: 0 accepted, 1 rejected");
    const [line] = within(within(collate).getByRole("list", { name: "Files" })).getAllByRole("listitem").map((li) => li.textContent ?? "");
    expect(line).toBe("notes.xlsx: rejected: “notes.xlsx” is not an Excel workbook (.xlsx): open it in Excel and save it as an Excel Workbook, then pick it again.");
    expect(line).not.toMatch(/\d+ errors?/);
    expect(collate.textContent).toContain("Missing returns were not checked");
    expect(operations.readIndicatorSet).not.toHaveBeenCalled();
  });

  it("can be used by keyboard", async () => {
    renderPane(<CollationPanel operations={fakeOperations()} />);
    fireEvent.click(button("Read the indicator set"));
    await screen.findByRole("combobox", { name: "Agency" });
    const reachable = tabbable();
    for (const el of [
      button("Read the indicator set"),
      screen.getByRole("combobox", { name: "Agency" }),
      screen.getByRole("textbox", { name: /^Period/ }),
      screen.getByRole("textbox", { name: /^Due date/ }),
      screen.getByRole("textbox", { name: /^Partnership/ }),
      button("Write the template sheets"),
      screen.getByRole("checkbox", { name: /indicator set/ }),
      button("Choose return files to collate"),
    ]) {
      expect(reachable).toContain(el);
    }
  });
});
