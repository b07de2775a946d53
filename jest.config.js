/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
  // office-addin-mock requires office-addin-manifest, whose dependencies are ESM-only under Jest 30.
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js" },
  // Not a speed check (speed is measured by npm run bench): room for a shared, loaded machine.
  testTimeout: 60000,
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
};
