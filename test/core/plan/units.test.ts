/**
 * Units both adapters share: row heights for wrapped text, and the snapshot's form of a height.
 */
import { LINE_HEIGHT_POINTS, MAX_ROW_HEIGHT_POINTS, snapshotHeight, textWidth, wrappedLines, wrappedRowHeight, wrappedRowHeights } from "../../../src/core/plan/units";

describe("wrapped text", () => {
  test("narrow letters take less room than wide ones, and bold more than regular", () => {
    expect(textWidth("illi")).toBeLessThan(textWidth("0000"));
    expect(textWidth("mwmw")).toBeGreaterThan(textWidth("0000"));
    expect(textWidth("Referrals", true)).toBeGreaterThan(textWidth("Referrals"));
  });

  test("a name that fits its column is one line; a longer one wraps at its spaces", () => {
    expect(wrappedLines("Children taken into police protection", 46)).toBe(1);
    expect(wrappedLines("Initial child protection conferences within 15 working days of strategy discussion (%)", 46)).toBe(2);
    const words = "aaaa aaaa aaaa";
    expect(wrappedLines(words, textWidth(words) + 0.8)).toBe(1);
    expect(wrappedLines(words, textWidth("aaaa aaaa") + 0.8)).toBe(2);
    // Whole words move down: seven letters' room holds one word a line, where counting letters would say two lines.
    expect(wrappedLines(words, textWidth("aaaa aa") + 0.8)).toBe(3);
  });

  test("a word longer than the line is broken over the lines it fills", () => {
    expect(wrappedLines("0".repeat(25), 10.8)).toBe(3);
    expect(wrappedLines(`x ${"0".repeat(25)}`, 10.8)).toBe(4);
  });

  test("the text's own line breaks count, an empty line among them", () => {
    expect(wrappedLines("#1 Train staff\n#2 Audit files", 60)).toBe(2);
    expect(wrappedLines("first\n\nthird", 60)).toBe(3);
  });

  test("a row is as tall as its tallest wrapped cell, at least one line and at most Excel's tallest row", () => {
    const long = "Initial child protection conferences within 15 working days of strategy discussion (%)";
    expect(wrappedRowHeight([{ text: "", width: 10 }])).toBe(LINE_HEIGHT_POINTS);
    expect(wrappedRowHeight([{ text: "short", width: 46 }, { text: long, width: 46 }])).toBe(2 * LINE_HEIGHT_POINTS);
    expect(wrappedRowHeight([{ text: "word ".repeat(2000), width: 10 }])).toBe(MAX_ROW_HEIGHT_POINTS);
  });

  test("only rows that need more than one line are given a height", () => {
    const rows = [
      { row: 5, cells: [{ text: "Short name", width: 46 }] },
      { row: 6, cells: [{ text: "Children becoming subject of a CP plan for a second or subsequent time (%)", width: 46 }] },
    ];
    expect(wrappedRowHeights(rows)).toEqual([{ row: 6, height: 30 }]);
  });
});

describe("the snapshot's row heights", () => {
  test("are points at whole pixels, 0.75 points each", () => {
    expect([snapshotHeight(15), snapshotHeight(30), snapshotHeight(26), snapshotHeight(20)]).toEqual([15, 30, 26.25, 20.25]);
  });
});
