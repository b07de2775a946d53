/** @type {import('jest').Config} */
// `npm run test:e2e`: the task pane in Debian Chromium (playwright-core) against an in-memory Office.js
// fake. Kept out of the default `npm test` (jest.config.js ignores test/e2e/).
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js" },
  // Building (webpack) and starting Chromium take a while on two cores.
  testTimeout: 180000,
  maxWorkers: 1,
};
