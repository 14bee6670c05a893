/**
 * An open-data file as the benchmark takes it: every sheet of the workbook that is official
 * statistics in the open-data format, read into one source. Shared by the command line (files on
 * disk) and the task pane (files the person picked).
 */
import { InputError } from "../errors";
import type { GridWorkbook } from "../grid/grid";
import type { Observation, Warning } from "../model/model";
import { detectOpenData, readOpenData, type Place } from "../opendata";
import type { BenchmarkSource } from "./compare";

/** Every open-data sheet of a workbook; a workbook with none is not what a benchmark takes (one sentence, naming it). */
export function openDataSource(workbook: GridWorkbook): { source: BenchmarkSource; warnings: Warning[] } {
  const observations: Observation[] = [];
  const places: Place[] = [];
  const warnings: Warning[] = [];
  let sheets = 0;
  for (const grid of workbook.sheets) {
    const layout = detectOpenData(grid);
    if (!layout) continue;
    const read = readOpenData(grid, workbook.file, layout);
    sheets++;
    // Not push(...): a sheet's worth of observations would overflow the stack.
    for (const o of read.observations) observations.push(o);
    for (const p of read.places) places.push(p);
    for (const w of read.warnings) warnings.push(w);
  }
  if (sheets === 0) {
    throw new InputError(
      `"${workbook.file}" is not official statistics in the open data format: benchmark needs columns such as time_period, time_identifier, geographic_level, la_name or old_la_code, and columns of figures.`,
      { file: workbook.file },
    );
  }
  return { source: { file: workbook.file, observations, places }, warnings };
}
