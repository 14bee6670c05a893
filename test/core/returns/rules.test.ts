/**
 * Every validation rule, on a return filled as a person would fill it: the template rendered by
 * the file adapter, opened in ExcelJS, typed into (numbers, text, formulas with their results,
 * error values, rows inserted by hand), saved, and read back by the file adapter.
 */
import ExcelJS from "exceljs";
import { RULES, ruleCatalogue } from "../../../src/core/returns/rules";
import type { ReturnValidation, ValidateOptions } from "../../../src/core/returns/validate";
import { validateReturn, validationJson } from "../../../src/core/returns/validate";
import { readWorkbookBuffer } from "../../../src/files/read";
import { check, codes, filled, specRow, specSheet, type Desk } from "./kit";

// Rows the template gives the indicators (the heading row is 20): CP01 21, CP02 22, ... CP07 27.
// Columns: A ID, B Indicator, C Unit, D Good is, E Target, F Last return, G Value, H Numerator,
// I Denominator, J Not available, K Commentary.

interface Scenario {
  code: string;
  what: string;
  edit?: (d: Desk) => void;
  buffer?: () => Promise<Buffer>;
  overrides?: Parameters<typeof filled>[1];
  options?: ValidateOptions;
  /** The issue's cell ("Return!G22", "_spec!B12", or null). */
  at: string | null;
  /** Other codes the same slip rightly raises (nothing else may be raised). */
  others?: string[];
  message?: RegExp | string;
}

/**
 * Formats one cell as a percentage, as Excel does when "87.5%" is typed. ExcelJS shares one style
 * object between cells loaded with the same style, so the style is copied, not changed in place.
 */
function percentFormat(cell: ExcelJS.Cell, numFmt: string): void {
  cell.style = { ...cell.style, numFmt };
}

const formula = (f: string, result?: unknown): ExcelJS.CellValue => ({ formula: f, result } as unknown as ExcelJS.CellValue);

const scenarios: Scenario[] = [
  {
    code: "RET001",
    what: "a workbook that was never a template",
    buffer: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Return");
      ws.addRow(["Indicator ID", "Indicator", "Value", "Commentary"]);
      ws.addRow(["CP01", "Conferences in time", 90, ""]);
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
    at: null,
    message: /^"return\.xlsx" is not a return made from a partnership template: it carries no return specification/,
  },
  {
    code: "RET002",
    what: "a specification with a setting deleted",
    edit: (d) => {
      specRow(specSheet(d), "agency").getCell(1).value = null;
    },
    at: null,
    message: /is damaged: its return specification \(hidden sheet _spec\) cannot be read \(its agency is missing\)/,
  },
  {
    code: "RET003",
    what: "a return checked by another partnership",
    options: { partnership: "Southshire Safeguarding Children Partnership" },
    at: "Return!B3",
    message: "Return!B3: this return was made for Northshire Safeguarding Children Partnership, not Southshire Safeguarding Children Partnership; send it to the partnership it was made for, or fill in Southshire Safeguarding Children Partnership's own template.",
  },
  {
    code: "RET004",
    what: "a template version this tool does not know",
    overrides: { templateVersion: "0.9" },
    at: "Return!B8",
    message: /template version 0\.9, which this tool does not know \(it accepts 1\.0\)/,
  },
  {
    code: "RET005",
    what: "an older template version still accepted",
    overrides: { templateVersion: "0.9" },
    options: { templateVersions: { current: "1.0", accepted: ["0.9", "1.0"] } },
    at: "Return!B8",
    message: /the current version is 1\.0/,
  },
  {
    code: "RET006",
    what: "a target changed inside the hidden specification",
    edit: (d) => {
      // Fields after the "indicator" mark: id, name, unit, polarity, target (column F).
      specRow(specSheet(d), "indicator", 0).getCell("F").value = "50";
    },
    at: "_spec!B12",
    // The sheet still shows the template's target of 90, which now differs from the edited spec.
    others: ["RET016"],
    message: /hidden specification has been changed since the template was made/,
  },
  {
    code: "RET007",
    what: "a Return sheet renamed",
    edit: (d) => {
      d.ws.name = "Our figures";
    },
    at: null,
    message: '"return.xlsx" cannot be checked: it has no sheet named "Return"; copy your figures into a new template.',
  },
  {
    code: "RET008",
    what: "the agency cell changed",
    edit: (d) => {
      d.ws.getCell("B4").value = "Police";
    },
    at: "Return!B4",
    message: `Return!B4: the agency is "Police", but this return is for Children's Social Care; put back "Children's Social Care" (each agency fills in its own template).`,
  },
  {
    code: "RET009",
    what: "the period cell changed",
    edit: (d) => {
      d.ws.getCell("B5").value = "Q2 2025/26";
    },
    at: "Return!B5",
    message: /the period is "Q2 2025\/26", but this return is for Q1 2025\/26 \(2025-04-01 to 2025-06-30\)/,
  },
  {
    code: "RET010",
    what: "an indicator's row deleted",
    edit: (d) => {
      d.ws.spliceRows(d.rowOf("CP04"), 1);
    },
    at: null,
    message: /the row for CP04 'Children in need per 10,000 children' is missing from the table \(the template had it in row 24\)/,
  },
  {
    code: "RET011",
    what: "an indicator renamed",
    edit: (d) => {
      d.at("CP02", "name").value = "Re-referrals ever";
    },
    at: "Return!B22",
    message: /indicator CP02 is named "Re-referrals ever" here but 'Re-referrals within 12 months' in the template/,
  },
  {
    code: "RET012",
    what: "two rows swapped",
    edit: (d) => {
      const [a, b] = [d.rowOf("CP03"), d.rowOf("CP04")];
      for (let c = 1; c <= 11; c++) {
        const held = d.ws.getCell(a, c).value;
        d.ws.getCell(a, c).value = d.ws.getCell(b, c).value;
        d.ws.getCell(b, c).value = held;
      }
    },
    at: "Return!A24",
    message: /the row for CP03 'Children subject of a child protection plan' has been moved/,
  },
  {
    code: "RET013",
    what: "an ID overtyped with one not in the template",
    edit: (d) => {
      d.at("CP04", "id").value = "CP99";
    },
    at: "Return!A24",
    message: /"CP99" is not an indicator ID of this return/,
    others: ["RET010"],
  },
  {
    code: "RET014",
    what: "a row inserted by hand with a figure and no ID",
    edit: (d) => {
      d.ws.insertRow(d.rowOf("CP03"), [null, "Extra figure", null, null, null, null, 5]);
    },
    at: "Return!A23",
    message: /row 23 has entries but no indicator ID/,
  },
  {
    code: "RET015",
    what: "an indicator's row copied below the table",
    edit: (d) => {
      d.ws.getCell("A28").value = "CP02";
      d.ws.getCell("B28").value = "Re-referrals within 12 months";
      d.ws.getCell("G28").value = 19;
    },
    at: "Return!A28",
    message: /CP02 'Re-referrals within 12 months' appears again in row 28 \(it is first in row 22\)/,
  },
  {
    code: "RET016",
    what: "a target overtyped on the sheet",
    edit: (d) => {
      d.at("CP01", "target").value = 80;
    },
    at: "Return!E21",
    message: /shows 80, but the template's target is 90; the template's target is the one used/,
  },
  {
    code: "RET020",
    what: "a value left blank",
    edit: (d) => {
      d.at("CP03", "value").value = null;
    },
    at: "Return!G23",
    message: `Return!G23: there is no value for CP03 'Children subject of a child protection plan'; type the figure, or if it is not available choose "Not available" in J23 and say why in K23.`,
  },
  {
    code: "RET021",
    what: "marked not available without a reason",
    edit: (d) => {
      d.at("CP03", "value").value = null;
      d.at("CP03", "notAvailable").value = "Not available";
    },
    at: "Return!K23",
    message: /CP03 .* is marked not available but no reason is given/,
  },
  {
    code: "RET022",
    what: "a value and Not available both",
    edit: (d) => {
      d.at("CP03", "notAvailable").value = "Not available";
      d.at("CP03", "commentary").value = "System migration";
    },
    at: "Return!J23",
    message: /has a value \(120\) and is also marked not available; clear one of them/,
  },
  {
    code: "RET023",
    what: "text typed in a count",
    edit: (d) => {
      d.at("CP03", "value").value = "about 120";
    },
    at: "Return!G23",
    message: `Return!G23: the value for CP03 'Children subject of a child protection plan' is "about 120", which is not a number; type a whole number, 0 or more.`,
  },
  {
    code: "RET024",
    what: "an Excel error value from a formula",
    edit: (d) => {
      d.at("CP04", "value").value = formula("H24/I24", { error: "#DIV/0!" });
    },
    at: "Return!G24",
    message: /shows the error #DIV\/0! \(a formula divides by zero\)/,
  },
  {
    code: "RET025",
    what: "a negative count",
    edit: (d) => {
      d.at("CP03", "value").value = -3;
    },
    at: "Return!G23",
    message: /is -3; a count cannot be negative/,
  },
  {
    code: "RET026",
    what: "a count with a fraction",
    edit: (d) => {
      d.at("CP03", "value").value = 3.5;
    },
    at: "Return!G23",
    message: /is 3\.5; a count must be a whole number/,
  },
  {
    code: "RET027",
    what: "a percentage over 100",
    edit: (d) => {
      d.at("CP02", "value").value = 104;
    },
    at: "Return!G22",
    message: "Return!G22: the value for CP02 'Re-referrals within 12 months' is 104; a percentage must be between 0 and 100.",
  },
  {
    code: "RET028",
    what: "a numerator above its denominator",
    edit: (d) => {
      d.at("CP01", "numerator").value = 45;
    },
    at: "Return!H21",
    message: /the numerator for CP01 .* \(45\) is larger than the denominator \(40\)/,
  },
  {
    code: "RET029",
    what: "a value that is not numerator over denominator",
    edit: (d) => {
      d.at("CP01", "value").value = 82.5;
    },
    at: "Return!G21",
    message: /is 82\.5, but 37 out of 40 is 92\.5%/,
  },
  {
    code: "RET030",
    what: "a numerator without its denominator",
    edit: (d) => {
      d.at("CP01", "denominator").value = null;
    },
    at: "Return!I21",
    message: /has a numerator but no denominator; give both, or neither/,
  },
  {
    code: "RET031",
    what: "an answer not in the list",
    edit: (d) => {
      d.at("CP06", "value").value = "Maybe";
    },
    at: "Return!G26",
    message: /the answer for CP06 .* is "Maybe"; choose one of: Yes, No, Partly/,
  },
  {
    code: "RET032",
    what: "a percentage typed as a fraction in a plain cell",
    edit: (d) => {
      d.at("CP02", "value").value = 0.18;
    },
    at: "Return!G22",
    message: /is 0\.18, which means 0\.18 per cent; if you meant 18 per cent, type 18/,
  },
  {
    code: "RET033",
    what: "a figure typed with a note beside it",
    edit: (d) => {
      d.at("CP03", "value").value = "120 (provisional)";
    },
    at: "Return!G23",
    message: /was typed as "120 \(provisional\)" and is read as 120; type the figure alone and put any note .* in K23/,
  },
  {
    code: "RET040",
    what: "a figure well below target with no commentary",
    edit: (d) => {
      d.at("CP01", "value").value = 75;
      d.at("CP01", "numerator").value = 30;
    },
    at: "Return!G21",
    message: /is 75 against a target of 90 \(higher is better\), which is red; explain it in K21/,
    // 75 is also 15 points down on last quarter's 90.
    others: ["RET041"],
  },
  {
    code: "RET041",
    what: "a large unexplained change since the last return",
    edit: (d) => {
      d.at("CP03", "value").value = 150;
    },
    at: "Return!G23",
    message: /is 150, up 27\.12% since the last return \(118\); explain the change in K23/,
  },
  {
    code: "RET050",
    what: "a HYPERLINK formula typed in Commentary",
    edit: (d) => {
      d.at("CP05", "commentary").value = formula('HYPERLINK("https://example.org/evil","Click me")', "Click me");
    },
    at: "Return!K25",
    message: /is a formula \(=HYPERLINK\("https:\/\/example\.org\/evil","Click me"\)\); only the text it shows \("Click me"\) is kept, never the formula/,
  },
  {
    code: "RET052",
    what: "a formula saved without its result",
    edit: (d) => {
      d.at("CP03", "value").value = formula("100+20");
    },
    at: "Return!G23",
    message: /is a formula \(=100\+20\) saved without its result/,
  },
  {
    code: "RET053",
    what: "commentary longer than allowed (typed by a tool that ignores data validation)",
    edit: (d) => {
      d.at("CP02", "commentary").value = "x".repeat(1001);
    },
    at: "Return!K22",
    message: /is 1001 characters long; keep it to 1000/,
  },
];

async function run(s: Scenario): Promise<ReturnValidation> {
  const buffer = s.buffer ? await s.buffer() : await filled(s.edit, s.overrides);
  return check(buffer, s.options);
}

function where(i: { sheet: string | null; cell: string | null }): string | null {
  return i.cell === null ? null : `${i.sheet}!${i.cell}`;
}

describe("each rule, on a return filled by hand", () => {
  test("a return filled in correctly has no issues at all", async () => {
    const r = await check(await filled());
    expect(r.issues).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.readable).toBe(true);
    expect(r.agency).toBe("Children's Social Care");
    expect(r.period).toEqual({ start: "2025-04-01", end: "2025-06-30", label: "Q1 2025/26" });
  });

  test.each(scenarios.map((s) => [s.code, s.what, s] as const))("%s: %s", async (code, _what, s) => {
    const r = await run(s);
    expect([...new Set(codes(r))].sort()).toEqual([code, ...(s.others ?? [])].sort());
    const issue = r.issues.find((i) => i.code === code);
    expect(issue).toBeDefined();
    const rule = RULES.find((x) => x.code === code)!;
    expect(issue!.severity).toBe(rule.severity);
    expect(where(issue!)).toBe(s.at);
    if (typeof s.message === "string") expect(issue!.message).toBe(s.message);
    else if (s.message) expect(issue!.message).toMatch(s.message);
    // No placeholder is ever left unfilled.
    for (const i of r.issues) expect(i.message).not.toMatch(/\{\w+\}/);
    // valid means no errors.
    expect(r.valid).toBe(!r.issues.some((i) => i.severity === "error"));
  });

  test("every rule in the catalogue has a scenario above", () => {
    const covered = new Set(scenarios.map((s) => s.code));
    expect(RULES.map((r) => r.code).filter((c) => !covered.has(c))).toEqual([]);
  });
});

describe("what a person types is read as meant", () => {
  test("0.925 in a cell formatted as a percentage is 92.5", async () => {
    const r = await check(
      await filled((d) => {
        d.at("CP01", "value").value = 0.925;
        percentFormat(d.at("CP01", "value"), "0.0%");
      }),
    );
    expect(r.issues).toEqual([]);
    expect(r.observations.find((o) => o.indicatorId === "CP01")!.value).toBe(92.5);
  });

  test("0.9 in a percent-formatted cell is 90, and 1.04 there is 104% (out of range)", async () => {
    const ok = await check(
      await filled((d) => {
        d.at("CP02", "value").value = 0.19;
        percentFormat(d.at("CP02", "value"), "0%");
      }),
    );
    expect(ok.issues).toEqual([]);
    expect(ok.observations.find((o) => o.indicatorId === "CP02")!.value).toBe(19);

    const over = await check(
      await filled((d) => {
        d.at("CP02", "value").value = 1.04;
        percentFormat(d.at("CP02", "value"), "0%");
      }),
    );
    expect(codes(over)).toEqual(["RET027"]);
    expect(over.issues[0]!.message).toContain("is 104%; a percentage must be between 0 and 100");
  });

  test('"87.5%" typed as text is 87.5, and checks against its numerator and denominator', async () => {
    const r = await check(
      await filled((d) => {
        d.at("CP01", "value").value = "87.5%";
        d.at("CP01", "numerator").value = 35;
        d.at("CP01", "denominator").value = 40;
      }),
    );
    expect(r.issues).toEqual([]);
    // 87.5 against 90 is 97% of target: green under the 95% / 90% rule.
    expect(r.observations.find((o) => o.indicatorId === "CP01")).toMatchObject({ value: 87.5, numerator: 35, denominator: 40, rag: "green" });
  });

  test("a value within 0.1 points of numerator over denominator is accepted; beyond it is not", async () => {
    const near = await check(await filled((d) => (d.at("CP01", "value").value = 92.45)));
    expect(codes(near)).toEqual([]);
    const far = await check(await filled((d) => (d.at("CP01", "value").value = 92.3)));
    expect(codes(far)).toEqual(["RET029"]);
  });

  test("a formula's calculated value is used", async () => {
    const r = await check(
      await filled((d) => {
        d.at("CP01", "value").value = formula("H21/I21*100", 92.5);
        d.at("CP03", "value").value = formula("SUM(100,20)", 120);
      }),
    );
    expect(r.issues).toEqual([]);
    expect(r.observations.find((o) => o.indicatorId === "CP03")!.value).toBe(120);
  });

  test("text such as n/a in a value gets the Not available column pointed out", async () => {
    const r = await check(await filled((d) => (d.at("CP05", "value").value = "n/a")));
    expect(codes(r)).toEqual(["RET023"]);
    expect(r.issues[0]!.message).toBe(
      `Return!G25: the value for CP05 'Average days from referral to assessment' is "n/a", which is not a number; type a number of days, 0 or more; to show the figure is not available, leave the value blank and choose "Not available" in J25.`,
    );
  });

  test("text in a numerator and an error in a denominator are each reported in their own cell", async () => {
    const r = await check(
      await filled((d) => {
        d.at("CP01", "numerator").value = "thirty-seven";
        d.at("CP01", "denominator").value = { error: "#REF!" } as unknown as ExcelJS.CellValue;
      }),
    );
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([
      ["RET023", "H21"],
      ["RET024", "I21"],
    ]);
    expect(r.issues[1]!.message).toContain("#REF! (a formula refers to cells that were deleted)");
  });

  test("a figure marked Not available with a reason is accepted and collated as missing", async () => {
    const r = await check(
      await filled((d) => {
        d.at("CP04", "value").value = null;
        d.at("CP04", "notAvailable").value = "Not available";
        d.at("CP04", "commentary").value = "Population estimate not yet published.";
      }),
    );
    expect(r.issues).toEqual([]);
    expect(r.observations.find((o) => o.indicatorId === "CP04")).toMatchObject({ status: "missing", value: null, commentary: "Population estimate not yet published." });
  });

  test("a query is raised only until it is explained in Commentary", async () => {
    const bad = (d: Desk) => {
      d.at("CP07", "value").value = 25; // band 15 to 20: 20/25 is 80%, red
    };
    expect(codes(await check(await filled(bad)))).toEqual(["RET040"]);
    const explained = await check(
      await filled((d) => {
        bad(d);
        d.at("CP07", "commentary").value = "Three vacancies in the east team.";
      }),
    );
    expect(explained.issues).toEqual([]);
    expect(explained.valid).toBe(true);
  });

  test("text in Commentary that starts with = stays text and raises nothing", async () => {
    const typed = '=HYPERLINK("https://example.org","x")';
    const r = await check(await filled((d) => (d.at("CP05", "commentary").value = typed)));
    expect(r.issues).toEqual([]);
    expect(r.observations.find((o) => o.indicatorId === "CP05")!.commentary).toBe(typed);
  });

  test("a formula in Commentary is carried on only as its text", async () => {
    const r = await check(
      await filled((d) => {
        d.at("CP05", "commentary").value = formula('HYPERLINK("https://example.org","See the audit")', "See the audit");
      }),
    );
    const obs = r.observations.find((o) => o.indicatorId === "CP05")!;
    expect(obs.commentary).toBe("See the audit");
    expect(JSON.stringify(r.observations)).not.toContain("HYPERLINK");
  });

  test("an agency cell cleared is reported as blank", async () => {
    const r = await check(await filled((d) => (d.ws.getCell("B4").value = null)));
    expect(r.issues.map((i) => i.message)).toEqual([
      `Return!B4: the agency is blank, but this return is for Children's Social Care; put back "Children's Social Care" (each agency fills in its own template).`,
    ]);
  });

  test("an equivalent way of writing the period is not a change", async () => {
    const r = await check(await filled((d) => (d.ws.getCell("B5").value = "Apr-Jun 2025")));
    expect(r.issues).toEqual([]);
  });

  test("blank rows inserted by hand above and inside the table change nothing but the cells named", async () => {
    const r = await check(
      await filled((d) => {
        d.ws.insertRow(d.rowOf("CP03"), []);
        d.ws.insertRow(2, []);
        d.ws.getCell(`G${d.rowOf("CP03") + 2}`).value = 150; // CP03, now two rows lower
      }),
    );
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["RET041", "G25"]]);
    expect(r.observations.find((o) => o.indicatorId === "CP03")!.source.cell).toBe("G25");
    expect(r.observations).toHaveLength(7);
  });

  test("issues come in reading order, file-level ones first", async () => {
    const r = await check(
      await filled((d) => {
        d.at("CP05", "value").value = -1;
        d.at("CP02", "value").value = 104;
        d.ws.getCell("B4").value = "Police";
      }),
      { partnership: "Elsewhere" },
    );
    expect(r.issues.map((i) => i.code)).toEqual(["RET003", "RET008", "RET027", "RET025"]);
  });

  test("the contract's JSON shows a query as a warning of kind query", async () => {
    const r = await check(await filled((d) => (d.at("CP03", "value").value = 150)));
    const json = validationJson(r);
    expect(json.valid).toBe(true);
    expect(json.issues).toEqual([
      expect.objectContaining({ code: "RET041", severity: "warning", kind: "query", explainInCommentary: true, sheet: "Return", cell: "G23" }),
    ]);
  });

  test("a CSV file is not a return", async () => {
    const r = validateReturn(await readWorkbookBuffer(Buffer.from("Indicator ID,Value\nCP01,90\n"), "return.csv"));
    expect(r.readable).toBe(false);
    expect(codes(r)).toEqual(["RET001"]);
  });
});

describe("the rule catalogue", () => {
  test("codes are unique, stable in form, and every rule says what it reads", () => {
    const cat = ruleCatalogue();
    expect(new Set(cat.map((r) => r.code)).size).toBe(cat.length);
    for (const r of cat) {
      expect(r.code).toMatch(/^RET\d{3}$/);
      expect(["error", "query", "warning"]).toContain(r.severity);
      expect(r.fields.length).toBeGreaterThan(0);
      expect(r.title.length).toBeGreaterThan(10);
    }
    expect(cat.filter((r) => r.severity === "query").map((r) => r.code)).toEqual(["RET040", "RET041"]);
    expect(cat.filter((r) => r.blocking).map((r) => r.code)).toEqual(["RET001", "RET002", "RET007"]);
  });
});
