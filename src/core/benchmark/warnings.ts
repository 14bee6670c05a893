/** The warnings `benchmark` gives, one code per rule. Codes are stable: tools match on them. */
export const BENCHMARK_WARNING_CODES = {
  BENCHMARK_AREA_MATCHED: "The area asked for was found by a looser match than its code or exact name (stated in the message).",
  BENCHMARK_AREA_CODE_CHANGED: "The area has had more than one nine-character code in the files' years; its figures were joined by its old (three-digit) number or its name.",
  BENCHMARK_NO_NEIGHBOUR_LIST: "No statistical-neighbour list was given, so the neighbour columns are empty.",
  BENCHMARK_AREA_NOT_IN_NEIGHBOUR_LIST: "The area is not in the statistical-neighbour list, so the neighbour columns are empty.",
  BENCHMARK_LIST_MATCHED_BY_NAME: "The area's entry in the neighbour list was found by its name, not its number.",
  BENCHMARK_NEIGHBOUR_MATCHED_BY_NAME: "Some neighbours were found in the files by their names, not their numbers (each pairing is stated).",
  BENCHMARK_NEIGHBOUR_NOT_IN_DATA: "Some neighbours named by the list have no figures in the files; they count as missing in every row.",
  BENCHMARK_NO_REGION: "The area's rows name no region, or the files have no figures for it, so the region column is empty.",
} as const;

export type BenchmarkWarningCode = keyof typeof BENCHMARK_WARNING_CODES;
