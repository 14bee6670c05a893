import { checkedR1C1, fromR1C1, toR1C1 } from "../../src/excel/r1c1";

describe("A1 formulas in R1C1 notation", () => {
  test("relative, absolute and mixed references are taken from the formula's own cell", () => {
    // The cell is H7: row 6, column 7 (zero-based).
    expect(toR1C1("=IF(G7=\"\",\"\",G7)", 6, 7)).toBe('=IF(RC[-1]="","",RC[-1])');
    expect(toR1C1("=$B$3*H6+$I7-J$1", 6, 7)).toBe("=R3C2*R[-1]C+RC9-R1C[2]");
    expect(toR1C1("=SUM(A1:B2)", 0, 0)).toBe("=SUM(RC:R[1]C[1])");
  });

  test("the same formula filled down a column has one R1C1 form", () => {
    const rows = [6, 7, 8].map((r) => toR1C1(`=IF(ISNUMBER($I${r + 1}),$I${r + 1}>=$B$3*$J${r + 1},"")`, r, 13));
    expect(new Set(rows).size).toBe(1);
  });

  test("text, sheet names, function names and numbers are not references", () => {
    expect(toR1C1('="A1 stays text"&LOG10(B2)&ATAN2(1,2)', 0, 0)).toBe('="A1 stays text"&LOG10(R[1]C[1])&ATAN2(1,2)');
    expect(toR1C1("='Sheet A1'!B2+Data!C3*1E-9", 0, 0)).toBe("='Sheet A1'!R[1]C[1]+Data!R[2]C[2]*1E-9");
    expect(toR1C1('="say ""B2"""&B2', 1, 1)).toBe('="say ""B2"""&RC');
  });

  test("what it is not sure of gets null: whole columns or rows, structured references", () => {
    expect(toR1C1("=SUM(A:A)", 0, 1)).toBeNull();
    expect(toR1C1("=SUM($3:$3)", 0, 1)).toBeNull();
    expect(toR1C1("=SUM(Table1[Value])", 0, 1)).toBeNull();
  });

  test("converting back gives the formula again; checkedR1C1 refuses what does not come back exactly", () => {
    for (const [f, row, col] of [
      ["=IF(G7=\"\",\"\",G7)", 6, 7],
      ["=$B$3*H6+$I7-J$1", 6, 7],
      ["='My sheet'!$A$1+XFD1048576", 3, 3],
    ] as const) {
      const r1c1 = toR1C1(f, row, col);
      expect(r1c1).not.toBeNull();
      expect(fromR1C1(r1c1 as string, row, col)).toBe(f);
      expect(checkedR1C1(f, row, col)).toBe(r1c1);
    }
    // Lower-case references come back in capitals, so they are written as they are, cell by cell.
    expect(checkedR1C1("=a1+1", 1, 0)).toBeNull();
    expect(fromR1C1("=R[-1]C", 0, 0)).toBeNull();
  });
});
