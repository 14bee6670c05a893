import {
  calendarDayOfDate,
  dateFormatGranularity,
  dateToExcelSerial,
  excelSerialToDate,
  isDateNumberFormat,
} from "../../../src/core/periods";

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

describe("excelSerialToDate (1900 system)", () => {
  test.each([
    [1, "1900-01-01T00:00:00.000Z"],
    [59, "1900-02-28T00:00:00.000Z"],
    [61, "1900-03-01T00:00:00.000Z"],
    [25569, "1970-01-01T00:00:00.000Z"],
    [45292, "2024-01-01T00:00:00.000Z"],
    [45351, "2024-02-29T00:00:00.000Z"],
    [45748, "2025-04-01T00:00:00.000Z"],
    [45748.5, "2025-04-01T12:00:00.000Z"],
    [2958465, "9999-12-31T00:00:00.000Z"],
  ])("serial %p is %s", (serial, expected) => {
    expect(iso(excelSerialToDate(serial))).toBe(expected);
  });

  test("serial 60 is Excel's fictitious 29 February 1900, which no Date can hold", () => {
    expect(excelSerialToDate(60)).toBeNull();
    expect(excelSerialToDate(60.5)).toBeNull();
  });

  test.each([0, 0.5, -1, 2958466, Number.NaN, Number.POSITIVE_INFINITY])("serial %p is no day", (serial) => {
    expect(excelSerialToDate(serial)).toBeNull();
  });
});

describe("dateToExcelSerial", () => {
  test.each([
    ["1900-01-01T00:00:00.000Z", 1],
    ["1900-02-28T00:00:00.000Z", 59],
    ["1900-03-01T00:00:00.000Z", 61],
    ["2024-02-29T00:00:00.000Z", 45351],
    ["2025-04-01T00:00:00.000Z", 45748],
    ["2025-04-01T06:00:00.000Z", 45748.25],
  ])("%s is serial %p", (when, serial) => {
    expect(dateToExcelSerial(new Date(when))).toBeCloseTo(serial, 9);
  });

  test("dates before 1900 or after 9999, and invalid dates, have no serial", () => {
    expect(dateToExcelSerial(new Date("1899-12-31T00:00:00Z"))).toBeNull();
    expect(dateToExcelSerial(new Date(Date.UTC(10000, 0, 1)))).toBeNull();
    expect(dateToExcelSerial(new Date(Number.NaN))).toBeNull();
  });

  test("round trips every serial from 1 to 70000 except 60", () => {
    for (let serial = 1; serial <= 70000; serial++) {
      const date = excelSerialToDate(serial);
      if (serial === 60) {
        expect(date).toBeNull();
        continue;
      }
      if (!date || dateToExcelSerial(date) !== serial) throw new Error(`serial ${serial} did not round-trip`);
    }
  });
});

describe("calendarDayOfDate", () => {
  test("a UTC-midnight Date (ExcelJS, excelSerialToDate) is read in UTC", () => {
    expect(calendarDayOfDate(new Date(Date.UTC(2025, 3, 1)))).toEqual({ year: 2025, month: 4, day: 1 });
    expect(calendarDayOfDate(new Date(Date.UTC(2025, 2, 31)))).toEqual({ year: 2025, month: 3, day: 31 });
  });

  // In UK summer time local midnight on 1 April is 23:00 UTC on 31 March, so reading in UTC
  // would give March; run with TZ=Europe/London to see this case bite.
  test("a Date built in local time is read in local time, whatever the machine's zone", () => {
    expect(calendarDayOfDate(new Date(2025, 3, 1))).toEqual({ year: 2025, month: 4, day: 1 });
    expect(calendarDayOfDate(new Date(2025, 5, 30, 23, 30))).toEqual({ year: 2025, month: 6, day: 30 });
  });

  test("an invalid Date is no day", () => {
    expect(calendarDayOfDate(new Date(Number.NaN))).toBeNull();
  });
});

describe("date number formats", () => {
  test.each([
    ["mmm-yy", "month"],
    ["mmmm yyyy", "month"],
    ["[$-en-GB]mmm-yy;@", "month"],
    ["mm/yyyy", "month"],
    ["dd/mm/yyyy", "day"],
    ["d-mmm-yy", "day"],
    ["m/d/yyyy", "day"],
    ["yyyy-mm-dd hh:mm", "day"],
    ["Short Date", "day"],
    ["yyyy", "year"],
  ])("%s shows the %s", (format, granularity) => {
    expect(dateFormatGranularity(format)).toBe(granularity);
    expect(isDateNumberFormat(format)).toBe(true);
  });

  test.each(["General", "Standard", "0", "0.0%", "#,##0", "@", "h:mm", "[h]:mm:ss", "mm:ss", '0 "days"', "[Red]0.0", "_(* #,##0_)", "0.00E+00", ""])(
    "%j is no date",
    (format) => {
      expect(isDateNumberFormat(format)).toBe(false);
    },
  );
});
