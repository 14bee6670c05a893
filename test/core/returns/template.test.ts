/**
 * The return template: what the agency lead sees (details, instructions, the ReturnData table),
 * the data validation and protection of the entry cells, and the specification it carries.
 */
import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { isInputError } from "../../../src/core/errors";
import { parseRange } from "../../../src/core/grid/address";
import type { CellBlock, SheetPlan } from "../../../src/core/plan/plan";
import { COLUMN_ORDER, HEADINGS, SPEC_SHEET } from "../../../src/core/returns/layout";
import { sha256Hex } from "../../../src/core/templates/sha256";
import { readReturnSpec, readSpec, specChecksum, verifyChecksum } from "../../../src/core/returns/spec";
import { buildReturnSpec, returnLayout, returnTemplatePlan } from "../../../src/core/returns/template";
import { readWorkbookBuffer } from "../../../src/files/read";
import { renderPlanToXlsx } from "../../../src/files/render";
import { snapshotXlsx } from "../../../src/files/snapshot";
import { colOf, INDICATORS, templateBuffer, templateInput } from "./kit";

/** ExcelJS keeps a sheet's tables in a member its typings leave out. */
interface Internals {
  tables: Record<string, { table: { columns: { name: string }[] } }>;
}

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

function textOf(sheet: SheetPlan): string[] {
  return sheet.blocks.flatMap((b: CellBlock) => b.values.flat()).filter((v): v is string => typeof v === "string");
}

describe("the Return sheet", () => {
  const plan = returnTemplatePlan(templateInput());
  const sheet = plan.sheets[0]!;

  test("opens on the Return sheet, with the details at the top and plain instructions", () => {
    expect(plan.activeSheet).toBe("Return");
    expect(sheet.name).toBe("Return");
    const texts = textOf(sheet);
    for (const t of ["Northshire Safeguarding Children Partnership", "Children's Social Care", "Q1 2025/26", "1 April 2025 to 30 June 2025", "31 July 2025"]) {
      expect(texts).toContain(t);
    }
    const instructions = texts.filter((t) => /^\d+\. /.test(t)).join("\n");
    expect(instructions).toContain("type 87.5 or 87.5% for 87.5 per cent");
    expect(instructions).toContain('choose "Not available" in the Not available column, and say why in Commentary');
    expect(instructions).toMatch(/Only the yellow cells can be changed/);
  });

  test("the table is ReturnData with the contract's headings, in a rendered file", async () => {
    const wb = await load(await templateBuffer());
    const ws = wb.getWorksheet("Return")!;
    const { headerRow, firstDataRow } = returnLayout(templateInput());
    const table = (ws as unknown as Internals).tables["ReturnData"];
    expect(table).toBeDefined();
    const names = table!.table.columns.map((c) => c.name);
    for (const h of ["Indicator ID", "Indicator", "Unit", "Value", "Numerator", "Denominator", "Commentary", "Target", "Not available"]) expect(names).toContain(h);
    expect(ws.getCell(`A${headerRow}`).value).toBe("Indicator ID");
    expect(ws.getCell(`A${firstDataRow}`).value).toBe("CP01");
    expect(ws.getCell(`A${firstDataRow + INDICATORS.length - 1}`).value).toBe("CP07");
  });

  test("every entry cell has data validation with a prompt; everything else is locked", async () => {
    const snap = (await snapshotXlsx(await templateBuffer())).sheets.find((x) => x.name === "Return")!;
    expect(snap.protected).toBe(true);
    const covering = (address: string) => {
      const a = parseRange(address);
      return snap.dataValidations.filter((dv) => {
        const r = parseRange(dv.range);
        return a.top >= r.top && a.top <= r.bottom && a.left >= r.left && a.left <= r.right;
      });
    };
    const { firstDataRow } = returnLayout(templateInput());
    let entryCells = 0;
    for (let r = 1; r < firstDataRow + INDICATORS.length + 2; r++) {
      for (let c = 0; c < COLUMN_ORDER.length + 1; c++) {
        const address = `${String.fromCharCode(65 + c)}${r}`;
        const rules = covering(address);
        if (snap.cells[address]?.locked === false) {
          entryCells++;
          expect(rules).toHaveLength(1);
          expect(rules[0]!.prompt?.message.length).toBeGreaterThan(10);
        } else {
          expect(rules).toEqual([]);
        }
      }
    }
    // Value, Not available and Commentary on every row; Numerator and Denominator on the two percentages.
    expect(entryCells).toBe(INDICATORS.length * 3 + 2 * 2);

    const at = (id: string, col: keyof typeof HEADINGS) => covering(`${colOf(col)}${firstDataRow + INDICATORS.findIndex((i) => i.id === id)}`)[0]!;
    expect(at("CP03", "value")).toMatchObject({ kind: "whole", operator: "greaterThanOrEqual", min: 0 });
    expect(at("CP02", "value")).toMatchObject({ kind: "decimal", operator: "between", min: 0, max: 100 });
    expect(at("CP04", "value")).toMatchObject({ kind: "decimal", operator: "greaterThanOrEqual", min: 0 });
    expect(at("CP05", "value")).toMatchObject({ kind: "decimal", operator: "greaterThanOrEqual", min: 0 });
    expect(at("CP06", "value")).toMatchObject({ kind: "list", items: ["Yes", "No", "Partly"] });
    expect(at("CP01", "numerator")).toMatchObject({ kind: "whole", operator: "greaterThanOrEqual", min: 0 });
    expect(at("CP01", "notAvailable")).toMatchObject({ kind: "list", items: ["Not available"] });
    expect(at("CP01", "commentary")).toMatchObject({ kind: "textLength", max: 1000 });
  });

  test("percentages are entered as plain numbers in percent units, and commentary as text", () => {
    const { firstDataRow } = returnLayout(templateInput());
    const formatOf = (address: string) => {
      const hits = (sheet.numberFormats ?? []).filter((nf) => {
        const r = parseRange(nf.range);
        const a = parseRange(address);
        return a.top >= r.top && a.top <= r.bottom && a.left >= r.left && a.left <= r.right;
      });
      return hits[hits.length - 1]?.format;
    };
    expect(formatOf(`${colOf("value")}${firstDataRow}`)).toBe("0.0#");
    expect(formatOf(`${colOf("value")}${firstDataRow}`)).not.toContain("%");
    expect(formatOf(`${colOf("commentary")}${firstDataRow}`)).toBe("@");
  });

  test("refuses what it could not check later: no ID, an ID twice, answers Excel cannot list, nothing at all", () => {
    const noId = { ...INDICATORS[0]!, id: null };
    expect(() => returnTemplatePlan(templateInput({ indicators: [noId] }))).toThrow(/has no Indicator ID/);
    expect(() => returnTemplatePlan(templateInput({ indicators: [INDICATORS[0]!, { ...INDICATORS[1]!, id: "cp01" }] }))).toThrow(/used twice/);
    expect(() => returnTemplatePlan(templateInput({ indicators: [{ ...INDICATORS[5]!, choices: ["Yes, fully", "No"] }] }))).toThrow(/free of commas/);
    try {
      returnTemplatePlan(templateInput({ indicators: [] }));
      throw new Error("no error");
    } catch (e) {
      expect(isInputError(e)).toBe(true);
    }
  });
});

describe("the specification the template carries", () => {
  test("is on a very hidden sheet, in text cells, and reads back exactly", async () => {
    const input = templateInput();
    const buffer = await templateBuffer();
    const wb = await readWorkbookBuffer(buffer, "t.xlsx");
    const grid = wb.sheets.find((s) => s.sheet === SPEC_SHEET)!;
    expect(grid.state).toBe("veryHidden");
    for (const row of grid.rows) {
      for (const cell of row) {
        expect(cell.value === null || typeof cell.value === "string").toBe(true);
        if (typeof cell.value === "string") expect(cell.value.length).toBeLessThanOrEqual(32000);
      }
    }
    const spec = readReturnSpec(wb)!;
    expect(spec).toEqual(buildReturnSpec(input));
    expect(spec.indicators.map((i) => [i.id, i.row])).toEqual(INDICATORS.map((ind, i) => [ind.id, returnLayout(input).firstDataRow + i]));
    expect(spec.indicators.find((i) => i.id === "CP06")!.choices).toEqual(["Yes", "No", "Partly"]);
    expect(spec.indicators.find((i) => i.id === "CP07")!.band).toEqual({ low: 15, high: 20 });
    expect(spec.indicators.find((i) => i.id === "CP03")!.previous).toBe(118);
    expect(verifyChecksum(spec)).toBe(true);
  });

  test("the checksum changes with any part of the specification", () => {
    const spec = buildReturnSpec(templateInput());
    const { checksum, ...rest } = spec;
    expect(checksum).toBe(specChecksum(rest));
    const first = rest.indicators[0]!;
    const variants = [
      { ...rest, agency: "Police" },
      { ...rest, period: { ...rest.period, end: "2025-07-31" } },
      { ...rest, changeThreshold: 11 },
      { ...rest, indicators: [{ ...first, target: 80 }, ...rest.indicators.slice(1)] },
      { ...rest, indicators: [{ ...first, row: first.row + 1 }, ...rest.indicators.slice(1)] },
      { ...rest, indicators: [{ ...first, previous: 89 }, ...rest.indicators.slice(1)] },
      { ...rest, indicators: rest.indicators.slice(1) },
    ];
    for (const v of variants) expect(verifyChecksum({ ...v, checksum })).toBe(false);
  });

  test("a workbook without one reads as absent, not as an error", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "kind";
    const grids = await readWorkbookBuffer(Buffer.from(await wb.xlsx.writeBuffer()), "x.xlsx");
    expect(readSpec(grids)).toEqual({ status: "absent" });
    expect(readReturnSpec(grids)).toBeNull();
  });

  test("a spec sheet renamed by someone is still found by what it holds", async () => {
    const wb = await load(await templateBuffer());
    wb.getWorksheet(SPEC_SHEET)!.name = "Sheet3";
    const grids = await readWorkbookBuffer(Buffer.from(await wb.xlsx.writeBuffer()), "x.xlsx");
    expect(readReturnSpec(grids)).toEqual(buildReturnSpec(templateInput()));
  });
});

describe("SHA-256", () => {
  // Lengths either side of the 55/56-byte padding boundary and of one 64-byte block, and UTF-8.
  test.each([
    ["nothing", ""],
    ["abc", "abc"],
    ["55 bytes", "a".repeat(55)],
    ["56 bytes", "a".repeat(56)],
    ["64 bytes", "a".repeat(64)],
    ["1,000 bytes", "a".repeat(1000)],
    ["curly quotes, a dash, a pound sign and an emoji", "Children’s Social Care — £ 😀"],
    ["a lone surrogate", "\ud800 lone surrogate"],
  ])("matches Node's for %s", (_label, text) => {
    expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });

  test("the known answer for abc", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("the Checks sheet", () => {
  test("prints the rule catalogue into the template", async () => {
    const wb = await readWorkbookBuffer(await renderPlanToXlsx(returnTemplatePlan(templateInput())), "t.xlsx");
    const checks = wb.sheets.find((s) => s.sheet === "Checks")!;
    const codes = checks.rows.map((r) => r[0]?.value).filter((v): v is string => typeof v === "string" && /^RET\d{3}$/.test(v));
    expect(codes).toContain("RET027");
    expect(codes).toContain("RET040");
    expect(codes.length).toBeGreaterThanOrEqual(30);
  });
});
