/**
 * `npm run demo`: the main jobs on the bundled sample workbooks, through the same code the
 * command line runs, writing everything under out/ and saying where.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { isInputError } from "../src/core/errors";
import { countRag } from "../src/core/rag";
import { runIngest } from "../src/cli/verbs/ingest";
import { runGap } from "../src/cli/verbs/gap";
import { runTemplate } from "../src/cli/verbs/template";
import { runValidate } from "../src/cli/verbs/validate";
import { runCollate } from "../src/cli/verbs/collate";
import { runReport } from "../src/cli/verbs/report";
import { runBenchmark } from "../src/cli/verbs/benchmark";
import ExcelJS from "exceljs";

/** Types figures into a return as an agency lead would: by indicator ID, into the Value column (G). */
async function fillReturn(template: string, copy: string, figures: Record<string, ExcelJS.CellValue>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.getWorksheet("Return");
  if (!ws) throw new Error(`${template} has no Return sheet`);
  ws.eachRow((row) => {
    const id = row.getCell(1).value;
    if (typeof id === "string" && id in figures) row.getCell(7).value = figures[id] ?? null;
  });
  await wb.xlsx.writeFile(copy);
}

const root = path.join(__dirname, "..");
const samples = path.relative(process.cwd(), path.join(root, "assets", "samples")) || ".";
const out = path.relative(process.cwd(), path.join(root, "out")) || ".";
const rel = (p: string) => path.relative(process.cwd(), p) || ".";

interface Step {
  title: string;
  run: () => Promise<string[]>;
}

/** Runs a verb without its own summary line: the demo says what happened in its own words. */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await run();
  } finally {
    process.stdout.write = write;
  }
}

const steps: Step[] = [
  {
    title: "Read the circulated scorecard into indicator sheets, rated red / amber / green",
    run: async () => {
      const input = path.join(samples, "partnership-scorecard-q2-2025-26.xlsx");
      const json = path.join(out, "scorecard-observations.json");
      const xlsx = path.join(out, "indicators-and-scorecard.xlsx");
      await runIngest(input, { json, out: xlsx });
      const result = JSON.parse(fs.readFileSync(json, "utf8")) as { observations: { rag: "green" | "amber" | "red" | null; status: string }[]; indicators: unknown[]; warnings: { message: string }[] };
      const rag = countRag(result.observations);
      return [
        `input:  ${rel(input)}`,
        `found:  ${result.indicators.length} indicators, ${result.observations.length} observations (${result.observations.filter((o) => o.status !== "ok").length} suppressed or not available)`,
        `RAG:    green ${rag.green}, amber ${rag.amber}, red ${rag.red}, not rated ${rag.unrated}`,
        ...result.warnings.map((w) => `note:   ${w.message}`),
        `wrote:  ${rel(json)}`,
        `wrote:  ${rel(xlsx)} (sheets Scorecard, Indicators, Observations; the RAG colours are live conditional formats)`,
      ];
    },
  },
  {
    title: "Write the report book from those indicator sheets: a page per content area, and a copy to publish",
    run: async () => {
      const input = path.join(out, "indicators-and-scorecard.xlsx");
      const book = path.join(out, "report-book.xlsx");
      const published = path.join(out, "report-book-published.xlsx");
      const json = path.join(out, "report-book-published.json");
      await quietly(() => runReport(input, { out: book }));
      await quietly(() => runReport(input, { out: published, publish: true, json }));
      const result = JSON.parse(fs.readFileSync(json, "utf8")) as { sheets: { area: string | null; charts: number }[]; suppressed: { reason: string }[] };
      const charts = result.sheets.reduce((n, s) => n + s.charts, 0);
      const small = result.suppressed.filter((s) => s.reason === "small number").length;
      return [
        `input:  ${rel(input)}`,
        `book:   a contents page and ${result.sheets.length - 1} content-area pages (A3 landscape, one page each) with ${charts} trend charts`,
        `wrote:  ${rel(book)} (write the story and the actions in the yellow boxes; they are kept when the book is written again)`,
        `wrote:  ${rel(published)}: ${small} small numbers and ${result.suppressed.length - small} figures that would give them away withheld (listed in ${rel(json)})`,
      ];
    },
  },
  {
    title: "Measure the partnership's indicator set against the content-area framework",
    run: async () => {
      const input = path.join(samples, "indicator-set.csv");
      const json = path.join(out, "gap-analysis.json");
      const xlsx = path.join(out, "gap-analysis.xlsx");
      await quietly(() => runGap(input, { json, out: xlsx }));
      const result = JSON.parse(fs.readFileSync(json, "utf8")) as {
        balance: { quantity: number; quality: number; outcome: number };
        voiceShare: number;
        emptyAreas: string[];
        areas: { name: string; gaps: { missing: string; suggestions: string[] }[] }[];
      };
      const pct = (x: number) => `${Math.round(x * 100)}%`;
      const words: Record<string, string> = { children_parents: "children and parents' experience", frontline_staff: "frontline staff experience", case_records: "case-record", management_information: "management information" };
      const firstGap = result.areas.flatMap((a) => a.gaps.map((g) => ({ area: a.name, ...g }))).find((g) => g.suggestions.length > 0);
      return [
        `input:  ${rel(input)}`,
        `balance: quantity ${pct(result.balance.quantity)}, quality ${pct(result.balance.quality)}, outcome ${pct(result.balance.outcome)}; voice of children, parents or staff in ${pct(result.voiceShare)} of indicators`,
        `areas with no information at all: ${result.emptyAreas.join("; ") || "none"}`,
        ...(firstGap ? [`e.g. ${firstGap.area} has no ${words[firstGap.missing] ?? firstGap.missing} information; the framework suggests "${firstGap.suggestions[0]}"`] : []),
        `wrote:  ${rel(json)}`,
        `wrote:  ${rel(xlsx)} (sheets Gap Analysis and Placements)`,
      ];
    },
  },
  {
    title: "Make Police's Q3 2025/26 return template, fill it twice, and check both copies",
    run: async () => {
      const set = path.join(samples, "indicator-set.csv");
      const template = path.join(out, "return-police-q3-2025-26.xlsx");
      const good = path.join(out, "return-police-filled-correctly.xlsx");
      const bad = path.join(out, "return-police-with-mistakes.xlsx");
      await quietly(() => runTemplate({ indicators: set, agency: "Police", period: "Q3 2025/26", out: template, due: "2026-01-23", partnership: "Northshire Safeguarding Children Partnership" }));
      await fillReturn(template, good, { POL01: 476, POL02: 96.1, POL03: 7, POL04: 310 });
      // Text in a number cell, a percentage over 100, a negative count, and a figure left out.
      await fillReturn(template, bad, { POL01: "about 480", POL02: 104, POL03: -2, POL04: null });
      const lines = [`wrote:  ${rel(template)}`];
      for (const [file, json] of [[good, path.join(out, "validate-correct.json")], [bad, path.join(out, "validate-mistakes.json")]] as const) {
        const code = await quietly(() => runValidate(file, { json }));
        const result = JSON.parse(fs.readFileSync(json, "utf8")) as { valid: boolean; issues: { severity: string; cell: string | null; message: string }[] };
        lines.push(`check:  ${rel(file)}: ${result.valid ? "no errors" : `${result.issues.filter((i) => i.severity === "error").length} errors`} (exit ${code}); ${rel(json)}`);
        for (const issue of result.issues.slice(0, 4)) lines.push(`        - ${issue.message}`);
      }
      return lines;
    },
  },
  {
    title: "Collate the returns that came back: Police twice (one copy with mistakes) and Health",
    run: async () => {
      const set = path.join(samples, "indicator-set.csv");
      const health = path.join(out, "return-health-filled.xlsx");
      const healthTemplate = path.join(out, "return-health-q3-2025-26.xlsx");
      await quietly(() => runTemplate({ indicators: set, agency: "Health", period: "Q3 2025/26", out: healthTemplate, partnership: "Northshire Safeguarding Children Partnership" }));
      await fillReturn(healthTemplate, health, { HLT01: 91.4, HLT02: 52, HLT03: 95.2 });
      const returns = ["return-police-filled-correctly.xlsx", "return-police-with-mistakes.xlsx", "return-health-filled.xlsx"].map((f) => path.join(out, f));
      const json = path.join(out, "collated.json");
      const xlsx = path.join(out, "collated.xlsx");
      const code = await quietly(() => runCollate(returns, { json, indicators: set, out: xlsx }));
      const result = JSON.parse(fs.readFileSync(json, "utf8")) as { submissions: { file: string; status: string; errors: number }[]; observations: unknown[]; missing: string[]; conflicts: unknown[] };
      return [
        ...result.submissions.map((s) => `return: ${s.file}: ${s.status}${s.errors ? ` (${s.errors} errors to fix)` : ""}`),
        `kept:   ${result.observations.length} figures from the accepted returns, each once; ${result.conflicts.length} conflicts`,
        `chase:  no return yet from ${result.missing.join(", ") || "nobody"} (exit ${code}: done, but some returns need chasing or fixing)`,
        `wrote:  ${rel(json)}`,
        `wrote:  ${rel(xlsx)} (sheets Submissions, Collated observations, Missing and conflicts, Issues)`,
      ];
    },
  },
  {
    title: "Compare Northshire with England, its region and its statistical neighbours (official statistics as open data)",
    run: async () => {
      const data = path.join(samples, "open-data", "children-in-need.csv");
      const list = path.join(samples, "open-data", "statistical-neighbours.xlsx");
      const json = path.join(out, "benchmark.json");
      const xlsx = path.join(out, "benchmark.xlsx");
      await quietly(() => runBenchmark([data], { area: "Northshire", neighbours: list, json, out: xlsx }));
      const result = JSON.parse(fs.readFileSync(json, "utf8")) as {
        area: { name: string; region: string | null };
        neighbours: string[];
        rows: { indicator: string; period: { label: string }; value: number | null; england: number | null; region: number | null; neighbours: { mean: number | null; count: number; leftOut: number }; rank: { position: number; of: number } | null }[];
      };
      const one = (v: number | null): string => (v === null ? "-" : String(Math.round(v * 10) / 10));
      const rate = result.rows.find((r) => r.indicator === "cin_rate_per_10000") ?? result.rows[0];
      const leftOut = result.rows.reduce((n, r) => n + r.neighbours.leftOut, 0);
      return [
        `input:  ${rel(data)} and the neighbour list ${rel(list)} (generated samples in the published layouts)`,
        `area:   ${result.area.name}, region ${result.area.region ?? "none"}; ${result.neighbours.length} statistical neighbours`,
        ...(rate
          ? [
              `e.g.    ${rate.indicator} (${rate.period.label}): ${result.area.name} ${one(rate.value)}, England ${one(rate.england)}, ${result.area.region} ${one(rate.region)}, ` +
                `neighbours' mean ${one(rate.neighbours.mean)} (${rate.neighbours.count} with a figure), rank ${rate.rank ? `${rate.rank.position} of ${rate.rank.of}` : "-"}`,
            ]
          : []),
        `kept out of means and ranks: ${leftOut} suppressed or unreliable neighbour figures`,
        `wrote:  ${rel(json)}`,
        `wrote:  ${rel(xlsx)} (sheet Benchmark: the area's figure beside each comparator)`,
      ];
    },
  },
  {
    title: "Set England, North East and the statistical neighbours beside the scorecard's own indicators",
    run: async () => {
      const input = path.join(samples, "partnership-scorecard-q2-2025-26.xlsx");
      const data = path.join(samples, "open-data", "children-in-need.csv");
      const list = path.join(samples, "open-data", "statistical-neighbours.xlsx");
      const map = path.join(samples, "open-data", "benchmark-map.json");
      const json = path.join(out, "scorecard-with-benchmarks.json");
      const xlsx = path.join(out, "scorecard-with-benchmarks.xlsx");
      const code = await runIngest(input, { json, out: xlsx, benchmarks: [data], area: "Northshire", neighbours: list, benchmarkMap: map });
      const result = JSON.parse(fs.readFileSync(json, "utf8")) as {
        observations: { indicatorId: string | null; period: { start: string }; value: number | null }[];
        indicators: { id: string | null; polarity: "higher" | "lower" | null }[];
        benchmarks: {
          area: { name: string; region: string | null };
          indicators: { indicatorId: string | null; column: string; published: { period: { label: string }; england: number | null; region: number | null; neighbours: { mean: number | null; count: number; leftOut: number } } }[];
        };
      };
      const one = (v: number | null): string => (v === null ? "-" : String(Math.round(v * 10) / 10));
      const b = result.benchmarks;
      const lines = [
        `input:  ${rel(input)}, ${rel(data)}, ${rel(list)} and the map ${rel(map)} (which of the scorecard's indicators is which published figure)`,
        `linked: ${b.indicators.map((i) => `${i.indicatorId} to ${i.column}`).join("; ")}`,
      ];
      for (const i of b.indicators) {
        // The sheet works "Against England" out itself; the demo says the same from the figures it wrote.
        const latest = result.observations.filter((o) => o.indicatorId === i.indicatorId && o.value !== null).sort((x, y) => x.period.start.localeCompare(y.period.start)).pop()?.value ?? null;
        const polarity = result.indicators.find((x) => x.id === i.indicatorId)?.polarity ?? null;
        const p = i.published;
        const against =
          latest === null || p.england === null || latest === p.england
            ? ""
            : polarity === null
              ? (latest > p.england ? ", higher than England" : ", lower than England")
              : (latest > p.england) === (polarity === "higher")
                ? ", better than England"
                : ", worse than England";
        lines.push(
          `${i.indicatorId}:  latest ${one(latest)}${against}; England ${one(p.england)}, ${b.area.region ?? "region"} ${one(p.region)}, neighbours' mean ${one(p.neighbours.mean)} (${p.neighbours.count} with a figure, ${p.neighbours.leftOut} left out) for ${p.period.label}`,
        );
      }
      lines.push(
        `exit ${code}: ${code === 0 ? "every link came from the map, so nothing is in doubt" : "some of the reading is in doubt (see above)"}; without --benchmark-map the same three are linked by their names, each said in a warning`,
        `wrote:  ${rel(json)} (with a "benchmarks" object)`,
        `wrote:  ${rel(xlsx)} (the Scorecard sheet with England, region and neighbour columns, "Against England" worked out by the sheet, and a line chart per linked indicator below the table)`,
      );
      return lines;
    },
  },
  {
    title: "Section 11 self-audits: Police's and Health's filled by their leads (Health's first with mistakes), checked, collated into the summary and action log, then an action signed off by hand and kept at the next collation",
    run: async () => {
      const partnership = "Northshire Safeguarding Children Partnership";
      const lines: string[] = [];
      const made: Record<string, string> = {};
      for (const agency of ["Police", "Health"]) {
        made[agency] = path.join(out, `s11-audit-${agency.toLowerCase()}-template.xlsx`);
        await quietly(() => runTemplate({ kind: "s11", agency, period: "2025/26", due: "2025-10-31", partnership, out: made[agency]! }));
        lines.push(`wrote:  ${rel(made[agency]!)} (sheets Audit, Actions, Audit checks and the hidden specification)`);
      }
      const police = path.join(out, "s11-audit-police-filled.xlsx");
      const healthFirst = path.join(out, "s11-audit-health-with-mistakes.xlsx");
      const health = path.join(out, "s11-audit-health-corrected.xlsx");
      await fillAudit(made["Police"]!, police, POLICE_AUDIT);
      await fillAudit(made["Health"]!, healthFirst, HEALTH_FIRST);
      await fillAudit(made["Health"]!, health, HEALTH_CORRECTED);
      for (const file of [police, healthFirst, health]) {
        const json = path.join(out, `${path.basename(file, ".xlsx")}.validate.json`);
        const code = await quietly(() => runValidate(file, { json }));
        const result = JSON.parse(fs.readFileSync(json, "utf8")) as { issues: { kind: string; message: string }[] };
        const errors = result.issues.filter((i) => i.kind === "error").length;
        lines.push(`check:  ${rel(file)}: ${errors ? `${errors} errors` : "no errors"}${result.issues.length > errors ? `, ${result.issues.length - errors} to look at` : ""} (exit ${code})`);
        for (const issue of result.issues) lines.push(`        - ${issue.message}`);
      }

      const json = path.join(out, "s11-collated.json");
      const xlsx = path.join(out, "s11-collated.xlsx");
      // A fixed day for the lists of actions due, so that the demo says the same on any day.
      const today = "2026-01-15";
      const code = await quietly(() => runCollate([police, health], { json, out: xlsx, today }));
      type Log = { actions: { id: string; status: string; owner: string }[]; due: { overdue: { action: { id: string }; days: number }[]; dueSoon: unknown[] } };
      const result = JSON.parse(fs.readFileSync(json, "utf8")) as { audits: { agency: string; standards: { number: number; rating: string }[] }[]; actionLog: Log };
      const below = result.audits.flatMap((a) => a.standards.filter((s) => s.rating !== "Fully met").map((s) => `${a.agency} standard ${s.number} ${s.rating}`));
      lines.push(`collate: ${result.audits.length} audits (exit ${code}); to challenge: ${below.join("; ")}`);
      lines.push(`log:    ${result.actionLog.actions.length} actions; as at ${today} (--today), ${result.actionLog.due.overdue.length} overdue (${result.actionLog.due.overdue.map((d) => d.action.id).join(", ")}), ${result.actionLog.due.dueSoon.length} due within 4 weeks`);
      lines.push(`wrote:  ${rel(xlsx)} (sheets S11 summary with live RAG colours, S11 challenge list, Action log, Actions due, and the rest)`);

      // The sub-committee signs off Police's reference check in the workbook, with its evidence.
      const edited = path.join(out, "s11-collated-signed-off.xlsx");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(xlsx);
      wb.getWorksheet("Action log")?.eachRow((row) => {
        if (row.getCell(1).value === "S11 2025/26 Police #2") {
          row.getCell(9).value = "Complete";
          row.getCell(10).value = "Second references obtained for all four starters; HR starter checklist changed (seen by the sub-committee).";
        }
      });
      await wb.xlsx.writeFile(edited);
      const nextJson = path.join(out, "s11-collated-next.json");
      const next = path.join(out, "s11-collated-next.xlsx");
      await quietly(() => runCollate([police, health], { json: nextJson, out: next, log: edited, today }));
      const again = (JSON.parse(fs.readFileSync(nextJson, "utf8")) as { actionLog: Log }).actionLog;
      const signedOff = again.actions.find((a) => a.id === "S11 2025/26 Police #2");
      lines.push(`again:  collated with --log ${rel(edited)}: S11 2025/26 Police #2 is "${signedOff?.status}" (typed by hand, kept); ${again.due.overdue.length} overdue now`);
      lines.push(`wrote:  ${rel(next)} (the log updated; ${rel(edited)} left as it was)`);
      return lines;
    },
  },
];


interface AuditAnswers {
  /** Rating and evidence by standard number (1 to 9). */
  standards: Record<number, [string, string] | [string, string, string]>;
  /** Standard number, action, owner, due date ("31/03/2026" typed, or a Date). */
  actions: [number, string, string | null, string | Date | null][];
}

/** Fills a Section 11 audit as its agency lead would: a rating from the list, evidence, actions below. */
async function fillAudit(template: string, copy: string, answers: AuditAnswers): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const audit = wb.getWorksheet("Audit");
  const actions = wb.getWorksheet("Actions");
  if (!audit || !actions) throw new Error(`${template} is not a Section 11 audit template`);
  audit.eachRow((row) => {
    const n = row.getCell(1).value;
    const answer = typeof n === "number" ? answers.standards[n] : undefined;
    if (!answer) return;
    row.getCell(4).value = answer[0];
    row.getCell(5).value = answer[1];
    if (answer[2]) row.getCell(6).value = answer[2];
  });
  let first = 0;
  actions.eachRow((row, r) => {
    if (row.getCell(1).value === "Action no.") first = r + 1;
  });
  answers.actions.forEach(([standard, action, owner, due], i) => {
    const row = actions.getRow(first + i);
    row.getCell(2).value = standard;
    row.getCell(3).value = action;
    row.getCell(4).value = owner;
    row.getCell(5).value = due;
  });
  await wb.xlsx.writeFile(copy);
}

const FULLY = (what: string): [string, string] => ["Fully met", what];

const POLICE_AUDIT: AuditAnswers = {
  standards: {
    1: FULLY("Chief officer lead named; safeguarding is a standing item at the force executive (minutes, June 2025)."),
    2: FULLY("Statement of responsibility on the intranet front page; read receipts from 96% of staff."),
    3: FULLY("Accountability chart from constable to Deputy Chief Constable, reviewed April 2025."),
    4: FULLY("Children's views gathered for the new custody suite design; report to the board, July 2025."),
    5: ["Partly met", "78% of frontline officers have completed level 2 training (target 95%)."],
    6: ["Not met", "A dip sample found 4 of 20 recent starters without a recorded second reference."],
    7: FULLY("Attendance at 98% of strategy discussions (Q1 and Q2 figures)."),
    8: FULLY("Information-sharing guidance issued March 2025; audit of 30 cases found timely sharing in 28."),
    9: FULLY("Voice of the child recorded in 27 of 30 audited cases; actions from the audit completed."),
  },
  actions: [
    [5, "Complete level 2 training for every frontline officer and report completion monthly to the sub-committee", "Head of Learning and Development", "31/03/2026"],
    [6, "Re-check references for the four starters and add a second-reference check to the HR starter list", "HR Business Partner", new Date(Date.UTC(2025, 11, 31))],
    [6, "Dip sample 20 more starters and report the result to the sub-committee", "Force Safeguarding Lead", new Date(Date.UTC(2026, 1, 28))],
  ],
};

/** Health's first attempt: information sharing rated Not met with no action, and an action without an owner. */
const HEALTH_FIRST: AuditAnswers = {
  standards: {
    ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 9].map((n) => [n, FULLY(`Evidence for standard ${n} held in the designated nurse's assurance folder (2025/26).`)])),
    8: ["Not met", "GP practices did not share information for 6 of 15 child protection conferences sampled."],
    9: ["Partly met", "Voice of the child recorded in 19 of 25 health visiting records sampled."],
  },
  actions: [[9, "Add a 'child's own words' prompt to the health visiting record template", null, "30/04/2026"]],
};

const HEALTH_CORRECTED: AuditAnswers = {
  standards: HEALTH_FIRST.standards,
  actions: [
    [9, "Add a 'child's own words' prompt to the health visiting record template", "Head of Health Visiting", "30/04/2026"],
    [8, "Agree a conference report template with the GP safeguarding leads and audit its use after three months", "Named GP for Safeguarding", "31/01/2026"],
  ],
};

async function main(): Promise<number> {
  fs.mkdirSync(out, { recursive: true });
  let failed = 0;
  for (const [i, step] of steps.entries()) {
    console.log(`\n${i + 1}. ${step.title}`);
    try {
      for (const line of await step.run()) console.log(`   ${line}`);
    } catch (e) {
      failed++;
      console.log(`   could not finish: ${isInputError(e) ? e.message : e instanceof Error ? e.stack : String(e)}`);
    }
  }
  console.log(failed ? `\n${failed} step(s) failed.` : `\nDone. Everything is under ${rel(out)}/.`);
  return failed ? 1 : 0;
}

main().then((code) => {
  process.exitCode = code;
});
