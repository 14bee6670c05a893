import { CORPUS, writeCorpus } from "./test/bad-input/corpus";
import { readWorkbookFile } from "./src/files/node";
import { ingestWorkbook } from "./src/core/ingest";
async function main() {
  const only = process.argv[2];
  const files = CORPUS.filter((f) => !only || f.name === only);
  let t = Date.now();
  const { paths } = await writeCorpus(files);
  console.log("corpus written ms", Date.now() - t);
  for (const f of files) {
    t = Date.now();
    const m0 = process.memoryUsage().rss;
    let out = "";
    try {
      const wb = await readWorkbookFile(paths.get(f.name)!);
      out = `read ${wb.sheets.map((s) => s.sheet + ":" + s.rows.length).join(",")}`;
      const r = ingestWorkbook(wb);
      out += ` obs ${r.observations.length}`;
    } catch (e) { out += ` ERR ${(e as Error).name}: ${(e as Error).message.slice(0, 200)}`; }
    console.log(f.name, Date.now() - t, "ms", Math.round((process.memoryUsage().rss - m0) / 1e6), "MB", out);
  }
}
main();
