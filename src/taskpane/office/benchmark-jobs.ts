/**
 * Official statistics in the pane: the open-data files and the neighbour list the person picked,
 * read by the file adapter (ExcelJS) from the bytes the browser gave; an area compared; links
 * suggested from the indicators' names. Nothing here touches Excel, and nothing leaves the
 * computer. This module, the file adapter and ExcelJS load on first use through import(), so
 * that the pane opens without them.
 */
// First, before anything that parses with Zod: see no-eval.ts.
import "./no-eval";
import { benchmark, localAuthorities, openDataSource, publishedColumns, readNeighbourList, suggestBenchmarkMap, type BenchmarkResult, type BenchmarkSource, type MapSuggestion, type PublishedColumn } from "../../core/benchmark";
import { isInputError } from "../../core/errors";
import type { Indicator, Warning } from "../../core/model";
import { readWorkbookBuffer } from "../../files";
import type { BenchmarkRequest, NeighbourFile, OpenDataFiles, ReturnFile } from "../operations";

/** The files read one at a time (a large file's cells are not held twice over); a file that cannot be used is a problem in words. */
export async function readOpenDataFiles(files: readonly ReturnFile[]): Promise<OpenDataFiles> {
  const sources: BenchmarkSource[] = [];
  const problems: string[] = [];
  const warnings: Warning[] = [];
  for (const file of files) {
    try {
      const read = openDataSource(await readWorkbookBuffer(file.bytes, file.name));
      sources.push(read.source);
      warnings.push(...read.warnings);
    } catch (e) {
      if (!isInputError(e)) throw e;
      problems.push(e.message);
    }
  }
  return { sources, areas: localAuthorities(sources), columns: publishedColumns(sources), problems, warnings };
}

export async function readNeighbourFile(file: ReturnFile): Promise<NeighbourFile> {
  const list = readNeighbourList(await readWorkbookBuffer(file.bytes, file.name));
  return { file: file.name, list, authorities: list.entries.length };
}

export function compareArea(request: BenchmarkRequest): BenchmarkResult {
  return benchmark(request.sources, { area: request.area, neighbours: request.neighbours });
}

export function suggestLinks(indicators: readonly Indicator[], columns: readonly PublishedColumn[]): MapSuggestion {
  return suggestBenchmarkMap(indicators, columns);
}
