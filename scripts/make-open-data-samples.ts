/**
 * Writes the open-data samples in assets/samples/open-data/ that `npm run demo` benchmarks:
 * - children-in-need.csv: official statistics in the Department for Education's open-data
 *   layout (time_period, time_identifier, geographic_level, codes and names, a breakdown, then
 *   indicator columns with statistics marks) for England, three regions (London with its inner
 *   and outer parts) and twelve fictional authorities over three reporting years;
 * - statistical-neighbours.xlsx: their statistical-neighbour list in the layout of the
 *   Department's LAIT workbook (sn_may_2025.xlsx).
 * Everything comes from test/generators/open-data.ts with a fixed seed, so the files are the same
 * on every run. Run: npx ts-node --transpile-only scripts/make-open-data-samples.ts
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { CHILDREN_IN_NEED_INDICATORS, csvText, neighbourListRows, openDataRows, sampleAuthorities } from "../test/generators/open-data";

const dir = path.join(__dirname, "..", "assets", "samples", "open-data");

export function childrenInNeedRows(): string[][] {
  return openDataRows({
    authorities: sampleAuthorities(),
    years: [2023, 2024, 2025],
    indicators: CHILDREN_IN_NEED_INDICATORS,
    breakdown: { heading: "category", values: ["Children in need"] },
    seed: 2024,
  });
}

async function neighbourWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Safeguarding partnership scorecard (generated sample)";
  wb.created = new Date(Date.UTC(2025, 4, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet("LA SN Groups");
  for (const row of neighbourListRows(sampleAuthorities())) ws.addRow(row);
  ws.getRow(3).font = { bold: true };
  ws.getColumn(2).width = 24;
  ws.getColumn(5).width = 26;
  fs.writeFileSync(file, await withFixedDates(new Uint8Array(await wb.xlsx.writeBuffer())));
}

/** A zip stores when each part was written; a fixed date makes the same workbook the same bytes. */
async function withFixedDates(xlsx: Uint8Array): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const date = new Date(Date.UTC(2025, 4, 1));
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]!;
    if (!entry.dir) out.file(name, await entry.async("uint8array"), { date, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function main(): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const csv = path.join(dir, "children-in-need.csv");
  fs.writeFileSync(csv, csvText(childrenInNeedRows()));
  const list = path.join(dir, "statistical-neighbours.xlsx");
  await neighbourWorkbook(list);
  process.stdout.write(`Wrote ${path.relative(process.cwd(), csv)} and ${path.relative(process.cwd(), list)}.\n`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
