/**
 * Charts in the file adapter: ExcelJS cannot write them, so charts.ts adds DrawingML parts to
 * the archive ExcelJS wrote. These tests check the package is consistent (every relationship
 * resolves, every part has its content type, the worksheet's children stay in schema order),
 * that the chart XML says what the plan says, that the snapshot reads charts back in the form
 * the Excel test host records, and that ExcelJS and LibreOffice still open the file.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { defaultFramework } from "../../src/core/framework/default-framework";
import { analyseGaps, gapAnalysisPlan, GAP_SHEET } from "../../src/core/gap";
import type { ChartPlan, SheetPlan, WorkbookPlan } from "../../src/core/plan/plan";
import { addCharts, formulaSheetName, insertDrawingElement, readCharts } from "../../src/files/charts";
import { renderPlanToXlsx } from "../../src/files/render";
import { snapshotXlsx } from "../../src/files/snapshot";
import { sheetPartPaths } from "../../src/files/zip";
import { stated } from "../core/gap/kit";
import { convertWithLibreOffice, withLibreOffice } from "../render/libreoffice";

const NS_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/** Two sheets with charts, with names that must be quoted in a formula, and every chart kind. */
function chartPlan(withCharts = true): WorkbookPlan {
  const balance: SheetPlan = {
    name: "Gap Analysis",
    blocks: [
      { at: "A1", values: [["Balance of types"]] },
      {
        at: "A3",
        values: [
          ["Type", "Share", "Indicators"],
          ["Quantity", 0.5, 10],
          ["Quality", 0.3, { formula: "C4/2" }],
          ["Outcome & impact", 0.2, 4],
        ],
      },
    ],
    numberFormats: [{ range: "B4:B6", format: "0%" }],
    styles: [{ range: "A3:C3", style: { bold: true } }],
    tables: [{ name: "Balance", range: "A3:C6" }],
    freeze: { rows: 3, columns: 0 },
    charts: [
      { kind: "columnClustered", title: "Balance of quantity, quality and outcome information", source: "A3:B6", from: "E3", to: "L18" },
      { kind: "pie", title: "Shares", source: "A3:B6", from: "E20", to: "L34" },
    ],
  };
  const quarter: SheetPlan = {
    name: "Q1",
    blocks: [
      {
        at: "B2",
        values: [
          ["Agency", "On time", "Late"],
          ["Police", 12, 3],
          ["Health", 9, 1],
          ["Local authority", 20, 5],
        ],
      },
    ],
    charts: [
      { kind: "columnStacked", title: "Returns by agency", source: "B2:D5", from: "F2", to: "M16" },
      { kind: "barClustered", title: "Returns by agency\n(bars)", source: "B2:D5", from: "F18", to: "M32" },
    ],
  };
  const plain: SheetPlan = { name: "Notes", blocks: [{ at: "A1", values: [["No charts here"]] }] };
  if (!withCharts) {
    delete balance.charts;
    delete quarter.charts;
  }
  return { sheets: [balance, quarter, plain] };
}

async function text(zip: JSZip, part: string): Promise<string> {
  const entry = zip.file(part);
  if (!entry) throw new Error(`missing part ${part}`);
  return entry.async("string");
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

/** Every relationship of every .rels part, with its target resolved to a part path. */
async function allRelationships(zip: JSZip): Promise<{ from: string; id: string; type: string; part: string }[]> {
  const out: { from: string; id: string; type: string; part: string }[] = [];
  for (const relsPath of Object.keys(zip.files).filter((p) => p.endsWith(".rels"))) {
    // xl/_rels/workbook.xml.rels belongs to xl/workbook.xml; _rels/.rels to the package itself.
    const from = relsPath.replace(/_rels\/([^/]*)\.rels$/, "$1");
    const dir = from.slice(0, Math.max(0, from.lastIndexOf("/")));
    for (const m of (await text(zip, relsPath)).matchAll(/<Relationship\b[^>]*>/g)) {
      const target = attr(m[0], "Target") ?? "";
      if (attr(m[0], "TargetMode") === "External") continue;
      const parts = target.startsWith("/") ? [] : dir.split("/").filter(Boolean);
      for (const seg of target.replace(/^\//, "").split("/")) {
        if (seg === "..") parts.pop();
        else if (seg !== ".") parts.push(seg);
      }
      out.push({ from, id: attr(m[0], "Id") ?? "", type: attr(m[0], "Type") ?? "", part: parts.join("/") });
    }
  }
  return out;
}

/** Top-level children of the worksheet element, in order. */
function worksheetChildren(xml: string): string[] {
  const out: string[] = [];
  let depth = 0;
  for (const m of xml.matchAll(/<(\/?)(?:[\w.-]+:)?([A-Za-z_][\w.-]*)(?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/g)) {
    if (m[1] === "/") {
      depth--;
      continue;
    }
    if (depth === 1) out.push(m[2] ?? "");
    if (m[3] !== "/") depth++;
  }
  return out;
}

describe("charts written into the .xlsx", () => {
  let xlsx: Buffer;
  let zip: JSZip;
  let paths: Map<string, string>;

  beforeAll(async () => {
    xlsx = await renderPlanToXlsx(chartPlan());
    zip = await JSZip.loadAsync(xlsx);
    paths = await sheetPartPaths(zip);
  });

  test("the package is consistent: every relationship resolves and every new part has its content type", async () => {
    const rels = await allRelationships(zip);
    for (const r of rels) expect({ rel: r, exists: zip.file(r.part) !== null }).toEqual({ rel: r, exists: true });

    const types = await text(zip, "[Content_Types].xml");
    const overrides = new Map([...types.matchAll(/<Override\b[^>]*>/g)].map((m) => [attr(m[0], "PartName"), attr(m[0], "ContentType")]));
    const drawings = Object.keys(zip.files).filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p));
    const charts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(drawings.sort()).toEqual(["xl/drawings/drawing1.xml", "xl/drawings/drawing2.xml"]);
    expect(charts).toHaveLength(4);
    for (const d of drawings) expect(overrides.get(`/${d}`)).toBe(CT_DRAWING);
    for (const c of charts) expect(overrides.get(`/${c}`)).toBe(CT_CHART);
    // Each override names a part that exists, and none is listed twice.
    const names = [...types.matchAll(/PartName="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(zip.file(n.slice(1))).not.toBeNull();

    // Sheet -> drawing -> chart, each chart reached exactly once.
    const toDrawing = rels.filter((r) => r.type.endsWith("/relationships/drawing"));
    const toChart = rels.filter((r) => r.type.endsWith("/relationships/chart"));
    expect(toDrawing.map((r) => [r.from, r.part]).sort()).toEqual([
      [paths.get("Gap Analysis"), expect.stringMatching(/^xl\/drawings\/drawing\d\.xml$/)],
      [paths.get("Q1"), expect.stringMatching(/^xl\/drawings\/drawing\d\.xml$/)],
    ].sort());
    expect(toChart.map((r) => r.part).sort()).toEqual(charts.sort());
    expect(new Set(toChart.map((r) => r.from)).size).toBe(2);
  });

  test("each worksheet with charts holds one <drawing> in schema order, naming its drawing relationship", async () => {
    const rels = await allRelationships(zip);
    for (const sheet of ["Gap Analysis", "Q1"]) {
      const part = paths.get(sheet)!;
      const xml = await text(zip, part);
      const children = worksheetChildren(xml);
      expect(children.filter((c) => c === "drawing")).toHaveLength(1);
      const at = children.indexOf("drawing");
      // After everything CT_Worksheet orders before it, before everything it orders after it.
      for (const before of ["sheetData", "pageMargins", "pageSetup", "headerFooter", "mergeCells", "conditionalFormatting", "dataValidations"]) {
        if (children.includes(before)) expect(children.indexOf(before)).toBeLessThan(at);
      }
      for (const after of ["legacyDrawing", "tableParts", "extLst"]) {
        if (children.includes(after)) expect(children.indexOf(after)).toBeGreaterThan(at);
      }
      const id = /<drawing r:id="([^"]+)"\/>/.exec(xml)?.[1];
      expect(rels.find((r) => r.from === part && r.id === id)?.type).toMatch(/\/relationships\/drawing$/);
    }
    expect(worksheetChildren(await text(zip, paths.get("Gap Analysis")!))).toEqual(
      expect.arrayContaining(["pageMargins", "pageSetup", "drawing", "tableParts"]),
    );
    // The sheet without charts is left alone.
    expect(await text(zip, paths.get("Notes")!)).not.toMatch(/<drawing\b/);
  });

  test("the drawing anchors each chart over the plan's cells, the `to` cell included", async () => {
    const rels = await allRelationships(zip);
    const drawing = rels.find((r) => r.from === paths.get("Gap Analysis") && r.type.endsWith("/drawing"))!.part;
    const xml = await text(zip, drawing);
    const anchors = [...xml.matchAll(/<xdr:twoCellAnchor>([\s\S]*?)<\/xdr:twoCellAnchor>/g)].map((m) => m[1]!);
    expect(anchors).toHaveLength(2);
    const marker = (a: string, tag: string) => {
      const m = new RegExp(`<xdr:${tag}><xdr:col>(\\d+)</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>(\\d+)</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`).exec(a);
      return m ? [Number(m[1]), Number(m[2])] : null;
    };
    // E3 to L18: from column 4, row 2 to the corner after L18 (column 12, row 18).
    expect(marker(anchors[0]!, "from")).toEqual([4, 2]);
    expect(marker(anchors[0]!, "to")).toEqual([12, 18]);
    expect(marker(anchors[1]!, "from")).toEqual([4, 19]);
    const ids = anchors.map((a) => attr(/<xdr:cNvPr\b[^>]*>/.exec(a)![0], "id"));
    expect(new Set(ids).size).toBe(2);
    expect(anchors[0]).toContain(`<a:graphicData uri="${NS_CHART}">`);
    expect(anchors[0]).toMatch(/<c:chart [^>]*r:id="rId\d+"\/>/);
  });

  async function chartOf(sheet: string, index: number): Promise<string> {
    const rels = await allRelationships(zip);
    const drawing = rels.find((r) => r.from === paths.get(sheet) && r.type.endsWith("/drawing"))!.part;
    const id = [...(await text(zip, drawing)).matchAll(/<c:chart [^>]*r:id="([^"]+)"/g)][index]![1];
    return text(zip, rels.find((r) => r.from === drawing && r.id === id)!.part);
  }

  test("a clustered column chart: title, series from the heading, categories and values with quoted sheet names and cached values", async () => {
    const xml = await chartOf("Gap Analysis", 0);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8" standalone="yes"\?>\n<c:chartSpace /);
    expect(xml).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(xml).toContain("<a:t>Balance of quantity, quality and outcome information</a:t>");
    const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => m[1]!);
    expect(series).toHaveLength(1);
    const ser = series[0]!;
    expect(ser).toContain("<c:tx><c:strRef><c:f>'Gap Analysis'!$B$3</c:f><c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>Share</c:v></c:pt>");
    expect(ser).toContain("<c:cat><c:strRef><c:f>'Gap Analysis'!$A$4:$A$6</c:f>");
    expect(ser).toContain('<c:pt idx="2"><c:v>Outcome &amp; impact</c:v></c:pt>');
    expect(ser).toContain("<c:val><c:numRef><c:f>'Gap Analysis'!$B$4:$B$6</c:f><c:numCache><c:formatCode>0%</c:formatCode><c:ptCount val=\"3\"/>");
    expect(ser).toContain('<c:pt idx="0"><c:v>0.5</c:v></c:pt><c:pt idx="1"><c:v>0.3</c:v></c:pt><c:pt idx="2"><c:v>0.2</c:v></c:pt>');
    // Both axes, each crossing the other by id.
    const barAxes = [...(/<c:barChart>[\s\S]*<\/c:barChart>/.exec(xml)?.[0] ?? "").matchAll(/<c:axId val="(\d+)"\/>/g)].map((m) => m[1]);
    const cat = /<c:catAx><c:axId val="(\d+)"\/>[\s\S]*?<c:crossAx val="(\d+)"\/>/.exec(xml);
    const val = /<c:valAx><c:axId val="(\d+)"\/>[\s\S]*?<c:crossAx val="(\d+)"\/>/.exec(xml);
    expect(barAxes).toEqual([cat?.[1], val?.[1]]);
    expect([cat?.[2], val?.[2]]).toEqual([val?.[1], cat?.[1]]);
    expect(xml).toContain('<c:axPos val="b"/>');
    expect(xml).toMatch(/<c:legend><c:legendPos val="\w+"\/>/);
  });

  test("a formula's point is left out of the cache: its value is not known until Excel calculates", async () => {
    const q1 = await chartOf("Q1", 0);
    expect(q1).toContain("<c:f>'Q1'!$C$2</c:f>");
    const xml = (await renderPlanToXlsx({ sheets: [{ name: "Data", blocks: [{ at: "A1", values: [["K", "V"], ["a", 1], ["b", { formula: "B2*2" }]] }], charts: [{ kind: "pie", title: "P", source: "A1:B3", from: "D1", to: "H10" }] }] }).then(JSZip.loadAsync).then((z) => text(z, "xl/charts/chart1.xml")));
    expect(xml).toContain('<c:f>Data!$B$2:$B$3</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="2"/><c:pt idx="0"><c:v>1</c:v></c:pt></c:numCache>');
  });

  test("stacked columns overlap fully; bars run along the left; a pie varies its colours and has no axes", async () => {
    const stacked = await chartOf("Q1", 0);
    expect(stacked).toContain('<c:barDir val="col"/><c:grouping val="stacked"/>');
    expect(stacked).toContain('<c:overlap val="100"/>');
    expect([...stacked.matchAll(/<c:ser>/g)]).toHaveLength(2);
    expect(stacked).toContain("<c:f>'Q1'!$D$3:$D$5</c:f>");

    const bar = await chartOf("Q1", 1);
    expect(bar).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(bar).toMatch(/<c:catAx>.*?<c:axPos val="l"\/>/);
    expect(bar).toContain("<a:p><a:pPr><a:defRPr/></a:pPr><a:r><a:rPr lang=\"en-GB\"/><a:t>(bars)</a:t></a:r></a:p>");

    const pie = await chartOf("Gap Analysis", 1);
    expect(pie).toContain('<c:pieChart><c:varyColors val="1"/>');
    expect(pie).not.toMatch(/<c:(catAx|valAx)\b/);
  });

  test("snapshotXlsx reads the charts back as the Excel test host records them", async () => {
    const snap = await snapshotXlsx(xlsx);
    expect(snap.sheets.map((s) => [s.name, s.charts])).toEqual([
      [
        "Gap Analysis",
        [
          { kind: "columnClustered", title: "Balance of quantity, quality and outcome information", source: "A3:B6" },
          { kind: "pie", title: "Shares", source: "A3:B6" },
        ],
      ],
      [
        "Q1",
        [
          { kind: "columnStacked", title: "Returns by agency", source: "B2:D5" },
          { kind: "barClustered", title: "Returns by agency\n(bars)", source: "B2:D5" },
        ],
      ],
      ["Notes", []],
    ]);
  });

  test("the file opens again in ExcelJS with its cells, tables and views intact", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Gap Analysis", "Q1", "Notes"]);
    expect(wb.getWorksheet("Gap Analysis")!.getCell("A6").value).toBe("Outcome & impact");
    expect(wb.getWorksheet("Q1")!.getCell("D5").value).toBe(5);
    const without = await snapshotXlsx(await renderPlanToXlsx(chartPlan(false)));
    const withCharts = await snapshotXlsx(xlsx);
    // Apart from the charts, the workbook is the one the plan without charts gives.
    expect({ ...withCharts, sheets: withCharts.sheets.map((s) => ({ ...s, charts: [] })) }).toEqual(without);
  });

  test("the gap analysis sheet's balance chart is in the workbook `gap --out` writes", async () => {
    const result = analyseGaps(
      [
        stated("A1", "Number of children on child protection plans", "Priority service areas", "quantity", "management_information"),
        stated("A2", "CP case files audited as good or better (%)", "Priority service areas", "quality", "case_records"),
      ],
      defaultFramework,
    );
    const sheets = gapAnalysisPlan(result, defaultFramework);
    const plan = sheets[0]!.charts![0]!;
    const data = await renderPlanToXlsx({ sheets, activeSheet: GAP_SHEET });
    const snap = await snapshotXlsx(data);
    expect(snap.sheets[0]!.charts).toEqual([{ kind: plan.kind, title: plan.title, source: plan.source }]);
    const chart = await text(await JSZip.loadAsync(data), "xl/charts/chart1.xml");
    expect(chart).toMatch(/<c:val><c:numRef><c:f>'Gap Analysis'!\$B\$\d+:\$B\$\d+<\/c:f>/);
    expect(chart).toMatch(/<c:pt idx="0"><c:v>0\.5<\/c:v><\/c:pt>/);
  });
});

describe("chart plumbing", () => {
  test("sheet names are quoted in chart formulas whenever they could be read as something else", () => {
    expect(formulaSheetName("Data")).toBe("Data");
    expect(formulaSheetName("Sheet_1.v2")).toBe("Sheet_1.v2");
    expect(formulaSheetName("Gap Analysis")).toBe("'Gap Analysis'");
    expect(formulaSheetName("O'Brien's")).toBe("'O''Brien''s'");
    expect(formulaSheetName("Q1")).toBe("'Q1'");
    expect(formulaSheetName("R1C1")).toBe("'R1C1'");
    expect(formulaSheetName("TRUE")).toBe("'TRUE'");
    expect(formulaSheetName("2025-26")).toBe("'2025-26'");
  });

  test("a sheet name with a quote and an ampersand reads back through its formulas", async () => {
    const name = "O'Brien & Co";
    const data = await renderPlanToXlsx({
      sheets: [{ name, blocks: [{ at: "C3", values: [["Area", "Count"], ["North", 4], ["South", 6]] }], charts: [{ kind: "barClustered", title: "", source: "C3:D5", from: "F3", to: "K12" }] }],
    });
    const chart = await text(await JSZip.loadAsync(data), "xl/charts/chart1.xml");
    expect(chart).toContain("<c:f>'O''Brien &amp; Co'!$D$4:$D$5</c:f>");
    // No title is a deleted title, not Excel's automatic one.
    expect(chart).toContain('<c:autoTitleDeleted val="1"/>');
    expect(chart).not.toContain("<c:title>");
    expect((await snapshotXlsx(data)).sheets[0]!.charts).toEqual([{ kind: "barClustered", title: "", source: "C3:D5" }]);
  });

  test("a one-column source is one series without categories", async () => {
    const data = await renderPlanToXlsx({ sheets: [{ name: "S", blocks: [{ at: "A1", values: [["Count"], [1], [2]] }], charts: [{ kind: "columnClustered", title: "T", source: "A1:A3", from: "C1", to: "H10" }] }] });
    const chart = await text(await JSZip.loadAsync(data), "xl/charts/chart1.xml");
    expect(chart).not.toContain("<c:cat>");
    expect(chart).toContain("<c:f>S!$A$2:$A$3</c:f>");
    expect((await snapshotXlsx(data)).sheets[0]!.charts).toEqual([{ kind: "columnClustered", title: "T", source: "A1:A3" }]);
  });

  test("<drawing> goes after the page settings and breaks, before legacy drawings, table parts and extLst", () => {
    const sheet = (middle: string) => `<?xml version="1.0"?><worksheet xmlns="m" xmlns:r="r"><sheetData><row r="1"><c r="A1"><f>A2&gt;1</f></c></row></sheetData>${middle}</worksheet>`;
    const el = '<drawing r:id="rId9"/>';
    expect(insertDrawingElement(sheet('<pageMargins left="0.7"/><pageSetup orientation="portrait"/><headerFooter><oddHeader>&amp;P</oddHeader></headerFooter><rowBreaks count="1"><brk id="5"/></rowBreaks><legacyDrawing r:id="rId1"/><tableParts count="1"><tablePart r:id="rId2"/></tableParts><extLst><ext uri="x"/></extLst>'), el)).toBe(
      sheet(`<pageMargins left="0.7"/><pageSetup orientation="portrait"/><headerFooter><oddHeader>&amp;P</oddHeader></headerFooter><rowBreaks count="1"><brk id="5"/></rowBreaks>${el}<legacyDrawing r:id="rId1"/><tableParts count="1"><tablePart r:id="rId2"/></tableParts><extLst><ext uri="x"/></extLst>`),
    );
    // An extLst inside a child (a conditional format's rule) is not the worksheet's own.
    expect(insertDrawingElement(sheet('<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>A1&gt;0</formula><extLst><ext uri="y"/></extLst></cfRule></conditionalFormatting><dataValidations count="1"><dataValidation sqref="B1" prompt="a &gt; b" error="x>y"/></dataValidations><pageMargins left="0.7"/>'), el)).toBe(
      sheet(`<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>A1&gt;0</formula><extLst><ext uri="y"/></extLst></cfRule></conditionalFormatting><dataValidations count="1"><dataValidation sqref="B1" prompt="a &gt; b" error="x>y"/></dataValidations><pageMargins left="0.7"/>${el}`),
    );
  });

  test("a sheet that already has a drawing (an image, as ExcelJS writes one) gets the chart added to that drawing", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Pictures");
    ws.getCell("A1").value = "Area";
    ws.getCell("B1").value = "Count";
    ws.getCell("A2").value = "North";
    ws.getCell("B2").value = 3;
    // A 1x1 PNG.
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    const image = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" });
    ws.addImage(image, "D2:E4");
    const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
    const paths = await sheetPartPaths(zip);
    const before = await text(zip, paths.get("Pictures")!);
    expect(before).toMatch(/<drawing r:id="[^"]+"\/>/);

    await addCharts(zip, paths, [{ name: "Pictures", blocks: [], charts: [{ kind: "pie", title: "Counts", source: "A1:B2", from: "G2", to: "L12" }] }]);
    const after = await text(zip, paths.get("Pictures")!);
    expect(after).toBe(before);
    const drawings = Object.keys(zip.files).filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p));
    expect(drawings).toEqual(["xl/drawings/drawing1.xml"]);
    const drawing = await text(zip, "xl/drawings/drawing1.xml");
    expect(drawing).toContain("<xdr:pic>");
    expect(drawing).toMatch(/<c:chart [^>]*r:id="(rId\d+)"\/>/);
    const ids = [...drawing.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    const rels = await allRelationships(zip);
    expect(rels.filter((r) => r.from === "xl/drawings/drawing1.xml").map((r) => r.type.replace(/.*\//, "")).sort()).toEqual(["chart", "image"]);
    for (const r of rels) expect(zip.file(r.part)).not.toBeNull();
    expect(await text(zip, "[Content_Types].xml")).toContain(`<Override PartName="/xl/charts/chart1.xml" ContentType="${CT_CHART}"/>`);
    expect(await readCharts(zip, paths.get("Pictures")!, "Pictures")).toEqual([{ kind: "pie", title: "Counts", source: "A1:B2" }]);

    // ExcelJS still finds its image.
    const data = await zip.generateAsync({ type: "nodebuffer" });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(data as unknown as ExcelJS.Buffer);
    expect(back.getWorksheet("Pictures")!.getImages()).toHaveLength(1);
  });

  test("a line chart with markers: one line per series, each with its own marker shape, on two axes; read back as lineMarkers", async () => {
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "Scorecard",
          blocks: [{ at: "A10", values: [["Period", "Northshire", "England"], ["2023", 44, 41.9], ["2024", 42, null], ["2025", 46.5, 44.1]] }],
          numberFormats: [{ range: "B11:C13", format: "0.0" }],
          charts: [{ kind: "lineMarkers", title: "CSC01: Northshire and England", source: "A10:C13", from: "D11", to: "I24" }],
        },
      ],
    };
    const bytes = await renderPlanToXlsx(plan);
    const xml = await text(await JSZip.loadAsync(bytes), "xl/charts/chart1.xml");
    expect(xml).toContain('<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>');
    expect([...xml.matchAll(/<c:symbol val="(\w+)"\/>/g)].map((m) => m[1])).toEqual(["circle", "square"]);
    expect(xml).toMatch(/<c:marker val="1"\/><c:axId val="\d+"\/><c:axId val="\d+"\/><\/c:lineChart><c:catAx>.*<\/c:catAx><c:valAx>.*<\/c:valAx>/);
    // A blank point is a gap, not a zero.
    expect(xml).toContain("<c:f>Scorecard!$C$11:$C$13</c:f><c:numCache><c:formatCode>0.0</c:formatCode><c:ptCount val=\"3\"/><c:pt idx=\"0\"><c:v>41.9</c:v></c:pt><c:pt idx=\"2\"><c:v>44.1</c:v></c:pt>");
    expect((await snapshotXlsx(bytes)).sheets[0]?.charts).toEqual([{ kind: "lineMarkers", title: "CSC01: Northshire and England", source: "A10:C13" }]);
  });

  test("a line chart whose series show no markers reads back as line, as Office.js names it", async () => {
    const bytes = await renderPlanToXlsx({
      sheets: [{ name: "S", blocks: [{ at: "A1", values: [["K", "V"], ["a", 1], ["b", 2]] }], charts: [{ kind: "lineMarkers", title: "L", source: "A1:B3", from: "D1", to: "H10" }] }],
    });
    const zip = await JSZip.loadAsync(bytes);
    const xml = await text(zip, "xl/charts/chart1.xml");
    zip.file("xl/charts/chart1.xml", xml.replace(/<c:symbol val="\w+"\/>/g, '<c:symbol val="none"/>'));
    const paths = await sheetPartPaths(zip);
    expect(await readCharts(zip, paths.get("S")!, "S")).toEqual([{ kind: "line", title: "L", source: "A1:B3" }]);
  });

  test.each<[string, Partial<ChartPlan>, RegExp]>([
    ["a source with only headings", { source: "A1:B1" }, /heading row and at least one row of data/],
    ["a source that is not a range", { source: "A1:B" }, /not a range/],
    ["a source on another sheet", { source: "Other!A1:B3" }, /on its own sheet/],
    ["a position that is a range", { from: "D1:E2" }, /not both single cells/],
    ["a position ending before it starts", { from: "H10", to: "D1" }, /above or left/],
  ])("a chart plan with %s is refused", async (_, change, message) => {
    const plan: WorkbookPlan = {
      sheets: [{ name: "S", blocks: [{ at: "A1", values: [["K", "V"], ["a", 1], ["b", 2]] }], charts: [{ kind: "pie", title: "P", source: "A1:B3", from: "D1", to: "H10", ...change }] }],
    };
    await expect(renderPlanToXlsx(plan)).rejects.toThrow(message);
  });
});

describe("LibreOffice opens the charts", () => {
  const lo = withLibreOffice("charts in the .xlsx");
  lo(
    "a PDF is produced, larger than the same workbook's without charts, and a re-save keeps the charts",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chart-lo-"));
      try {
        const withPath = path.join(dir, "with-charts.xlsx");
        const withoutPath = path.join(dir, "without-charts.xlsx");
        fs.writeFileSync(withPath, await renderPlanToXlsx(chartPlan()));
        fs.writeFileSync(withoutPath, await renderPlanToXlsx(chartPlan(false)));
        const pdfWith = convertWithLibreOffice(withPath, "pdf", path.join(dir, "pdf"));
        const pdfWithout = convertWithLibreOffice(withoutPath, "pdf", path.join(dir, "pdf"));
        expect(fs.readFileSync(pdfWith).subarray(0, 5).toString()).toBe("%PDF-");
        expect(fs.statSync(pdfWith).size).toBeGreaterThan(fs.statSync(pdfWithout).size);

        // LibreOffice drops a chart it cannot read, so its own .xlsx keeps one only if it read ours.
        const resaved = await JSZip.loadAsync(fs.readFileSync(convertWithLibreOffice(withPath, "xlsx", path.join(dir, "resaved"))));
        const charts = Object.keys(resaved.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
        expect(charts).toHaveLength(4);
        const all = (await Promise.all(charts.map((c) => text(resaved, c)))).join("").replace(/&apos;/g, "'");
        expect(all).toContain("Balance of quantity, quality and outcome information");
        expect(all).toMatch(/'Gap Analysis'!\$B\$4:\$B\$6/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
