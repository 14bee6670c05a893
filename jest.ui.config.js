/**
 * Browser tests of the task pane (npm run test:ui, through test/ui/run.ts): the production build
 * in Debian's Chromium, driven by Playwright. One file at a time: each launches a browser, and
 * the machines these run on have two cores.
 */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test/ui"],
  testMatch: ["**/*.ui.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }],
  },
  globalSetup: "<rootDir>/test/ui/harness/global-setup.ts",
  maxWorkers: 1,
  testTimeout: 30000,
  verbose: true,
};
