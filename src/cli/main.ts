#!/usr/bin/env node
/**
 * The command line: the same engine as the task pane, on files. Verbs and JSON follow
 * ../shared/contract/CLI.md. Run as `npm run -s cli -- VERB ARGS`.
 */
import { Command, CommanderError } from "commander";
import { EXIT_UNUSABLE_INPUT, oneLine, runVerb } from "./run";
import { verbs } from "./verbs";

export function buildProgram(): Command {
  const program = new Command();
  program
    .name("sgp")
    .description(
      "Safeguarding partnership scorecard: turn circulated workbooks into indicator sheets with RAG ratings, " +
        "measure an indicator set against the quality-assurance framework, and make, check and collate agency returns.",
    )
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: () => undefined });

  for (const verb of verbs) {
    const cmd = program.command(verb.usage).description(verb.description);
    for (const opt of verb.options) {
      if (opt.required) cmd.requiredOption(opt.flags, opt.description);
      else cmd.option(opt.flags, opt.description);
    }
    cmd.exitOverride().configureOutput({ writeErr: () => undefined });
    cmd.action(async (...args: unknown[]) => {
      const code = await runVerb(() => verb.run(args));
      process.exitCode = code;
    });
  }
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      // Commander's own wording ("error: required option '--json <file>' not specified") made plain.
      const text = oneLine(e.message.replace(/^error:\s*/i, ""));
      process.stderr.write(`${text.charAt(0).toUpperCase()}${text.slice(1)}. Run with --help to see how to use it.\n`);
      return EXIT_UNUSABLE_INPUT;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
