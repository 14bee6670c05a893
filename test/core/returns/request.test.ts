/**
 * The period and due date a template is made for, read once for the command line and the pane.
 */
import { readDueDate, readPeriodLabel } from "../../../src/core/returns";

describe("readPeriodLabel", () => {
  test.each([
    ["Q2 2025/26", "Q2 2025/26", "2025-07-01", "2025-09-30"],
    ["  2025/26 ", "2025/26", "2025-04-01", "2026-03-31"],
    ["Apr 2025", "Apr 2025", "2025-04-01", "2025-04-30"],
  ])("%j names the period %s", (label, name, start, end) => {
    expect(readPeriodLabel(label)).toEqual({ label: name, start, end });
  });

  test.each(["", "Q2", "next quarter"])("%j names no period in full", (label) => {
    expect(readPeriodLabel(label)).toBeNull();
  });
});

describe("readDueDate", () => {
  test.each([
    ["2025-07-31", "2025-07-31"],
    [" 2024-02-29 ", "2024-02-29"],
  ])("%j is the day %s", (text, day) => {
    expect(readDueDate(text)).toBe(day);
  });

  test.each(["", "31/07/2025", "2025-7-31", "2025-02-29", "2025-13-01", "2025-04-31", "2025-07-31T00:00"])("%j is refused", (text) => {
    expect(readDueDate(text)).toBeNull();
  });
});
