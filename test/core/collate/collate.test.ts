/**
 * Collating returns filled as people fill them: every accepted figure once, rejected returns'
 * figures absent, missing agencies named, repeats counted once with a note, and conflicting
 * figures left out with both values and files.
 */
import { collateReturns, collateSummary, collationClean, figureKey, type CollateInput, type CollateResult } from "../../../src/core/collate";
import type { Observation } from "../../../src/core/model/model";
import { agencyReturn, FIGURES, input, PERIOD, Q2, setOf } from "./kit";

const THREE = ["Children's Social Care", "Police", "Health"];
const SET = setOf([...THREE, "Education"]);

function figure(r: CollateResult, agency: string, id: string): Observation[] {
  return r.observations.filter((o) => o.agency === agency && o.indicatorId === id);
}

/** No figure twice: every kept observation's key is unique, and no conflicting key was kept. */
function expectNoFigureTwice(r: CollateResult): void {
  const keys = r.observations.map(figureKey);
  expect(new Set(keys).size).toBe(keys.length);
  for (const c of r.conflicts) expect(r.observations.filter((o) => o.indicatorId === c.indicatorId && o.agency === c.agency && o.period.start === c.period.start)).toEqual([]);
}

let returns: Record<string, Buffer>;

beforeAll(async () => {
  returns = {};
  for (const agency of [...THREE, "Education"]) returns[agency] = await agencyReturn(agency);
});

async function threeAccepted(): Promise<CollateInput[]> {
  return Promise.all(THREE.map((a, i) => input(returns[a]!, `return-${i + 1}.xlsx`)));
}

describe("collateReturns", () => {
  test("three accepted returns: every figure once, from its own return", async () => {
    const r = collateReturns(await threeAccepted(), { indicators: setOf(THREE) });
    expect(r.submissions.map((s) => [s.file, s.agency, s.status, s.errors])).toEqual([
      ["return-1.xlsx", "Children's Social Care", "accepted", 0],
      ["return-2.xlsx", "Police", "accepted", 0],
      ["return-3.xlsx", "Health", "accepted", 0],
    ]);
    expect(r.observations).toHaveLength(3 * 7);
    expectNoFigureTwice(r);
    for (const [i, agency] of THREE.entries()) {
      const cp02 = figure(r, agency, "CP02");
      expect(cp02).toHaveLength(1);
      expect(cp02[0]).toMatchObject({ value: FIGURES[agency]!.CP02, period: PERIOD, source: { file: `return-${i + 1}.xlsx`, sheet: "Return", cell: "G22" } });
      expect(figure(r, agency, "CP03")[0]?.value).toBe(FIGURES[agency]!.CP03);
    }
    expect(r).toMatchObject({ missing: [], conflicts: [], duplicates: [], notes: [] });
    expect(collationClean(r)).toBe(true);
    expect(collateSummary(r)).toBe("3 returns: 3 accepted, 0 rejected; no agency missing; no conflicts.");
  });

  test("a return with text in a number cell is rejected: its figures are absent, it is listed with its errors, and it is not missing", async () => {
    const bad = await agencyReturn("Police", (d) => {
      d.at("CP03", "value").value = "about 115";
    });
    const inputs = await threeAccepted();
    inputs[1] = await input(bad, "police.xlsx");
    const r = collateReturns(inputs, { indicators: setOf(THREE) });
    const police = r.submissions[1]!;
    expect(police).toMatchObject({ file: "police.xlsx", agency: "Police", period: PERIOD, status: "rejected", errors: 1, readable: true });
    expect(police.reason).toMatch(/^Return!G23: the value for CP03 .* is "about 115", which is not a number/);
    expect(police.issues).toEqual([expect.objectContaining({ code: "RET023", severity: "error", sheet: "Return", cell: "G23" })]);
    // Not even its good figures: the agency will send the whole return again.
    expect(r.observations.filter((o) => o.agency === "Police")).toEqual([]);
    expect(r.observations).toHaveLength(2 * 7);
    expect(r.missing).toEqual([]);
    expect(collationClean(r)).toBe(false);
    expect(collateSummary(r)).toBe("3 returns: 2 accepted, 1 rejected; no agency missing; no conflicts.");
  });

  test("an agency the set expects that sent nothing is missing; without a set nothing is", async () => {
    const inputs = await threeAccepted();
    const r = collateReturns(inputs, { indicators: SET });
    expect(r.missing).toEqual(["Education"]);
    expect(r.missingByPeriod).toEqual([{ agency: "Education", period: PERIOD }]);
    expect(r.expected).toEqual([...THREE, "Education"]);
    expect(collationClean(r)).toBe(false);
    expect(collateSummary(r)).toBe("3 returns: 3 accepted, 0 rejected; 1 agency missing (Education); no conflicts.");

    const unchecked = collateReturns(inputs);
    expect(unchecked).toMatchObject({ missing: [], missingByPeriod: [], expected: null });
    expect(collateSummary(unchecked)).toContain("missing returns not checked (no indicator set given)");
  });

  test("the same return sent twice: each figure counted once, from the first file, with a note", async () => {
    const inputs = [...(await threeAccepted()), await input(returns["Police"]!, "police (1).xlsx")];
    const r = collateReturns(inputs, { indicators: setOf(THREE) });
    expect(r.submissions.map((s) => s.status)).toEqual(["accepted", "accepted", "accepted", "accepted"]);
    expect(r.observations).toHaveLength(3 * 7);
    expectNoFigureTwice(r);
    expect(figure(r, "Police", "CP02")[0]?.source.file).toBe("return-2.xlsx");
    expect(r.conflicts).toEqual([]);
    expect(r.duplicates).toEqual([
      {
        agency: "Police",
        period: PERIOD,
        kept: "return-2.xlsx",
        repeatedIn: ["police (1).xlsx"],
        indicatorIds: ["CP01", "CP02", "CP03", "CP04", "CP05", "CP06", "CP07"],
        commentaryDiffers: [],
      },
    ]);
    expect(r.notes).toEqual([`"police (1).xlsx" gives the same 7 figures as "return-2.xlsx" for Police, Q1 2025/26; each is counted once, from "return-2.xlsx".`]);
    // A repeat is not wrong: nothing to chase.
    expect(collationClean(r)).toBe(true);
    expect(collateSummary(r)).toBe("4 returns: 4 accepted, 0 rejected; no agency missing; no conflicts; 7 figures sent more than once, counted once.");
  });

  test("two returns for one agency and period that differ on one figure: a conflict with both values and files, that figure left out, the rest once", async () => {
    const second = await agencyReturn("Police", (d) => {
      d.at("CP02", "value").value = 13;
      d.at("CP05", "commentary").value = "Checked again with the performance team.";
    });
    const inputs = [...(await threeAccepted()), await input(second, "police-v2.xlsx")];
    const r = collateReturns(inputs, { indicators: setOf(THREE) });
    expect(r.conflicts).toEqual([
      expect.objectContaining({
        indicatorId: "CP02",
        agency: "Police",
        period: PERIOD,
        values: [12, 13],
        files: ["return-2.xlsx", "police-v2.xlsx"],
        indicator: "Re-referrals within 12 months",
      }),
    ]);
    expect(r.conflicts[0]!.figures.map((f) => `${f.file}!${f.cell}`)).toEqual(["return-2.xlsx!G22", "police-v2.xlsx!G22"]);
    // Neither figure: the secretary asks the agency which is right.
    expect(figure(r, "Police", "CP02")).toEqual([]);
    expect(figure(r, "Children's Social Care", "CP02")).toHaveLength(1);
    const police = r.observations.filter((o) => o.agency === "Police");
    expect(police.map((o) => o.indicatorId)).toEqual(["CP01", "CP03", "CP04", "CP05", "CP06", "CP07"]);
    expect(police.every((o) => o.source.file === "return-2.xlsx")).toBe(true);
    expectNoFigureTwice(r);
    expect(r.duplicates).toEqual([expect.objectContaining({ kept: "return-2.xlsx", repeatedIn: ["police-v2.xlsx"], indicatorIds: ["CP01", "CP03", "CP04", "CP05", "CP06", "CP07"], commentaryDiffers: ["CP05"] })]);
    expect(r.notes[0]).toContain('The commentary differs on CP05; the commentary collated is that of "return-2.xlsx".');
    expect(collationClean(r)).toBe(false);
    expect(collateSummary(r)).toBe("4 returns: 4 accepted, 0 rejected; no agency missing; 1 conflict; 6 figures sent more than once, counted once.");
  });

  test("a figure marked Not available in one return and given in another is a conflict too", async () => {
    const second = await agencyReturn("Police", (d) => {
      d.at("CP04", "value").value = null;
      d.at("CP04", "notAvailable").value = "Not available";
      d.at("CP04", "commentary").value = "The census figure is not yet published.";
    });
    const r = collateReturns([await input(returns["Police"]!, "a.xlsx"), await input(second, "b.xlsx")]);
    expect(r.submissions.map((s) => s.status)).toEqual(["accepted", "accepted"]);
    expect(r.conflicts).toEqual([expect.objectContaining({ indicatorId: "CP04", values: [350.5, "Not available"], files: ["a.xlsx", "b.xlsx"] })]);
    expect(r.conflicts[0]!.figures.map((f) => f.status)).toEqual(["ok", "missing"]);
  });

  test("a file that is not a spreadsheet, and a workbook that is not a return, are rejected with a reason; the others collate", async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]);
    const inputs = [await input(png, "scan.xlsx"), ...(await threeAccepted())];
    const r = collateReturns(inputs, { indicators: setOf(THREE) });
    expect(r.submissions[0]).toMatchObject({ file: "scan.xlsx", agency: null, period: null, status: "rejected", errors: 1, readable: false });
    expect(r.submissions[0]!.reason).toMatch(/"scan\.xlsx" is neither an Excel workbook/);
    expect(r.submissions[0]!.issues).toEqual([expect.objectContaining({ code: "COL001", severity: "error", message: r.submissions[0]!.reason })]);
    expect(r.observations).toHaveLength(3 * 7);
    expect(r.missing).toEqual([]);

    const empty = await input(new Uint8Array(0), "empty.xlsx");
    expect(collateReturns([empty]).submissions[0]!.reason).toContain('"empty.xlsx" is empty');

    const csv = await input(new TextEncoder().encode("Indicator,Value\nRe-referrals,18\n"), "figures.csv");
    const notReturn = collateReturns([csv, ...(await threeAccepted())]).submissions[0]!;
    expect(notReturn).toMatchObject({ status: "rejected", readable: false, agency: null });
    expect(notReturn.reason).toContain('"figures.csv" is not a return made from a partnership template');
    expect(notReturn.issues.map((i) => i.code)).toEqual(["RET001"]);
  });

  test("an agency whose only file cannot be read is missing as well as rejected: the file names no agency", async () => {
    const inputs = [...(await threeAccepted()), await input(new TextEncoder().encode("%PDF-1.4\u0000\u0001\u0002"), "education.pdf")];
    const r = collateReturns(inputs, { indicators: SET });
    expect(r.submissions[3]).toMatchObject({ status: "rejected", readable: false });
    expect(r.missing).toEqual(["Education"]);
  });

  test("returns for two periods collate side by side; missing is per period", async () => {
    const q2 = await agencyReturn("Police", (d) => (d.at("CP02", "value").value = 14), Q2);
    const inputs = [...(await threeAccepted()), await input(q2, "police-q2.xlsx")];
    const r = collateReturns(inputs, { indicators: setOf(THREE) });
    expect(r.conflicts).toEqual([]);
    expect(r.duplicates).toEqual([]);
    expect(figure(r, "Police", "CP02").map((o) => [o.period.label, o.value])).toEqual([
      ["Q1 2025/26", 12],
      ["Q2 2025/26", 14],
    ]);
    expect(r.missingByPeriod).toEqual([
      { agency: "Children's Social Care", period: Q2 },
      { agency: "Health", period: Q2 },
    ]);
    expect(r.missing).toEqual(["Children's Social Care", "Health"]);
    expect(collateSummary(r)).toContain("2 returns missing (Children's Social Care for Q2 2025/26, Health for Q2 2025/26)");
  });

  test("a rejected return already replaced by an accepted one is noted, so nobody chases it", async () => {
    const bad = await agencyReturn("Police", (d) => {
      d.at("CP01", "value").value = 104;
    });
    const inputs = [await input(bad, "police-first.xlsx"), ...(await threeAccepted())];
    const r = collateReturns(inputs, { indicators: setOf(THREE) });
    expect(r.submissions[0]).toMatchObject({ status: "rejected", errors: 1 });
    expect(r.notes).toEqual([`"police-first.xlsx" was rejected (1 error), but "return-2.xlsx" for Police, Q1 2025/26 was accepted, and only accepted figures are collated.`]);
    expect(figure(r, "Police", "CP01")).toHaveLength(1);
    expect(figure(r, "Police", "CP01")[0]?.source.file).toBe("return-2.xlsx");
  });

  test("a return from an agency the set does not name is collated, with a note", async () => {
    const r = collateReturns(await threeAccepted(), { indicators: setOf(["Children's Social Care", "Health"]) });
    expect(r.observations.filter((o) => o.agency === "Police")).toHaveLength(7);
    expect(r.notes).toEqual([expect.stringContaining('"return-2.xlsx" is a return for Police, which is not an agency of the indicator set')]);
  });

  test("a return for another partnership is rejected when the partnership is given", async () => {
    const r = collateReturns(await threeAccepted(), { partnership: "Southshire Safeguarding Children Partnership" });
    expect(r.submissions.every((s) => s.status === "rejected" && s.issues.some((i) => i.code === "RET003"))).toBe(true);
    expect(r.observations).toEqual([]);
  });

  test("every figure of every accepted return is either collated once or in a conflict: none lost, none doubled", async () => {
    const second = await agencyReturn("Health", (d) => (d.at("CP05", "value").value = 26));
    const inputs = [...(await threeAccepted()), await input(second, "health-v2.xlsx"), await input(returns["Health"]!, "health-v3.xlsx")];
    const r = collateReturns(inputs);
    const ids = ["CP01", "CP02", "CP03", "CP04", "CP05", "CP06", "CP07"];
    const given = new Set(r.submissions.filter((s) => s.status === "accepted").flatMap((s) => ids.map((id) => `${s.agency}|${id}`)));
    const collated = r.observations.map((o) => `${o.agency}|${o.indicatorId}`);
    const conflicting = r.conflicts.map((c) => `${c.agency}|${c.indicatorId}`);
    expect(new Set([...collated, ...conflicting])).toEqual(given);
    expect(collated.length + conflicting.length).toBe(given.size);
    expect(r.conflicts).toEqual([expect.objectContaining({ indicatorId: "CP05", values: [25, 26, 25], files: ["return-3.xlsx", "health-v2.xlsx", "health-v3.xlsx"] })]);
  });
});
