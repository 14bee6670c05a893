import JSZip from "jszip";
import ExcelJS from "exceljs";
import { readWorkbookBuffer } from "./src/files/read";
async function main() {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Data").getCell("A1").value = "x";
  const base = await wb.xlsx.writeBuffer();
  const zip = await JSZip.loadAsync(base);
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const mb = Number(process.argv[2] ?? 300);
  const pad = " ".repeat(1024 * 1024);
  const chunks: string[] = [];
  for (let i = 0; i < mb; i++) chunks.push(pad);
  const big = xml.replace("<sheetData>", "<sheetData>" + chunks.join(""));
  zip.file("xl/worksheets/sheet1.xml", big);
  const data = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
  console.log("zip bytes", data.length, "xml chars", big.length);
  const t = Date.now();
  const m0 = process.memoryUsage().rss;
  try { const r = await readWorkbookBuffer(data, "bomb.xlsx"); console.log("read", r.sheets.length); }
  catch (e) { console.log("err", (e as Error).message); }
  console.log("ms", Date.now() - t, "rss MB", Math.round((process.memoryUsage().rss - m0) / 1e6));
}
main();
