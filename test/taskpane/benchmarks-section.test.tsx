/** @jest-environment jsdom */
/**
 * The Analyst panel's Benchmarks section with fake operations that run the real engine on CSV
 * files (the generated open-data sample and its neighbour list): choosing the files, the area box
 * narrowing as one types a name or a code, the comparison in words, links suggested from the
 * names and changed by hand, the settings kept in the workbook and restored, and the Scorecard
 * written with them.
 */
import * as React from "react";
import * as fs from "node:fs";
import * as path from "node:path";
import axe from "axe-core";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { benchmark, readNeighbourList } from "../../src/core/benchmark";
import type { BenchmarkSettings } from "../../src/core/model";
import { AnalystPanel } from "../../src/taskpane/panels/AnalystPanel";
import type { Operations, ReturnFile } from "../../src/taskpane/operations";
import { csvText, neighbourListRows, sampleAuthorities } from "../generators/open-data";
import { installJsdomLayout } from "./jsdom-layout";
import { csvWorkbook, fakeOperations, tabbable } from "./fakes";
import { installAriaReflection, renderPane } from "./render-pane";
import { goToStep, warmAnalystSteps } from "./steps";

const uninstall: (() => void)[] = [];
beforeAll(() => {
  uninstall.push(installJsdomLayout(), installAriaReflection());
  jest.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
  document.documentElement.lang = "en-GB";
  document.title = "Safeguarding Partnership Scorecard";
});
afterAll(() => uninstall.forEach((u) => u()));
// The later steps load on first use, as in the pane: load them once for this file.
beforeAll(warmAnalystSteps);

const CIN_TEXT = fs.readFileSync(path.resolve(__dirname, "../../assets/samples/open-data/children-in-need.csv"), "utf8");
const LIST_TEXT = csvText(neighbourListRows(sampleAuthorities()).map((r) => r.map(String)));

const file = (name: string, text: string) => new File([text], name, { type: "text/csv" });
const bytes = (name: string, text: string): ReturnFile => ({ name, bytes: new Uint8Array(Buffer.from(text, "utf8")) });

function renderPanel(operations: Operations = fakeOperations()) {
  return renderPane(<AnalystPanel operations={operations} />);
}


/** The Benchmarks step's section, going to the step first where another is shown. */
function section(): HTMLElement {
  if (!screen.queryByRole("region", { name: "Benchmarks" })) goToStep("Benchmarks");
  return screen.getByRole("region", { name: "Benchmarks" });
}

function scorecard(): HTMLElement {
  goToStep("Scorecard");
  return screen.getByRole("region", { name: "Scorecard" });
}

async function pickOpenData(files: File[] = [file("children-in-need.csv", CIN_TEXT)]): Promise<HTMLElement> {
  fireEvent.change(within(section()).getByLabelText("Open-data files"), { target: { files } });
  return within(section()).findByRole("group", { name: "Files read" });
}

async function pickNeighbours(): Promise<void> {
  fireEvent.change(within(section()).getByLabelText("Statistical-neighbour list"), { target: { files: [file("statistical-neighbours.csv", LIST_TEXT)] } });
  await within(section()).findByText(/^statistical-neighbours\.csv: neighbours for 12 authorities\.$/);
}

function areaBox(): HTMLElement {
  return within(section()).getByRole("combobox", { name: "Area" });
}

/** Types into the area box as a person does, and returns the options it then offers. */
function typeArea(text: string): string[] {
  const box = areaBox();
  if (box.getAttribute("aria-expanded") !== "true") fireEvent.click(box);
  fireEvent.change(box, { target: { value: text } });
  return screen.queryAllByRole("option").map((o) => o.textContent ?? "");
}

function chooseArea(text: string, option: RegExp): void {
  typeArea(text);
  fireEvent.click(screen.getByRole("option", { name: option }));
  act(() => areaBox().blur());
}

async function readWorkbook(): Promise<void> {
  goToStep("Import");
  fireEvent.click(screen.getByRole("button", { name: "Read this workbook" }));
  await screen.findByRole("group", { name: "Read" });
}

describe("Analyst > Benchmarks", () => {
  it("offers only the file button until files are read, and says nothing is sent anywhere", () => {
    renderPanel();
    const s = section();
    expect(s.textContent).toContain("You choose the files; nothing is sent anywhere.");
    expect(within(s).getAllByRole("button").map((b) => b.textContent)).toEqual(["Choose open-data files"]);
    expect(within(s).queryByRole("combobox")).toBeNull();
  });

  it("reads the files picked, says what they hold, and looks once for settings kept in the workbook", async () => {
    const operations = fakeOperations();
    renderPanel(operations);
    const read = await pickOpenData();
    expect(read.textContent).toContain("children-in-need.csv: 6 published figures for 12 local authorities.");
    expect(operations.readOpenDataFiles).toHaveBeenCalledTimes(1);
    expect(operations.readOpenDataFiles.mock.calls[0]?.[0].map((f) => f.name)).toEqual(["children-in-need.csv"]);
    await waitFor(() => expect(operations.readSavedBenchmarks).toHaveBeenCalledTimes(1));
    await pickOpenData();
    expect(operations.readSavedBenchmarks).toHaveBeenCalledTimes(1);
  });

  it("a file that is not open data is one sentence naming it; the others are still read", async () => {
    renderPanel();
    const read = await pickOpenData([file("notes.csv", "Indicator,Value\nReferrals,4\n"), file("children-in-need.csv", CIN_TEXT)]);
    expect(read.textContent).toContain('"notes.csv" is not official statistics in the open data format');
    expect(read.textContent).toContain("children-in-need.csv: 6 published figures");
  });

  it("the area box narrows its list as one types part of a name or a code", async () => {
    renderPanel();
    await pickOpenData();
    expect(typeArea("north")).toEqual(["Northgate (961, E09990011), Outer London", "Northshire (951, E06990001), North East"]);
    act(() => areaBox().blur());
    // 951 to 959: old numbers that start with what was typed.
    expect(typeArea("95")).toHaveLength(9);
    act(() => areaBox().blur());
    expect(typeArea("E06990001")).toEqual(["Northshire (951, E06990001), North East"]);
    act(() => areaBox().blur());
    expect(typeArea("zz")).toEqual(["No authority in the files matches"]);
  });

  it("compares the area chosen with England, its region and its neighbours, in words, as the engine does", async () => {
    const operations = fakeOperations();
    renderPanel(operations);
    await pickOpenData();
    const compare = within(section()).getByRole("button", { name: "Compare" });
    expect(compare.getAttribute("aria-disabled")).toBe("true");
    await pickNeighbours();
    chooseArea("Northsh", /^Northshire/);
    expect((areaBox() as HTMLInputElement).value).toBe("Northshire");
    fireEvent.click(compare);
    const list = await within(section()).findByRole("list", { name: "How Northshire compares" });
    expect(operations.compareArea.mock.calls[0]?.[0]).toMatchObject({ area: "Northshire" });

    const expected = benchmark(
      (await operations.readOpenDataFiles.mock.results[0]!.value).sources,
      { area: "Northshire", neighbours: readNeighbourList(csvWorkbook(bytes("statistical-neighbours.csv", LIST_TEXT))) },
    );
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(expected.rows.length);
    const rate = items.find((i) => i.textContent?.startsWith("cin_rate_per_10000"))!;
    const row = expected.rows.find((r) => r.indicator === "cin_rate_per_10000")!;
    const text = rate.textContent ?? "";
    const one = (v: number | null) => (v === null ? "–" : v.toFixed(1));
    expect(text).toContain(`Northshire${one(row.value)}`);
    expect(text).toContain(`England${one(row.england)}`);
    expect(text).toContain(`North East${one(row.region)}`);
    expect(text).toContain(`Rank${row.rank!.position} of ${row.rank!.of} (1 is the highest)`);
    // How many neighbours had a figure, and how many were left out, in words.
    const withLeftOut = expected.rows.find((r) => r.neighbours.leftOut > 0)!;
    const item = items.find((i) => i.textContent?.startsWith(withLeftOut.indicator))!;
    expect(item.textContent).toContain(`(${withLeftOut.neighbours.count} of 10 neighbours had a figure; ${withLeftOut.neighbours.leftOut} left out: suppressed, low reliability or not available)`);
  });

  it("an area not in the files is one sentence with the names that come close", async () => {
    renderPanel();
    await pickOpenData();
    typeArea("Northshre");
    act(() => areaBox().blur());
    fireEvent.click(within(section()).getByRole("button", { name: "Compare" }));
    const failed = await within(section()).findByRole("group", { name: "Could not compare" });
    expect(failed.textContent).toContain('No local authority "Northshre" in children-in-need.csv. Did you mean Northshire (951)?');
  });

  it("links the workbook's indicators by name, says how sure, lets the analyst change a link, and writes the Scorecard with them", async () => {
    const operations = fakeOperations();
    renderPanel(operations);
    await readWorkbook();
    await pickOpenData();
    chooseArea("Northshire", /^Northshire/);
    fireEvent.click(within(section()).getByRole("button", { name: "Suggest links from the names" }));
    const done = await within(section()).findByRole("group", { name: "Suggested" });
    expect(done.textContent).toContain("1 indicator linked by name.");
    const referrals = within(section()).getByRole("combobox", { name: "Published figure for Referrals to children's social care" });
    expect(referrals.textContent).toBe("referrals_count (category: Children in need), children-in-need.csv");
    expect(section().textContent).toContain("Suggested from the name: a close match. Check it.");
    expect(scorecard().textContent).toContain("Official benchmarks: one indicator gets England, region and neighbour columns for Northshire");

    fireEvent.click(within(scorecard()).getByRole("button", { name: "Apply and write the Scorecard" }));
    await screen.findByRole("group", { name: "Scorecard written" });
    const settings = operations.writeScorecard.mock.calls[0]?.[1];
    expect(settings?.benchmarks?.area).toBe("Northshire");
    expect(settings?.benchmarks?.map.links).toEqual([
      { indicator: "Referrals to children's social care", file: "children-in-need.csv", column: "referrals_count", breakdown: { category: "Children in need" } },
    ]);
    expect(settings?.benchmarks?.settings).toMatchObject({ area: "Northshire", files: ["children-in-need.csv"], neighbourFile: null });

    // Changing the link by hand: the suggestion's words go, and the choice is the analyst's.
    goToStep("Benchmarks");
    fireEvent.click(referrals);
    fireEvent.click(screen.getByRole("option", { name: "cin_count (category: Children in need), children-in-need.csv" }));
    act(() => referrals.blur());
    expect(section().textContent).not.toContain("Suggested from the name");
    fireEvent.click(within(scorecard()).getByRole("button", { name: "Apply and write the Scorecard" }));
    await waitFor(() => expect(operations.writeScorecard).toHaveBeenCalledTimes(2));
    expect(operations.writeScorecard.mock.calls[1]?.[1].benchmarks?.map.links[0]?.column).toBe("cin_count");
  });

  it("keeps the area, the files' names and the links in the workbook", async () => {
    const operations = fakeOperations();
    renderPanel(operations);
    await readWorkbook();
    await pickOpenData();
    await pickNeighbours();
    chooseArea("Northshire", /^Northshire/);
    fireEvent.click(within(section()).getByRole("button", { name: "Suggest links from the names" }));
    await within(section()).findByRole("group", { name: "Suggested" });
    fireEvent.click(within(section()).getByRole("button", { name: "Keep these settings in this workbook" }));
    await within(section()).findByRole("group", { name: "Settings kept" });
    expect(operations.saveBenchmarks.mock.calls[0]?.[0]).toEqual({
      area: "Northshire",
      neighbourFile: "statistical-neighbours.csv",
      files: ["children-in-need.csv"],
      map: { links: [{ indicator: "Referrals to children's social care", file: "children-in-need.csv", column: "referrals_count", breakdown: { category: "Children in need" } }] },
    });
    expect(section().textContent).toContain("Kept in this workbook: area Northshire; open-data file children-in-need.csv; neighbour list statistical-neighbours.csv; 1 link.");
  });

  const KEPT: BenchmarkSettings = {
    area: "Northshire",
    neighbourFile: "statistical-neighbours.xlsx",
    files: ["children-in-need.csv"],
    map: { links: [{ indicator: "Referrals to children's social care", file: "children-in-need.csv", column: "cin_count", breakdown: { category: "Children in need" } }] },
  };

  it("restores kept settings when the files are chosen: the area and the links come back", async () => {
    const operations = fakeOperations({ readSavedBenchmarks: async () => KEPT });
    renderPanel(operations);
    expect(operations.readSavedBenchmarks).not.toHaveBeenCalled();
    await pickOpenData();
    await waitFor(() => expect((areaBox() as HTMLInputElement).value).toBe("Northshire"));
    // The indicators to link come from Import; the link kept for one of them is there.
    await readWorkbook();
    expect(within(section()).getByRole("combobox", { name: "Published figure for Referrals to children's social care" }).textContent).toBe(
      "cin_count (category: Children in need), children-in-need.csv",
    );
    expect(section().textContent).toContain("Kept in this workbook: area Northshire; open-data file children-in-need.csv; neighbour list statistical-neighbours.xlsx; 1 link.");
  });

  it("restores kept settings found when the workbook is read under Import, without asking Excel again", async () => {
    const base = fakeOperations();
    const operations = fakeOperations({
      readWorkbook: async () => {
        const read = await base.readWorkbook();
        return { ...read, imported: { ...read.imported, savedBenchmarks: KEPT } };
      },
    });
    renderPanel(operations);
    await readWorkbook();
    expect(section().textContent).toContain("Kept in this workbook: area Northshire");
    await pickOpenData();
    expect((areaBox() as HTMLInputElement).value).toBe("Northshire");
    expect(operations.readSavedBenchmarks).not.toHaveBeenCalled();
  });

  it("a link kept for a file not picked this time is shown as such, never silently dropped", async () => {
    const kept: BenchmarkSettings = { ...KEPT, map: { links: [{ indicator: "Referrals to children's social care", file: "looked-after.csv", column: "cla_count" }] } };
    renderPanel(fakeOperations({ readSavedBenchmarks: async () => kept }));
    await pickOpenData();
    await waitFor(() => expect((areaBox() as HTMLInputElement).value).toBe("Northshire"));
    await readWorkbook();
    await waitFor(() =>
      expect(within(section()).getByRole("combobox", { name: "Published figure for Referrals to children's social care" }).textContent).toBe(
        "cla_count, looked-after.csv (its file is not picked)",
      ),
    );
  });

  it("every control can be reached with the keyboard, and the section has no axe violations", async () => {
    renderPane(
      <main>
        <AnalystPanel operations={fakeOperations()} />
      </main>,
    );
    await readWorkbook();
    await pickOpenData();
    await pickNeighbours();
    chooseArea("Northshire", /^Northshire/);
    fireEvent.click(within(section()).getByRole("button", { name: "Compare" }));
    await within(section()).findByRole("list", { name: "How Northshire compares" });
    fireEvent.click(within(section()).getByRole("button", { name: "Suggest links from the names" }));
    await within(section()).findByRole("group", { name: "Suggested" });
    const reachable = tabbable(section());
    for (const name of ["Choose open-data files", "Choose another neighbour list", "Compare", "Suggest links from the names", "Keep these settings in this workbook"]) {
      expect(reachable).toContain(within(section()).getByRole("button", { name }));
    }
    expect(reachable).toContain(areaBox());
    expect(reachable).toContain(within(section()).getByRole("combobox", { name: "Published figure for Referrals to children's social care" }));
    const results = await axe.run(section(), { rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
  });
});
