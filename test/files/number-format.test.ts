import { dateToSerial, formatValue, generalNumber, isDateFormat, isPercentFormat, serialToDate } from "../../src/files/number-format";

// 1 April 2025 and 15 March 2024 13:05:09 as 1900-system serials.
const APR_1_2025 = 45748;
const MAR_15_2024_1305 = 45366 + (13 * 3600 + 5 * 60 + 9) / 86400;

describe("General", () => {
  test.each([
    [0, "0"],
    [42, "42"],
    [-42, "-42"],
    [0.1 + 0.2, "0.3"],
    [17.5, "17.5"],
    [1 / 3, "0.3333333333"],
    [1234567.891, "1234567.891"],
    [123456789012, "1.23457E+11"],
    [0.00000000012, "1.2E-10"],
    [0.0000123, "0.0000123"],
  ])("%p shows as %p", (v, text) => {
    expect(formatValue(v, "General")).toBe(text);
  });

  test("strings, booleans and empty cells", () => {
    expect(formatValue("Police", "General")).toBe("Police");
    expect(formatValue(true, "General")).toBe("TRUE");
    expect(formatValue(false, "0.0")).toBe("FALSE");
    expect(formatValue(null, "0.0%")).toBe("");
    expect(formatValue("n/a", "0.0%")).toBe("n/a");
  });

  test("generalNumber is exported for callers that need Excel's General text", () => {
    expect(generalNumber(-0.5)).toBe("-0.5");
  });
});

describe("numbers", () => {
  test.each([
    ["0", 2.5, "3"],
    ["0", -2.5, "-3"],
    ["0", 1234.4, "1234"],
    ["0.0", 17.45, "17.5"],
    ["0.0", 0, "0.0"],
    ["0.00", 1.005, "1.01"],
    ["0.00", -3, "-3.00"],
    ["#,##0", 1234567.5, "1,234,568"],
    ["#,##0", 0, "0"],
    ["#,##0", 999, "999"],
    ["#,##0", -1234, "-1,234"],
    ["#,##0.0", 1234.56, "1,234.6"],
    ["#,##0.00", 0.5, "0.50"],
    ["#.##", 0.5, ".5"],
    ["#.##", 2, "2."],
    ["0.0#", 1.5, "1.5"],
    ["0.0#", 1.256, "1.26"],
    ["000", 7, "007"],
    ["00000", 123, "00123"],
    ["0.00E+00", 12345, "1.23E+04"],
    ["0.00E+00", 0.00012345, "1.23E-04"],
    ["#,##0,", 1234567, "1,235"],
    ["0.0,,", 2500000, "2.5"],
  ])("format %p shows %p as %p", (format, v, text) => {
    expect(formatValue(v, format)).toBe(text);
  });

  test.each([
    ["0%", 0.175, "18%"],
    ["0.0%", 0.175, "17.5%"],
    ["0.0%", 0.1755, "17.6%"],
    ["0.00%", 0.123456, "12.35%"],
    ["0.0%", -0.05, "-5.0%"],
    ["0%", 1, "100%"],
  ])("percent format %p shows %p as %p", (format, v, text) => {
    expect(formatValue(v, format)).toBe(text);
  });

  test("literal text: quoted, escaped, currency tags, spacing and fill", () => {
    expect(formatValue(12, '0 "days"')).toBe("12 days");
    expect(formatValue(12, "0\\d")).toBe("12d");
    expect(formatValue(1234.5, "[$£-809]#,##0.00")).toBe("£1,234.50");
    expect(formatValue(1234.5, '"£"#,##0')).toBe("£1,235");
    expect(formatValue(5, "#,##0_);(#,##0)")).toBe("5 ");
    expect(formatValue(5, "* #,##0")).toBe("5");
    expect(formatValue(3, "[$-809]0.0")).toBe("3.0");
    expect(formatValue(7, '"Rate: "0.0" per 10,000"')).toBe("Rate: 7.0 per 10,000");
  });

  test("sections: negative, zero and text", () => {
    const f = '#,##0;(#,##0);"-";"Note: "@';
    expect(formatValue(1500, f)).toBe("1,500");
    expect(formatValue(-1500, f)).toBe("(1,500)");
    expect(formatValue(0, f)).toBe("-");
    expect(formatValue("missing", f)).toBe("Note: missing");
    expect(formatValue(-2, "0;[Red]0")).toBe("2");
    expect(formatValue(0, "0;-0;")).toBe("");
    expect(formatValue(-4.25, "0.0;-0.0")).toBe("-4.3");
    // A semicolon inside quotes does not start a section.
    expect(formatValue(3, '0" ; "0')).toBe("0 ; 3");
  });

  test("text format @ shows text as it is and numbers in General", () => {
    expect(formatValue("17.5%", "@")).toBe("17.5%");
    expect(formatValue(17.5, "@")).toBe("17.5");
  });

  test("General inside a section keeps its literals", () => {
    expect(formatValue(12.5, 'General" hrs"')).toBe("12.5 hrs");
  });
});

describe("dates and times", () => {
  test("serials follow Excel's 1900 system, including 29 February 1900", () => {
    expect(serialToDate(1)).toMatchObject({ year: 1900, month: 1, day: 1 });
    expect(serialToDate(59)).toMatchObject({ year: 1900, month: 2, day: 28 });
    expect(serialToDate(60)).toMatchObject({ year: 1900, month: 2, day: 29 });
    expect(serialToDate(61)).toMatchObject({ year: 1900, month: 3, day: 1 });
    expect(serialToDate(APR_1_2025)).toMatchObject({ year: 2025, month: 4, day: 1, weekday: 2 });
    expect(dateToSerial(2025, 4, 1)).toBe(APR_1_2025);
    expect(dateToSerial(1900, 3, 1)).toBe(61);
    expect(dateToSerial(1900, 1, 1)).toBe(1);
  });

  test.each([
    ["dd/mm/yyyy", "01/04/2025"],
    ["d/m/yy", "1/4/25"],
    ["dd-mmm-yy", "01-Apr-25"],
    ["mmm-yy", "Apr-25"],
    ["mmmm yyyy", "April 2025"],
    ["mmm yyyy", "Apr 2025"],
    ["d mmmm yyyy", "1 April 2025"],
    ["yyyy-mm-dd", "2025-04-01"],
    ["dddd d mmmm", "Tuesday 1 April"],
    ["ddd dd/mm", "Tue 01/04"],
    ["mmmmm", "A"],
    ['"Q1 from "d mmm', "Q1 from 1 Apr"],
    ["[$-809]dd mmmm yyyy;@", "01 April 2025"],
  ])("%p shows 1 April 2025 as %p", (format, text) => {
    expect(formatValue(APR_1_2025, format)).toBe(text);
    expect(isDateFormat(format)).toBe(true);
  });

  test.each([
    // ExcelJS's names for built-in ids 14 to 22; 14 and 22 follow the UK short date.
    ["mm-dd-yy", "15/03/2024"],
    ["d-mmm-yy", "15-Mar-24"],
    ["d-mmm", "15-Mar"],
    ["mmm-yy", "Mar-24"],
    ["h:mm AM/PM", "1:05 PM"],
    ["h:mm:ss AM/PM", "1:05:09 PM"],
    ["h:mm", "13:05"],
    ["h:mm:ss", "13:05:09"],
    ['m/d/yy "h":mm', "15/03/2024 13:05"],
  ])("built-in %p shows as %p", (format, text) => {
    expect(formatValue(MAR_15_2024_1305, format)).toBe(text);
  });

  test("minutes versus months, elapsed time, fractions of a second, rounding", () => {
    expect(formatValue(MAR_15_2024_1305, "hh:mm dd/mm/yyyy")).toBe("13:05 15/03/2024");
    expect(formatValue(MAR_15_2024_1305, "mm:ss")).toBe("05:09");
    expect(formatValue(1.5, "[h]:mm")).toBe("36:00");
    expect(formatValue(0.5 + 1.25 / 86400, "hh:mm:ss.00")).toBe("12:00:01.25");
    // 23:59:59.6 rounds up to the next day when seconds are shown whole.
    expect(formatValue(APR_1_2025 + (86399.6 / 86400), "dd/mm/yyyy hh:mm:ss")).toBe("02/04/2025 00:00:00");
    expect(formatValue(0.25, "h:mm a/p")).toBe("6:00 a");
  });

  test("a negative or out-of-range date shows as a number rather than #####", () => {
    expect(formatValue(-5, "dd/mm/yyyy")).toBe("-5");
  });

  test("format classification", () => {
    expect(isDateFormat("0.0%")).toBe(false);
    expect(isDateFormat('0 "days"')).toBe(false);
    expect(isDateFormat("General")).toBe(false);
    expect(isDateFormat("[Red]0")).toBe(false);
    expect(isPercentFormat("0.0%")).toBe(true);
    expect(isPercentFormat('0 "%"')).toBe(false);
  });
});
