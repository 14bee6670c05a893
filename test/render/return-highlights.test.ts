/**
 * The return template marks a figure that cannot be right as it is typed, and the mark goes once
 * it is fixed, with no add-in running: the highlights are conditional formats of the template
 * itself. Checked as a person would see them: the filled return printed to PDF by LibreOffice
 * and the pink of a wrong figure looked for in the pictures.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { returnTemplatePlan } from "../../src/core/returns";
import { filled, templateInput } from "../core/returns/kit";
import { convertWithLibreOffice, pdfPages, withLibreOffice } from "./libreoffice";

const lo = withLibreOffice("return-highlights");
const WRONG_FILL: [number, number, number] = [0xff, 0xc7, 0xce];

let work = "";
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "return-highlights-"));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** How many pixels of the printed return carry the "wrong figure" fill. */
function wrongPixels(buffer: Buffer, name: string): number {
  const file = path.join(work, `${name}.xlsx`);
  fs.writeFileSync(file, buffer);
  // 100 dpi: the return prints fitted to one A4 page across, so its cells are smaller than at 100%.
  const images = pdfPages(convertWithLibreOffice(file, "pdf", path.join(work, name)), 100);
  let count = 0;
  for (const img of images) {
    for (let y = 0; y < img.height; y++) {
      for (let x = 0; x < img.width; x++) {
        const [r, g, b] = img.rgb(x, y);
        if (Math.abs(r - WRONG_FILL[0]) <= 3 && Math.abs(g - WRONG_FILL[1]) <= 3 && Math.abs(b - WRONG_FILL[2]) <= 3) count++;
      }
    }
  }
  return count;
}

test("the template carries a fixed three highlight rules, over whole columns, whatever its length", () => {
  const rulesOf = (n: number) => {
    const indicators = Array.from({ length: n }, (_, i) => ({ ...templateInput().indicators[i % 2]!, id: `X${i}`, name: `Indicator ${i}` }));
    return returnTemplatePlan(templateInput({ indicators, previous: {} })).sheets.find((s) => s.name === "Return")!.conditionalFormats!;
  };
  const few = rulesOf(4);
  const many = rulesOf(400);
  expect(few).toHaveLength(3);
  expect(many).toHaveLength(3);
  expect(many.map((r) => r.range)).toEqual([expect.stringMatching(/^G\d+:G\d+$/), expect.stringMatching(/^H\d+:I\d+$/), expect.stringMatching(/^K\d+:K\d+$/)]);
});

lo("a correct return shows no highlight; a wrong figure is highlighted until it is fixed", async () => {
  expect(wrongPixels(await filled(), "correct")).toBe(0);
  const marked = {
    over100: wrongPixels(await filled((d) => void (d.at("CP02", "value").value = 104)), "over-100"),
    words: wrongPixels(await filled((d) => void (d.at("CP03", "value").value = "about 120")), "words"),
    negative: wrongPixels(await filled((d) => void (d.at("CP03", "value").value = -3)), "negative"),
    numeratorOverDenominator: wrongPixels(await filled((d) => void (d.at("CP01", "numerator").value = 45)), "numerator-over-denominator"),
    notAvailableWithoutReason: wrongPixels(await filled((d) => void ((d.at("CP04", "value").value = null), (d.at("CP04", "notAvailable").value = "Not available"))), "not-available"),
  };
  // One highlighted cell is a few hundred pixels at this resolution.
  expect(Object.entries(marked).filter(([, n]) => n < 200)).toEqual([]);
  // Fixed again: the same cell back to a possible figure, and the mark is gone.
  expect(wrongPixels(await filled((d) => void (d.at("CP02", "value").value = 18)), "fixed")).toBe(0);
});
