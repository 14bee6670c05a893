import type { BenchmarkArgs } from "./benchmark";
import type { CollateArgs } from "./collate";
import type { GapArgs } from "./gap";
import type { IngestArgs } from "./ingest";
import type { ReportArgs } from "./report";
import type { TemplateArgs } from "./template";
import type { ValidateArgs } from "./validate";

/**
 * The verbs of ../shared/contract/CLI.md. Each verb is declared here with its usage and options;
 * `run` receives commander's arguments and returns the exit code. A verb's code is loaded only
 * when that verb runs, so `--help` and a mistyped option answer without loading ExcelJS.
 */
export interface VerbOption {
  flags: string;
  description: string;
  required?: boolean;
}

export interface Verb {
  name: string;
  usage: string;
  description: string;
  options: VerbOption[];
  /** Receives commander's action arguments (positional arguments, then the options object). */
  run: (args: unknown[]) => Promise<number>;
}

export const verbs: Verb[] = [
  {
    name: "ingest",
    usage: "ingest <file>",
    description: "Read a workbook or CSV in any common partnership layout and write every observation it holds.",
    options: [
      { flags: "--json <out.json>", description: "where to write the observations, indicators and warnings", required: true },
      { flags: "--out <out.xlsx>", description: "also write the structured indicator workbook with its scorecard" },
      { flags: "--rag-rule <rule.json>", description: "RAG thresholds and per-indicator overrides (default: green at 95% of target, amber at 90%)" },
      { flags: "--period <label>", description: 'the period of figures on sheets that name none anywhere, e.g. "2021/22"' },
      { flags: "--benchmarks <files...>", description: "official statistics as open data (.csv or .xlsx) to set England, region and neighbour columns beside the indicators linked to them" },
      { flags: "--area <name-or-code>", description: "with --benchmarks: the local authority the scorecard is for (name, nine-character code or three-digit number)" },
      { flags: "--neighbours <list>", description: "with --benchmarks: the Department for Education's statistical-neighbour list (.xlsx or .csv)" },
      { flags: "--benchmark-map <map.json>", description: "with --benchmarks: which published figure each indicator is compared with (without it, indicators are linked by their names, each link a warning)" },
      { flags: "--recipe <recipe.json>", description: "a reading recipe exported from the task pane: sheets of a layout it knows are read with the analyst's corrections" },
    ],
    run: async ([file, opts]) => (await import("./ingest")).runIngest(file as string, opts as IngestArgs),
  },
  {
    name: "gap",
    usage: "gap <input>",
    description: "Measure an indicator set against the content-area quality-assurance framework and list the gaps.",
    options: [
      { flags: "--json <out.json>", description: "where to write the analysis", required: true },
      { flags: "--out <out.xlsx>", description: "also write the Gap Analysis workbook" },
      { flags: "--framework <framework.json>", description: "a partnership's own framework file (default: the built-in framework)" },
    ],
    run: async ([input, opts]) => (await import("./gap")).runGap(input as string, opts as GapArgs),
  },
  {
    name: "template",
    usage: "template",
    description: "Write the return template for one agency and period (or, with --kind s11, a Section 11 self-audit), with its own specification inside.",
    options: [
      { flags: "--kind <kind>", description: 'what to make: "return" (the quarterly return, the default) or "s11" (a Section 11 self-audit)' },
      { flags: "--indicators <set>", description: "the indicator set (.csv or .xlsx); needed for a return, not for an audit" },
      { flags: "--agency <name>", description: "the agency the return is for", required: true },
      { flags: "--period <label>", description: 'the period, e.g. "Q2 2025/26"', required: true },
      { flags: "--out <return.xlsx>", description: "where to write the template", required: true },
      { flags: "--due <YYYY-MM-DD>", description: "the date the return is due" },
      { flags: "--partnership <name>", description: "the partnership's name shown on the return (default: the indicator set's title or file name)" },
    ],
    run: async ([opts]) => (await import("./template")).runTemplate(opts as TemplateArgs),
  },
  {
    name: "validate",
    usage: "validate <return>",
    description: "Check a filled return or Section 11 audit against the specification it carries.",
    options: [{ flags: "--json <out.json>", description: "where to write the issues found", required: true }],
    run: async ([file, opts]) => (await import("./validate")).runValidate(file as string, opts as ValidateArgs),
  },
  {
    name: "collate",
    usage: "collate <files...>",
    description: "Validate each return and Section 11 audit and merge the accepted ones into one dataset, with the audits' summary and the action log.",
    options: [
      { flags: "--json <out.json>", description: "where to write the submissions, observations, missing agencies and conflicts", required: true },
      { flags: "--indicators <set>", description: "the indicator set, to list the agencies expected" },
      { flags: "--out <collated.xlsx>", description: "also write the collated workbook" },
      { flags: "--log <previous.xlsx>", description: "the workbook holding the action log as last kept (an earlier --out, edited since): read only; the updated log goes into --out" },
      { flags: "--today <YYYY-MM-DD>", description: "the day the lists of actions due are as at (default: today)" },
    ],
    run: async ([files, opts]) => (await import("./collate")).runCollate(files as string[], opts as CollateArgs),
  },
  {
    name: "benchmark",
    usage: "benchmark <files...>",
    description: "Compare one local authority with England, its region and its statistical neighbours on official statistics published as open data.",
    options: [
      { flags: "--area <name-or-code>", description: "the local authority: its name, nine-character code (E08000016) or three-digit number (370)", required: true },
      { flags: "--json <out.json>", description: "where to write the comparison", required: true },
      { flags: "--neighbours <list>", description: "the Department for Education's statistical-neighbour list (.xlsx or .csv)" },
      { flags: "--out <out.xlsx>", description: "also write the comparison as a sheet" },
    ],
    run: async ([files, opts]) => (await import("./benchmark")).runBenchmark(files as string[], opts as BenchmarkArgs),
  },
  {
    name: "report",
    usage: "report <input>",
    description: "Write the report book: a page per content area with its figures, trends, story, actions and questions.",
    options: [
      { flags: "--out <book.xlsx>", description: "where to write the book (an earlier book there keeps what was written in it)", required: true },
      { flags: "--framework <framework.json>", description: "a partnership's own framework file (default: the built-in framework)" },
      { flags: "--publish", description: "prepare a copy to publish: withhold small numbers (1 to the threshold)" },
      { flags: "--threshold <n>", description: "the largest count withheld when publishing (default 5)" },
      { flags: "--json <out.json>", description: "also write the pages and every withheld cell as JSON" },
      { flags: "--rag-rule <rule.json>", description: "RAG thresholds and per-indicator overrides" },
    ],
    run: async ([input, opts]) => (await import("./report")).runReport(input as string, opts as ReportArgs),
  },
];
