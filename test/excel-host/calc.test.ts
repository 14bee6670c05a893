/**
 * The host's calculator: a formula it covers reads back its result, as Excel recalculates before
 * it answers; anything else stays unknown, as before the host calculated.
 */
import { Calculator, shiftFormula } from "./calc";
import { ExcelHost, HostError, type SeedSheet } from "./index";

/** A host with a sheet "Data" (A1:C3 filled as below) and an empty sheet "Check" for formulas. */
function dataHost(extra: SeedSheet[] = []): ExcelHost {
  return new ExcelHost({
    sheets: [
      {
        name: "Data",
        cells: {
          A1: 1, B1: 10, C1: "x",
          A2: 2, B2: 20, C2: true,
          A3: 3, B3: 30, C3: { error: "#N/A" },
        },
      },
      { name: "Check" },
      ...extra,
    ],
  });
}

/** Enters the formula in Check!A1 through the proxies and reads back its value, text and value type. */
async function read(host: ExcelHost, formula: string): Promise<{ value: unknown; text: string; type: string }> {
  const { context } = host;
  const cell = context.workbook.worksheets.getItem("Check").getRange("A1");
  cell.values = [[formula]];
  cell.load("values,text,valueTypes");
  await context.sync();
  return { value: cell.values[0]?.[0], text: cell.text[0]?.[0] ?? "", type: String(cell.valueTypes[0]?.[0]) };
}

async function valueOf(host: ExcelHost, formula: string): Promise<unknown> {
  return (await read(host, formula)).value;
}

/** What the calculator itself makes of Check!A1 (null: unknown). */
function resultAt(host: ExcelHost, sheet = "Check", row = 0, col = 0): ReturnType<Calculator["cellResult"]> {
  return new Calculator(host.model).cellResult(host.sheet(sheet)!, row, col);
}

describe("literals and operators", () => {
  test.each([
    ["=1+2*3", 7],
    ["=(1+2)*3", 9],
    ["=10-4-3", 3],
    ["=12/4/3", 1],
    ["=-2*-3", 6],
    ["=--TRUE", 1],
    ["=+5", 5],
    ["=1.5E+2", 150],
    ['="5"*2', 10],
    ['="a""b"&1', 'a"b1'],
    ['="a"&1+2', "a3"],
    ["=TRUE&FALSE", "TRUEFALSE"],
    ["=1=1&\"\"", false],
    ["=7/0", "#DIV/0!"],
    ['="x"*2', "#VALUE!"],
    ["=#N/A+1", "#N/A"],
  ])("%s gives %p", async (formula, expected) => {
    expect(await valueOf(dataHost(), formula)).toBe(expected);
  });

  test("a number becomes text as Excel's General format writes it, to 15 significant digits", async () => {
    const host = dataHost();
    expect(await valueOf(host, '=0.1+0.2&""')).toBe("0.3");
    expect(await valueOf(host, '=1E+21&""')).toBe("1E+21");
    expect(await valueOf(host, '=-0.5&""')).toBe("-0.5");
    expect(await valueOf(host, '=1/3&""')).toBe("0.333333333333333");
    expect(await valueOf(host, '=123456789012345678&""')).toBe("1.23456789012346E+17");
    expect(await valueOf(host, '=100&""')).toBe("100");
  });

  test("= and <> ignore case for text, take no text for a number, and see a blank as 0 or empty text", async () => {
    const host = dataHost();
    expect(await valueOf(host, '="Police"="POLICE"')).toBe(true);
    expect(await valueOf(host, '="a"<>"b"')).toBe(true);
    expect(await valueOf(host, '=5="5"')).toBe(false);
    expect(await valueOf(host, "=0.1+0.2=0.3")).toBe(true);
    expect(await valueOf(host, '=Data!Z99=""')).toBe(true);
    expect(await valueOf(host, "=Data!Z99=0")).toBe(true);
    expect(await valueOf(host, "=Data!C1=Data!A1")).toBe(false);
  });

  test("a blank cell is 0 in arithmetic and empty text in &; a formula's own blank result reads as 0", async () => {
    const host = dataHost();
    expect(await valueOf(host, "=Data!Z99+1")).toBe(1);
    expect(await valueOf(host, '=Data!Z99&""')).toBe("");
    expect(await valueOf(host, "=Data!Z99")).toBe(0);
  });

  test("the calculated value is formatted and typed as the cell's: text and valueTypes follow it", async () => {
    const host = dataHost();
    host.context.workbook.worksheets.getItem("Check").getRange("A1").numberFormat = [["0%"]];
    await host.context.sync();
    expect(await read(host, "=1/4")).toEqual({ value: 0.25, text: "25%", type: "Double" });
    expect(await read(host, "=Data!C2")).toEqual({ value: true, text: "TRUE", type: "Boolean" });
    expect(await read(host, "=Data!C3")).toEqual({ value: "#N/A", text: "#N/A", type: "Error" });
  });
});

describe("references", () => {
  test("cells and ranges, with or without $, any case, on this sheet or another, quoted with '' for a quote", async () => {
    const host = dataHost([{ name: "Bob's data", cells: { B2: 7 } }, { name: "Plain", cells: { A1: 100 } }]);
    expect(await valueOf(host, "=Data!A1+Data!$B$1+data!a$2")).toBe(13);
    expect(await valueOf(host, "=SUM(Data!A1:B3)")).toBe(66);
    expect(await valueOf(host, "=SUM(Data!B3:A1)")).toBe(66);
    expect(await valueOf(host, "='Bob''s data'!B2*2")).toBe(14);
    expect(await valueOf(host, "=Plain!A1/'Plain'!A1")).toBe(1);
  });

  test("a reference without a sheet is to the formula's own sheet", async () => {
    const host = new ExcelHost({ sheets: [{ name: "S", cells: { A1: 4, B1: { formula: "=A1*A1" } } }, { name: "T", cells: { A1: 100 } }] });
    expect(resultAt(host, "S", 0, 1)).toEqual({ value: 16 });
  });

  test("a sheet that does not exist is #REF!", async () => {
    expect(await valueOf(dataHost(), "=Nowhere!A1+1")).toBe("#REF!");
    expect(await valueOf(dataHost(), "=FORMULATEXT('No such sheet'!A1)")).toBe("#REF!");
  });

  test("a referenced formula is worked out in its turn; a circular one is unknown", async () => {
    const host = new ExcelHost({
      sheets: [
        { name: "Chain", cells: { A1: 2, A2: { formula: "=A1*3" }, A3: { formula: "=A2+A1" }, B1: { formula: "=B2" }, B2: { formula: "=B1+1" } } },
        { name: "Check" },
      ],
    });
    expect(await valueOf(host, "=Chain!A3*10")).toBe(80);
    expect(resultAt(host, "Chain", 0, 1)).toBeNull();
    expect(await valueOf(host, "=Chain!B2")).toBe("");
  });

  test("a changed cell is seen by the next read: Excel recalculates before it answers", async () => {
    const { context } = dataHost();
    const check = context.workbook.worksheets.getItem("Check").getRange("A1");
    check.values = [["=Data!A1*2"]];
    check.load("values");
    await context.sync();
    expect(check.values).toEqual([[2]]);
    context.workbook.worksheets.getItem("Data").getRange("A1").values = [[21]];
    check.load("values");
    await context.sync();
    expect(check.values).toEqual([[42]]);
  });
});

describe("arrays", () => {
  test("operators work element by element; SUMPRODUCT sums the result", async () => {
    const host = dataHost();
    expect(await valueOf(host, "=SUMPRODUCT(Data!A1:A3*Data!B1:B3)")).toBe(140);
    expect(await valueOf(host, "=SUMPRODUCT(Data!A1:A3*2)")).toBe(12);
    expect(await valueOf(host, "=SUMPRODUCT(--(Data!A1:A3=2))")).toBe(1);
  });

  test("arrays of different sizes make one of the larger size with #N/A where one is missing", async () => {
    const host = dataHost();
    expect(await valueOf(host, "=SUMPRODUCT(Data!A1:A3+Data!B1:B2)")).toBe("#N/A");
    // The #N/A is only where an element is missing: IFERROR catches it there.
    expect(await valueOf(host, "=SUMPRODUCT(IFERROR(Data!A1:A3+Data!B1:B2,1000))")).toBe(1033);
  });

  test("a one-row or one-column array is repeated along the other side", async () => {
    const host = dataHost();
    // {1;2;3} * {1,10}: a 3x2 array of products.
    expect(await valueOf(host, "=SUMPRODUCT(Data!A1:A3*Data!A1:B1)")).toBe(66);
    expect(await valueOf(host, "=SUMPRODUCT(Data!A1:B3*Data!A1)")).toBe(66);
  });

  test("a formula whose result is several cells would spill, which the host does not model: unknown", async () => {
    const host = dataHost();
    await valueOf(host, "=Data!A1:A3*2");
    expect(resultAt(host)).toBeNull();
  });
});

describe("functions", () => {
  test("SUM adds numbers; in a range text, TRUE/FALSE and blanks do not count, given directly they do", async () => {
    const host = dataHost();
    expect(await valueOf(host, "=SUM(Data!A1:C2)")).toBe(33);
    expect(await valueOf(host, '=SUM(1,"5",TRUE)')).toBe(7);
    expect(await valueOf(host, '=SUM(1,"x")')).toBe("#VALUE!");
    expect(await valueOf(host, "=SUM(Data!A1:C3)")).toBe("#N/A");
  });

  test("SUMPRODUCT: text and TRUE/FALSE count as 0; several arrays multiply, and must be the same size; an error wins", async () => {
    const host = dataHost();
    expect(await valueOf(host, "=SUMPRODUCT(Data!A1:C2)")).toBe(33);
    expect(await valueOf(host, "=SUMPRODUCT(Data!A1:A3,Data!B1:B3)")).toBe(140);
    expect(await valueOf(host, "=SUMPRODUCT(Data!A1:A3,Data!B1:B2)")).toBe("#VALUE!");
    expect(await valueOf(host, "=SUMPRODUCT(Data!A1:C3)")).toBe("#N/A");
  });

  test("NOT, and EXACT (which minds case, unlike =)", async () => {
    const host = dataHost();
    expect(await valueOf(host, "=NOT(Data!C2)")).toBe(false);
    expect(await valueOf(host, "=NOT(0)")).toBe(true);
    expect(await valueOf(host, '=NOT("x")')).toBe("#VALUE!");
    expect(await valueOf(host, '=EXACT("Police","police")')).toBe(false);
    expect(await valueOf(host, '=EXACT(Data!A1,"1")')).toBe(true);
    expect(await valueOf(host, '=EXACT(Data!Z99,"")')).toBe(true);
    expect(await valueOf(host, "=SUMPRODUCT(--EXACT(Data!A1:A3,Data!A1:A3&\"\"))")).toBe(3);
  });

  test("IFERROR catches errors element by element", async () => {
    const host = dataHost();
    expect(await valueOf(host, "=IFERROR(1/0,5)")).toBe(5);
    expect(await valueOf(host, "=IFERROR(Data!C3,\"none\")")).toBe("none");
    expect(await valueOf(host, "=SUMPRODUCT(IFERROR(Data!C1:C3,100))")).toBe(100);
  });

  test("FORMULATEXT shows a formula with its =, and is #N/A for a constant or a blank; ISFORMULA says which", async () => {
    const host = new ExcelHost({ sheets: [{ name: "F", cells: { A1: 5, A2: { formula: "=A1*2" } } }, { name: "Check" }] });
    expect(await valueOf(host, "=FORMULATEXT(F!A2)")).toBe("=A1*2");
    expect(await valueOf(host, "=FORMULATEXT(F!A1)")).toBe("#N/A");
    expect(await valueOf(host, "=FORMULATEXT(F!A9)")).toBe("#N/A");
    expect(await valueOf(host, "=ISFORMULA(F!A2)")).toBe(true);
    expect(await valueOf(host, "=ISFORMULA(F!A1)")).toBe(false);
    expect(await valueOf(host, "=SUMPRODUCT(--ISFORMULA(F!A1:A3))")).toBe(1);
    // A formula that reads its own text is not circular.
    expect(await valueOf(host, "=FORMULATEXT(A1)")).toBe("=FORMULATEXT(A1)");
  });

  test("Excel's _xlfn. prefix and lower-case names are the same functions", async () => {
    const host = dataHost();
    expect(await valueOf(host, "=_xlfn.FORMULATEXT(A1)")).toBe("=_xlfn.FORMULATEXT(A1)");
    expect(await valueOf(host, "=_xlfn.ISFORMULA(Data!A1)")).toBe(false);
    expect(await valueOf(host, "=sum(Data!A1:A3)")).toBe(6);
  });
});

describe("what the calculator does not cover stays unknown", () => {
  test.each(["=VLOOKUP(1,Data!A1:B3,2,FALSE)", "=SUM(Data!A:A)", "=Data!A1>0", "=2^3", "=MyName*2", "=SUM({1,2})", "=SUM(1,)", '="unclosed'])(
    "%s reads back as an unknown formula did before (a value of \"\"), and the calculator says null",
    async (formula) => {
      const host = dataHost();
      expect(await read(host, formula)).toEqual({ value: "", text: "", type: "Empty" });
      expect(host.cell("Check", "A1")?.formula).toBe(formula);
      expect(resultAt(host)).toBeNull();
    },
  );

  test("an unknown value makes the formula using it unknown, unless an IFERROR does not need it", async () => {
    const host = dataHost([{ name: "Odd", cells: { A1: { formula: "=TODAY()" } } }]);
    await valueOf(host, "=Odd!A1+1");
    expect(resultAt(host)).toBeNull();
    expect(await valueOf(host, "=IFERROR(Data!A1,Odd!A1)")).toBe(1);
    expect(await valueOf(host, "=IFERROR(Data!A1,FOO())")).toBe(1);
    await valueOf(host, "=IFERROR(Data!C3,FOO())");
    expect(resultAt(host)).toBeNull();
  });

  test("element by element: an IFERROR over a range needs only the fallbacks of its errors, so an unknown formula elsewhere in the range does not matter", async () => {
    // Odd!A1 is a formula the calculator does not cover; its FORMULATEXT is known, so its fallback is never needed.
    const host = dataHost([{ name: "Odd", cells: { A1: { formula: "=TODAY()" }, A2: 7 } }]);
    expect(await valueOf(host, '=SUMPRODUCT(--EXACT(IFERROR(FORMULATEXT(Odd!A1:A2),Odd!A1:A2&""),IFERROR(FORMULATEXT(Odd!A1:A2),Odd!A1:A2&"")))')).toBe(2);
    // A sum over the formula's own value is unknown.
    await valueOf(host, "=SUMPRODUCT(Odd!A1:A2)");
    expect(resultAt(host)).toBeNull();
  });

  test("a formula the calculator cannot work out is taken at the result a seed gave it", async () => {
    const host = dataHost([{ name: "Seeded", cells: { A1: { formula: "=TODAY()", value: 45748 }, A2: { formula: "=NA()", error: "#N/A" } } }]);
    expect(await valueOf(host, "=Seeded!A1+1")).toBe(45749);
    expect(await valueOf(host, "=IFERROR(Seeded!A2,0)")).toBe(0);
  });
});

describe("the scorecard's 'changed since written' formula", () => {
  const FORMULA =
    "=SUMPRODUCT(--NOT(EXACT(IFERROR(FORMULATEXT('Score card'!A1:B4),'Score card'!A1:B4&\"\"),IFERROR(FORMULATEXT('~as written 1~'!A1:B4),'~as written 1~'!A1:B4&\"\"))))";
  const cells = { A1: 5, A2: "x", A3: { formula: "=A1*2" }, B1: "Police", B4: 0.1 };

  /** The two sheets as written, the edit made to 'Score card' through the proxies, then the formula read on a third sheet. */
  async function afterEdit(edit: [string, unknown] | null): Promise<unknown> {
    const host = new ExcelHost({ sheets: [{ name: "Score card", cells }, { name: "~as written 1~", cells }, { name: "Check" }] });
    if (edit) host.context.workbook.worksheets.getItem("Score card").getRange(edit[0]).values = [[edit[1]]];
    return valueOf(host, FORMULA);
  }

  test.each<[string, [string, unknown] | null, unknown]>([
    ["the sheets are the same", null, 0],
    ["A1 = 6", ["A1", 6], 1],
    ["A4 = 0, typed into a blank", ["A4", 0], 1],
    ["A3's formula becomes =A1+A1", ["A3", "=A1+A1"], 1],
    ["B1 = Polica", ["B1", "Polica"], 1],
    ["A1 becomes the text 5 (EXACT compares text)", ["A1", "'5"], 0],
    ["a cell holds the error #N/A as a constant", ["B2", "#N/A"], "#N/A"],
  ])("gives the count of changed cells when %s", async (_what, edit, expected) => {
    expect(await afterEdit(edit)).toBe(expected);
  });

  test("with a function the calculator does not cover, the formula is unknown", async () => {
    const host = new ExcelHost({ sheets: [{ name: "Score card", cells }, { name: "~as written 1~", cells }, { name: "Check" }] });
    expect(await read(host, FORMULA.replace("SUMPRODUCT", "SUMPRODUCTX"))).toEqual({ value: "", text: "", type: "Empty" });
    expect(resultAt(host)).toBeNull();
  });
});

describe("shiftFormula: references moved as a copy moves them", () => {
  test("relative parts move, $ parts stay; strings, functions and sheet names are left as written", () => {
    expect(shiftFormula("=A1+$A$1+A$1+$A1", 2, 1)).toBe("=B3+$A$1+B$1+$A3");
    expect(shiftFormula("=SUM('Score card'!B2:C3)&\"A1\"&LOG10(a1)", 1, 0)).toBe("=SUM('Score card'!B3:C4)&\"A1\"&LOG10(A2)");
    expect(shiftFormula("=Data!A1 + 'It''s'!$B2", 0, 3)).toBe("=Data!D1 + 'It''s'!$B2");
    expect(shiftFormula("=Table1[Col]+A1", 0, 1)).toBe("=Table1[Col]+B1");
  });

  test("no move leaves the text exactly as it was", () => {
    expect(shiftFormula("=e5-F5 + SUM(A:A)", 0, 0)).toBe("=e5-F5 + SUM(A:A)");
  });

  test("a reference moved off the sheet, or whole columns moved, are refused", () => {
    const refusal = (fn: () => unknown): string => {
      try {
        fn();
      } catch (e) {
        if (e instanceof HostError) return e.code;
      }
      return "no refusal";
    };
    expect(refusal(() => shiftFormula("=A1", -1, 0))).toBe("InvalidArgument");
    expect(refusal(() => shiftFormula("=SUM(A:A)", 1, 0))).toBe("InvalidArgument");
    expect(shiftFormula("=$A$1", -5, -5)).toBe("=$A$1");
  });
});
