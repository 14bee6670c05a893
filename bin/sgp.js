#!/usr/bin/env node
// The `sgp` command: the compiled command line. The first run after `npm ci`, and the first after
// a source changes, builds it (scripts/build-cli.js); every other run starts straight away.
"use strict";

let entry;
try {
  entry = require("../scripts/build-cli.js").ensureBuilt();
} catch (e) {
  process.stderr.write(`Could not build the command line before running it: ${e && e.message ? e.message : e}\n`);
  process.exit(2);
}
require(entry)
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
