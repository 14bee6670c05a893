/** Each common layout, built small in code, read with no configuration. */
import { ingestWorkbook, detectLayout } from "../../../src/core/ingest";
import type { Observation } from "../../../src/core/model/model";
import { grid, monthSerial, pct, workbook, type CellSpec } from "./grids";

/** The fields a reader of the output cares about, in a compact form. */
function brief(o: Observation): string {
  const v = o.status === "ok" ? String(o.value) : o.status;
  return `${o.source.sheet}!${o.source.cell} ${o.indicatorId ?? "-"} | ${o.indicator} | ${o.agency ?? "-"} | ${o.period.label} | ${v} ${o.unit}`;
}

describe("quarterly scorecard", () => {
  const sheet = grid(
    "Scorecard",
    [
      ["Safeguarding Children Partnership Scorecard"],
      [],
      ["Ref", "Indicator", "Good is High/Low", "Target", "2024/25 outturn", "2025/26", "2025/26", "2025/26", "2025/26", "RAG", "Commentary"],
      [undefined, undefined, undefined, undefined, undefined, "Q1", "Q2", "Q3", "Q4"],
      ["Child Protection Activity"],
      ["CP01", "Children subject to a child protection plan (rate per 10,000)", "Low", 40, 41.2, 42.5, 39.8, null, null, "A", "Rising since spring"],
      ["CP02", "Child protection plans lasting 2 years or more (%)", "Low", pct(0.05, "0%"), pct(0.043), pct(0.052), pct(0.061), null, null, "R"],
      ["Police"],
      ["PO01", "Domestic abuse incidents with children present", "Low", undefined, 1210, "1,234", 1198, null, null],
      ["PO02", "Missing episodes with a return interview offered", "High", "90%", pct(0.9), "17.5%", "*", null, null],
      ["Total", "All indicators", undefined, undefined, 3000, 3100, 3000],
      [],
      ["* fewer than 5; figure withheld."],
      ["Source: partnership dataset, October 2025."],
    ],
    ["F3:I3", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "J3:J4", "K3:K4"],
  );

  it("finds stacked, merged headings, the year band and the quarters", () => {
    const l = detectLayout(sheet);
    expect(l.kind).toBe("wide");
    expect(l.headerRows).toEqual([2, 3]);
    expect(l.indicatorColumn).toBe(1);
    expect(l.idColumn).toBe(0);
    expect(l.polarityColumn).toBe(2);
    expect(l.targetColumn).toBe(3);
    const periods = l.columns.filter((c) => c.period).map((c) => `${c.letter}:${c.period!.label}`);
    // The outturn names its year, so it is that year's figure.
    expect(periods).toEqual(["E:2024/25", "F:Q1 2025/26", "G:Q2 2025/26", "H:Q3 2025/26", "I:Q4 2025/26"]);
    expect(l.columns[4]!.role).toBe("value");
    expect(l.columns[9]!.role).toBe("rag");
    expect(l.columns[10]!.role).toBe("commentary");
    expect(l.sections.map((s) => [s.label, s.agency])).toEqual([["Child Protection Activity", null], ["Police", "Police"]]);
  });

  it("reads figures, units, targets and polarity, and last year's outturn; skips totals, RAG, notes and blank future quarters", () => {
    const r = ingestWorkbook(workbook("scorecard.xlsx", sheet));
    expect(r.observations.map(brief)).toEqual([
      "Scorecard!E6 CP01 | Children subject to a child protection plan (rate per 10,000) | - | 2024/25 | 41.2 rate",
      "Scorecard!F6 CP01 | Children subject to a child protection plan (rate per 10,000) | - | Q1 2025/26 | 42.5 rate",
      "Scorecard!G6 CP01 | Children subject to a child protection plan (rate per 10,000) | - | Q2 2025/26 | 39.8 rate",
      "Scorecard!E7 CP02 | Child protection plans lasting 2 years or more (%) | - | 2024/25 | 4.3 percent",
      "Scorecard!F7 CP02 | Child protection plans lasting 2 years or more (%) | - | Q1 2025/26 | 5.2 percent",
      "Scorecard!G7 CP02 | Child protection plans lasting 2 years or more (%) | - | Q2 2025/26 | 6.1 percent",
      "Scorecard!E9 PO01 | Domestic abuse incidents with children present | Police | 2024/25 | 1210 count",
      "Scorecard!F9 PO01 | Domestic abuse incidents with children present | Police | Q1 2025/26 | 1234 count",
      "Scorecard!G9 PO01 | Domestic abuse incidents with children present | Police | Q2 2025/26 | 1198 count",
      "Scorecard!E10 PO02 | Missing episodes with a return interview offered | Police | 2024/25 | 90 percent",
      "Scorecard!F10 PO02 | Missing episodes with a return interview offered | Police | Q1 2025/26 | 17.5 percent",
      "Scorecard!G10 PO02 | Missing episodes with a return interview offered | Police | Q2 2025/26 | suppressed percent",
    ]);
    const cp02 = r.observations[4]!;
    expect(cp02.target).toBe(5);
    expect(cp02.polarity).toBe("lower");
    expect(cp02.rag).toBeNull();
    const po02 = r.observations[11]!;
    expect(po02.target).toBe(90);
    expect(po02.polarity).toBe("higher");
    expect(po02.mark).toBe("*");
    expect(r.indicators.map((i) => [i.id, i.agency, i.unit, i.polarity, i.target, i.frequency])).toEqual([
      ["CP01", null, "rate", "lower", 40, "quarterly"],
      ["CP02", null, "percent", "lower", 5, "quarterly"],
      ["PO01", "Police", "count", "lower", null, "quarterly"],
      ["PO02", "Police", "percent", "higher", 90, "quarterly"],
    ]);
  });
});

describe("one tab per agency, monthly columns", () => {
  const cover = grid("Cover", [["Partner agency returns 2025/26"], ["Please complete one tab per agency."]]);
  const tab = (name: string, rows: [string, number, number, number][]) =>
    grid(name, [[`${name} monthly return`], [], ["Indicator", monthSerial(2025, 4), monthSerial(2025, 5), monthSerial(2025, 6)], ...rows]);
  const wb = workbook(
    "returns.xlsx",
    cover,
    tab("Barnardo's", [["Young people supported", 10, 12, 14]]),
    tab("Youth Justice", [["First-time entrants", 3, 4, 2]]),
  );

  it("takes the agency from each sheet name and skips the cover with a warning", () => {
    const r = ingestWorkbook(wb);
    expect(r.observations.map(brief)).toEqual([
      "Barnardo's!B4 - | Young people supported | Barnardo's | Apr 2025 | 10 count",
      "Barnardo's!C4 - | Young people supported | Barnardo's | May 2025 | 12 count",
      "Barnardo's!D4 - | Young people supported | Barnardo's | Jun 2025 | 14 count",
      "Youth Justice!B4 - | First-time entrants | Youth Justice | Apr 2025 | 3 count",
      "Youth Justice!C4 - | First-time entrants | Youth Justice | May 2025 | 4 count",
      "Youth Justice!D4 - | First-time entrants | Youth Justice | Jun 2025 | 2 count",
    ]);
    expect(r.warnings.filter((w) => w.code === "INGEST_SHEET_SKIPPED").map((w) => w.sheet)).toEqual(["Cover"]);
  });
});

describe("periods down the rows, measures across", () => {
  const sheet = grid("Health", [
    ["Health safeguarding activity 2025/26"],
    ["Month", "Referrals to children's social care", "Staff trained (%)", "Average days to initial health assessment"],
    [monthSerial(2025, 4), 31, pct(0.82), 19],
    [monthSerial(2025, 5), 28, pct(0.85), 21.5],
    ["Jun-25", 35, "n/a", "-"],
  ]);

  it("reads each row's period and each column's measure", () => {
    const l = detectLayout(sheet);
    expect(l.kind).toBe("periods-down");
    expect(l.periodColumn).toBe(0);
    const r = ingestWorkbook(workbook("health.xlsx", sheet));
    expect(r.observations.map(brief)).toEqual([
      "Health!B3 - | Referrals to children's social care | Health | Apr 2025 | 31 count",
      "Health!C3 - | Staff trained (%) | Health | Apr 2025 | 82 percent",
      "Health!D3 - | Average days to initial health assessment | Health | Apr 2025 | 19 days",
      "Health!B4 - | Referrals to children's social care | Health | May 2025 | 28 count",
      "Health!C4 - | Staff trained (%) | Health | May 2025 | 85 percent",
      "Health!D4 - | Average days to initial health assessment | Health | May 2025 | 21.5 days",
      "Health!B5 - | Referrals to children's social care | Health | Jun 2025 | 35 count",
      "Health!C5 - | Staff trained (%) | Health | Jun 2025 | not_applicable percent",
      "Health!D5 - | Average days to initial health assessment | Health | Jun 2025 | missing days",
    ]);
  });
});

describe("numerator, denominator and percentage columns", () => {
  const sheet = grid(
    "Timeliness",
    [
      ["Assessment timeliness"],
      ["Indicator", "Q1 2025/26", undefined, undefined, "Q2 2025/26"],
      [undefined, "Numerator", "Denominator", "%", "Numerator", "Denominator", "%"],
      ["Assessments completed within 45 days", 175, 200, 0.875, 90, 120, 75],
      ["Initial conferences within 15 days", 20, 25, pct(0.8), 10, 0, null],
    ],
    ["B2:D2", "E2:G2", "A2:A3"],
  );

  it("joins each period's trio into one observation", () => {
    const r = ingestWorkbook(workbook("t.xlsx", sheet));
    expect(r.observations.map((o) => [o.source.cell, o.period.label, o.value, o.numerator, o.denominator, o.unit])).toEqual([
      ["D4", "Q1 2025/26", 87.5, 175, 200, "percent"],
      ["G4", "Q2 2025/26", 75, 90, 120, "percent"],
      ["D5", "Q1 2025/26", 80, 20, 25, "percent"],
      ["G5", "Q2 2025/26", null, null, null, "percent"],
    ]);
    // A zero denominator gives no percentage: the figure is missing, and says why.
    expect(r.observations[3]!.status).toBe("missing");
    expect(r.warnings.map((w) => [w.code, w.cell])).toContainEqual(["INGEST_ZERO_DENOMINATOR", "G5"]);
  });
});

describe("a matrix of agencies by measures, the period in the title", () => {
  const sheet = grid("Agencies", [
    ["Section 11 audit returns, Q2 2025/26"],
    [],
    ["Agency", "Staff with level 3 training (%)", "Referrals made", "Cases audited"],
    ["Police", 78.5, 120, 12],
    ["Acme Community Trust", 91, "<5", 4],
    ["NSPCC", 88, 14, "x"],
    ["All agencies", 85, 140, 16],
  ]);

  it("reads agencies down and measures across", () => {
    const l = detectLayout(sheet);
    expect(l.kind).toBe("matrix");
    expect(l.titlePeriod?.label).toBe("Q2 2025/26");
    const r = ingestWorkbook(workbook("m.xlsx", sheet));
    expect(r.observations.map(brief)).toEqual([
      "Agencies!B4 - | Staff with level 3 training (%) | Police | Q2 2025/26 | 78.5 percent",
      "Agencies!C4 - | Referrals made | Police | Q2 2025/26 | 120 count",
      "Agencies!D4 - | Cases audited | Police | Q2 2025/26 | 12 count",
      "Agencies!B5 - | Staff with level 3 training (%) | Acme Community Trust | Q2 2025/26 | 91 percent",
      "Agencies!C5 - | Referrals made | Acme Community Trust | Q2 2025/26 | suppressed count",
      "Agencies!D5 - | Cases audited | Acme Community Trust | Q2 2025/26 | 4 count",
      "Agencies!B6 - | Staff with level 3 training (%) | NSPCC | Q2 2025/26 | 88 percent",
      "Agencies!C6 - | Referrals made | NSPCC | Q2 2025/26 | 14 count",
      "Agencies!D6 - | Cases audited | NSPCC | Q2 2025/26 | suppressed count",
    ]);
  });
});

describe("a long, tidy table", () => {
  const sheet = grid("Data", [
    ["Indicator", "Agency", "Period", "Value"],
    ["Contacts received", "Children's Social Care", "Q1 2025/26", 1520],
    ["Contacts received", "Children's Social Care", "Q2 2025/26", 1488],
    ["Strategy discussions in time", "Police", "Q1 2025/26", "91.5%"],
    ["Strategy discussions in time", "Police", "Q2 2025/26", ":"],
    ["Contacts received", "Total", "Q1 2025/26", 2000],
  ]);

  it("reads one observation a row", () => {
    const l = detectLayout(sheet);
    expect(l.kind).toBe("long");
    const r = ingestWorkbook(workbook("long.csv", sheet));
    expect(r.observations.map(brief)).toEqual([
      "Data!D2 - | Contacts received | Children's Social Care | Q1 2025/26 | 1520 count",
      "Data!D3 - | Contacts received | Children's Social Care | Q2 2025/26 | 1488 count",
      "Data!D4 - | Strategy discussions in time | Police | Q1 2025/26 | 91.5 percent",
      "Data!D5 - | Strategy discussions in time | Police | Q2 2025/26 | missing percent",
    ]);
  });
});

describe("tables stacked down one sheet", () => {
  const sheet = grid("Agencies", [
    ["Partnership dataset 2025/26"],
    [],
    ["Police"],
    ["Indicator", "Q1", "Q2"],
    ["Missing episodes", 104, 97],
    ["Police protection", "<5", 6],
    [],
    ["Health"],
    ["Indicator", "Target", "Q1", "Q2", "Q3"],
    ["New birth visits within 14 days (%)", 90, 88.2, 90.1, 89.4],
    [],
    ["Source: partner returns."],
  ]);

  it("reads each table with its own headings, its title's agency and the sheet title's year", () => {
    const r = ingestWorkbook(workbook("stacked.xlsx", sheet));
    expect(r.observations.map(brief)).toEqual([
      "Agencies!B5 - | Missing episodes | Police | Q1 2025/26 | 104 count",
      "Agencies!C5 - | Missing episodes | Police | Q2 2025/26 | 97 count",
      "Agencies!B6 - | Police protection | Police | Q1 2025/26 | suppressed count",
      "Agencies!C6 - | Police protection | Police | Q2 2025/26 | 6 count",
      "Agencies!C10 - | New birth visits within 14 days (%) | Health | Q1 2025/26 | 88.2 percent",
      "Agencies!D10 - | New birth visits within 14 days (%) | Health | Q2 2025/26 | 90.1 percent",
      "Agencies!E10 - | New birth visits within 14 days (%) | Health | Q3 2025/26 | 89.4 percent",
    ]);
    expect(r.observations[4]!.target).toBe(90);
  });
});

describe("a transposed scorecard: indicators across, periods down, attribute rows", () => {
  const sheet = grid("Transposed", [
    ["Partnership scorecard"],
    [],
    ["Ref", "CP01", "CP02", "PO01"],
    ["Indicator", "Referrals", "Re-referrals within 12 months (%)", "Missing episodes"],
    ["Agency", "Children's Social Care", "Children's Social Care", "Police"],
    ["Good is", "n/a", "Low", "Low"],
    ["Target", undefined, 20, undefined],
    ["Q1 2025/26", 1087, 19.7, 298],
    ["Q2 2025/26", 1012, 23.4, "<5"],
  ]);

  it("reads each column's ID, agency, polarity and target from the rows that name them", () => {
    const l = detectLayout(sheet);
    expect(l.kind).toBe("periods-down");
    expect(l.attributeRows.map((a) => [a.row, a.role])).toEqual([[2, "id"], [4, "agency"], [5, "polarity"], [6, "target"]]);
    const r = ingestWorkbook(workbook("t.xlsx", sheet));
    expect(r.observations.map(brief)).toEqual([
      "Transposed!B8 CP01 | Referrals | Children's Social Care | Q1 2025/26 | 1087 count",
      "Transposed!C8 CP02 | Re-referrals within 12 months (%) | Children's Social Care | Q1 2025/26 | 19.7 percent",
      "Transposed!D8 PO01 | Missing episodes | Police | Q1 2025/26 | 298 count",
      "Transposed!B9 CP01 | Referrals | Children's Social Care | Q2 2025/26 | 1012 count",
      "Transposed!C9 CP02 | Re-referrals within 12 months (%) | Children's Social Care | Q2 2025/26 | 23.4 percent",
      "Transposed!D9 PO01 | Missing episodes | Police | Q2 2025/26 | suppressed count",
    ]);
    expect(r.observations.map((o) => [o.target, o.polarity])).toEqual([
      [null, null], [20, "lower"], [null, "lower"], [null, null], [20, "lower"], [null, "lower"],
    ]);
    expect(r.warnings).toEqual([]);
  });
});

describe("a machine export: snake_case headings, ISO dates, a status column", () => {
  const sheet = grid("export", [
    ["indicator_id", "indicator_name", "agency", "period_start", "period_end", "value", "unit", "status"],
    ["CP01", "Referrals", "Children's Social Care", "2025-04-01", "2025-06-30", 1087, "count", "final"],
    ["CP02", "Re-referrals within 12 months", "Children's Social Care", "2025-04-01", "2025-06-30", 19.7, "percent", "provisional"],
    ["PO02", "Children taken into police protection", "Police", "2025-04-01", "2025-06-30", null, "count", "suppressed"],
    ["PO03", "Missing episodes", "Police", "2025-07-01", "2025-09-30", "45 [p]", "count", "provisional"],
  ]);

  it("reads the span between the two dates, the unit column and the stated status", () => {
    const l = detectLayout(sheet);
    expect([l.kind, l.idColumn, l.indicatorColumn, l.agencyColumn, l.periodColumn, l.periodPartColumn, l.unitColumn, l.statusColumn]).toEqual(["long", 0, 1, 2, 3, 4, 6, 7]);
    const r = ingestWorkbook(workbook("export.csv", sheet));
    expect(r.observations.map(brief)).toEqual([
      "export!F2 CP01 | Referrals | Children's Social Care | Q1 2025/26 | 1087 count",
      "export!F3 CP02 | Re-referrals within 12 months | Children's Social Care | Q1 2025/26 | 19.7 percent",
      "export!F4 PO02 | Children taken into police protection | Police | Q1 2025/26 | suppressed count",
      "export!F5 PO03 | Missing episodes | Police | Q2 2025/26 | 45 count",
    ]);
    expect(r.observations[2]!.mark).toBe("suppressed");
  });
});

describe("indicators down, agencies across, the period in the title", () => {
  const sheet = grid("Partners", [
    ["Section 11 returns: Q1 2025/26"],
    ["Measure", "Police", "Health - ICB", "Probation", "Change on last quarter"],
    ["Staff trained (%)", 81, 77.5, "n/a", "+2%"],
    ["Audit actions completed", 12, 9, 4, "-1"],
  ]);

  it("takes each figure's agency from its column and warns about the heading with no period", () => {
    const r = ingestWorkbook(workbook("p.xlsx", sheet));
    expect(r.observations.map(brief)).toEqual([
      "Partners!B3 - | Staff trained (%) | Police | Q1 2025/26 | 81 percent",
      "Partners!C3 - | Staff trained (%) | Health - ICB | Q1 2025/26 | 77.5 percent",
      "Partners!D3 - | Staff trained (%) | Probation | Q1 2025/26 | not_applicable percent",
      "Partners!B4 - | Audit actions completed | Police | Q1 2025/26 | 12 count",
      "Partners!C4 - | Audit actions completed | Health - ICB | Q1 2025/26 | 9 count",
      "Partners!D4 - | Audit actions completed | Probation | Q1 2025/26 | 4 count",
    ]);
  });
});

describe("periods down with the year merged down over its quarters", () => {
  const rows = [
    ["Quarterly measures"],
    [],
    [undefined, "Ref", "CS01", "PO02"],
    [undefined, "Measure", "Contacts to the front door", "Missing episodes"],
    [undefined, "Baseline", 1500, 60],
    ["2024/25", "Q1", 400, 15],
    [undefined, "Q2", 410, "<5"],
    [undefined, "Q3", 420, 17],
    [undefined, "Q4", 430, 18],
    ["2025/26", "Q1", 440, 19],
    [undefined, "Q2", 450, 20],
  ];
  const expected = [
    "Down!C6 CS01 | Contacts to the front door | - | Q1 2024/25 | 400 count",
    "Down!D6 PO02 | Missing episodes | - | Q1 2024/25 | 15 count",
    "Down!C7 CS01 | Contacts to the front door | - | Q2 2024/25 | 410 count",
    "Down!D7 PO02 | Missing episodes | - | Q2 2024/25 | suppressed count",
    "Down!C8 CS01 | Contacts to the front door | - | Q3 2024/25 | 420 count",
    "Down!D8 PO02 | Missing episodes | - | Q3 2024/25 | 17 count",
    "Down!C9 CS01 | Contacts to the front door | - | Q4 2024/25 | 430 count",
    "Down!D9 PO02 | Missing episodes | - | Q4 2024/25 | 18 count",
    "Down!C10 CS01 | Contacts to the front door | - | Q1 2025/26 | 440 count",
    "Down!D10 PO02 | Missing episodes | - | Q1 2025/26 | 19 count",
    "Down!C11 CS01 | Contacts to the front door | - | Q2 2025/26 | 450 count",
    "Down!D11 PO02 | Missing episodes | - | Q2 2025/26 | 20 count",
  ];

  it("reads the year band with the quarter beside it, and leaves the baseline row out", () => {
    const sheet = grid("Down", rows, ["A6:A9", "A10:A11"]);
    const l = detectLayout(sheet);
    expect(l.kind).toBe("periods-down");
    expect([l.periodColumn, l.periodPartColumn]).toEqual([0, 1]);
    expect(l.attributeRows.map((a) => a.role)).toEqual(["id", "outturn"]);
    expect(ingestWorkbook(workbook("d.xlsx", sheet)).observations.map(brief)).toEqual(expected);
  });

  it("carries a year typed once, without a merge, down to the quarters below it", () => {
    const sheet = grid("Down", rows);
    expect(ingestWorkbook(workbook("d.csv", sheet)).observations.map(brief)).toEqual(expected);
  });

  it("reads a baseline row as one more year when the periods down are whole years", () => {
    const years = grid("Years", [
      ["Measure", "Contacts to the front door"],
      ["2022/23", 1400],
      ["2023/24", 1450],
      ["2024/25 outturn", 1500],
    ]);
    expect(ingestWorkbook(workbook("y.xlsx", years)).observations.map((o) => o.period.label)).toEqual(["2022/23", "2023/24", "2024/25"]);
  });
});

describe("a calendar-year band over quarters", () => {
  it("places each quarter so that its last month falls in that year", () => {
    const sheet = grid("Cal", [
      ["Indicator", 2025, undefined, undefined, undefined],
      [undefined, "Q1", "Q2", "Q3", "Q4"],
      ["Referrals", 1, 2, 3, 4],
    ], ["B1:E1"]);
    const periods = detectLayout(sheet).columns.slice(1).map((c) => [c.period?.start, c.period?.end]);
    expect(periods).toEqual([
      ["2025-04-01", "2025-06-30"],
      ["2025-07-01", "2025-09-30"],
      ["2025-10-01", "2025-12-31"],
      ["2025-01-01", "2025-03-31"],
    ]);
  });

  it("reads a Year column of calendar years beside a Quarter column the same way", () => {
    const sheet = grid("Long", [
      ["Indicator", "Year", "Quarter", "Value"],
      ["Referrals", 2025, "Q1", 5],
      ["Referrals", 2025, "Q4", 6],
    ]);
    const obs = ingestWorkbook(workbook("l.xlsx", sheet)).observations;
    expect(obs.map((o) => [o.period.start, o.period.end])).toEqual([["2025-04-01", "2025-06-30"], ["2025-01-01", "2025-03-31"]]);
  });
});

describe("stacked tables told apart by their captions", () => {
  const sheet = grid("Pack", [
    ["Safeguarding data pack 2025/26"],
    [],
    ["1. Youth Justice - quarterly"],
    ["Indicator", "Q1", "Q2"],
    ["First-time entrants", 12, 9],
    [],
    ["Figure 2: Referrals to children's social care by partner agency, Q2 2025/26"],
    ["Partner", "Received", "Accepted", "Accepted (%)"],
    ["Police", 40, 30, 75],
    ["Education", 25, 20, 80],
    ["All partners", 65, 50, 76.9],
  ]);

  it("takes a table's agency from its caption, and a table of agencies' measure and period from its caption", () => {
    const r = ingestWorkbook(workbook("pack.xlsx", sheet));
    expect(r.layouts.map((l) => l.table)).toEqual([0, 1]);
    expect(r.observations.map(brief)).toEqual([
      "Pack!B5 - | First-time entrants | Youth Justice | Q1 2025/26 | 12 count",
      "Pack!C5 - | First-time entrants | Youth Justice | Q2 2025/26 | 9 count",
      "Pack!D9 - | Referrals to children's social care | Police | Q2 2025/26 | 75 percent",
      "Pack!D10 - | Referrals to children's social care | Education | Q2 2025/26 | 80 percent",
    ]);
    expect(r.observations.slice(2).map((o) => [o.numerator, o.denominator])).toEqual([[30, 40], [20, 25]]);
  });
});

describe("quarter-end dates under a \"Quarter ended\" band", () => {
  // The last day of each quarter, as an Excel serial shown as a month.
  const quarterEnd = (y: number, m: number): CellSpec => ({ v: (Date.UTC(y, m, 0) - Date.UTC(1899, 11, 30)) / 86_400_000, f: "mmm yyyy" });
  const sheet = grid(
    "Extract",
    [
      ["Partnership performance extract"],
      [],
      ["Measure", "Partner", "Quarter ended", undefined, "Trend", "National average"],
      [undefined, undefined, quarterEnd(2025, 12), quarterEnd(2026, 3), undefined, undefined],
      ["Children seen\nalone at visits (%)", "Children's Social Care", 81.5, 84, "↑", 80.1],
      ["Strategy meetings\nheld in time", "Police", 37, 41, "↑", "n/a"],
    ],
    ["C3:D3", "A3:A4", "B3:B4", "E3:E4", "F3:F4"],
  );

  it("reads each date as the quarter it ends, and leaves the trend and comparator out", () => {
    const r = ingestWorkbook(workbook("extract.xlsx", sheet));
    expect(r.observations.map(brief)).toEqual([
      "Extract!C5 - | Children seen alone at visits (%) | Children's Social Care | Q3 2025/26 | 81.5 percent",
      "Extract!D5 - | Children seen alone at visits (%) | Children's Social Care | Q4 2025/26 | 84 percent",
      "Extract!C6 - | Strategy meetings held in time | Police | Q3 2025/26 | 37 count",
      "Extract!D6 - | Strategy meetings held in time | Police | Q4 2025/26 | 41 count",
    ]);
  });
});

describe("\"Year\" bands over month-range quarters, and agency sections ending in a colon", () => {
  const sheet = grid(
    "Two years",
    [
      ["Indicator", "Year 2025/26", undefined, "Year 2026/27", undefined],
      [undefined, "Oct-Dec", "Jan-Mar", "Oct-Dec", "Jan-Mar"],
      ["Probation:"],
      ["Home visits completed", 12, 15, 14, "TBC"],
      ["Education:"],
      ["Pupils with a part-time timetable", 40, "[c]", 38, 36],
    ],
    ["B1:C1", "D1:E1", "A1:A2"],
  );

  it("places Jan-Mar in the calendar year after the band's first year, and takes the agency without its colon", () => {
    const r = ingestWorkbook(workbook("two-years.xlsx", sheet));
    expect(r.observations.map(brief)).toEqual([
      "Two years!B4 - | Home visits completed | Probation | Q3 2025/26 | 12 count",
      "Two years!C4 - | Home visits completed | Probation | Q4 2025/26 | 15 count",
      "Two years!D4 - | Home visits completed | Probation | Q3 2026/27 | 14 count",
      "Two years!E4 - | Home visits completed | Probation | Q4 2026/27 | missing count",
      "Two years!B6 - | Pupils with a part-time timetable | Education | Q3 2025/26 | 40 count",
      "Two years!C6 - | Pupils with a part-time timetable | Education | Q4 2025/26 | suppressed count",
      "Two years!D6 - | Pupils with a part-time timetable | Education | Q3 2026/27 | 38 count",
      "Two years!E6 - | Pupils with a part-time timetable | Education | Q4 2026/27 | 36 count",
    ]);
    expect(r.observations[1]?.period).toEqual({ start: "2026-01-01", end: "2026-03-31", label: "Q4 2025/26" });
  });
});

describe("percentages shown with a literal % sign (0\"%\")", () => {
  const literal = (v: number): CellSpec => ({ v, f: '0.0"%"' });
  const sheet = grid("Audit", [
    ["Section 11 return, Q1 2026/27"],
    [],
    ["Indicator", "Target", "Result"],
    ["Staff supervised monthly", { v: 95, f: '0"%"' }, literal(88.5)],
    ["Audits returned on time", undefined, literal(100)],
  ]);

  it("keeps the number as shown (88.5 is 88.5 %, not 8850 %) and records it as a percentage", () => {
    const r = ingestWorkbook(workbook("audit.xlsx", sheet));
    expect(r.observations.map(brief)).toEqual([
      "Audit!C4 - | Staff supervised monthly | - | Q1 2026/27 | 88.5 percent",
      "Audit!C5 - | Audits returned on time | - | Q1 2026/27 | 100 percent",
    ]);
    expect(r.observations[0]?.target).toBe(95);
  });
});
