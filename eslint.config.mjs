// ESLint flat config: typescript-eslint's recommended rules for the add-in's TypeScript and JavaScript, and the
// layering of src/ (what each part may import), checked by no-restricted-imports.
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

/** An import path that climbs out of the file's folder into one of `parts` of src/. */
const into = (parts) => `^(\\.\\./)+(${parts.join("|")})(/|$)`;
const layer = (files, patterns) => ({ files, rules: { "no-restricted-imports": ["error", { patterns }] } });
const HOST_GLOBALS = ["Office", "Excel", "CustomFunctions", "OfficeExtension", "document", "window", "navigator", "HTMLElement"]
  .map((name) => ({ name, message: "The engine works on plain values: no Office, Excel or DOM." }));
const ENGINE_MSG = "src/engine is pure and self-contained: it imports nothing outside src/engine (no packages, no Node).";
const TEXT_MSG = "src/text is shared by the workbook layer, the task pane and the CLI: it imports nothing outside src/text.";

export default defineConfig(
  { ignores: ["dist/**", "build/**", "out/**", "coverage/**", "node_modules/**", "test-results/**"] },
  tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  // src/engine: nothing from outside itself, at any depth; no host globals.
  layer(["src/engine/*.ts"], [{ regex: "^\\.\\./", message: ENGINE_MSG }, { regex: "^[^.]", message: ENGINE_MSG }]),
  layer(["src/engine/*/*.ts"], [{ regex: "^\\.\\./\\.\\./", message: ENGINE_MSG }, { regex: "^[^.]", message: ENGINE_MSG }]),
  { files: ["src/engine/**/*.ts"], rules: { "no-restricted-globals": ["error", ...HOST_GLOBALS] } },
  // src/text (display widths of Chinese text): a leaf every layer may use; it uses none of them.
  layer(["src/text/*.ts"], [{ regex: "^\\.\\./", message: TEXT_MSG }, { regex: "^[^.]", message: TEXT_MSG }]),
  { files: ["src/text/**/*.ts"], rules: { "no-restricted-globals": ["error", ...HOST_GLOBALS] } },
  // src/functions only converts Excel's values and calls the engine.
  layer(["src/functions/**/*.ts"], [{ regex: into(["workbook", "ledger", "taskpane", "cli"]), message: "Custom functions call the engine only." }]),
  // src/ledger reads work-order exports; it knows the engine, not the workbook or its hosts.
  layer(["src/ledger/**/*.ts"], [{ regex: into(["workbook", "functions", "taskpane", "cli"]), message: "src/ledger depends on the engine only." }]),
  // src/workbook reaches workbooks through its port; the hosts (task pane, CLI) call it, never the reverse.
  layer(["src/workbook/**/*.ts"], [{ regex: into(["functions", "taskpane", "cli"]), message: "src/workbook must not depend on its callers." }]),
  // The one exception: the task pane runtime feeds the functions' method holder (shared runtime, issue 10).
  layer(["src/taskpane/**/*.ts"], [
    { regex: into(["cli"]), message: "The task pane uses the workbook layer, not the CLI." },
    { regex: "^(\\.\\./)+functions(/(?!method-source$)|$)", message: "The task pane uses the functions' method holder (functions/method-source) only." },
    { regex: "^node:", message: "The task pane runs in the browser: no Node modules." },
  ]),
  // src/job: one run shared by the CLI and the page 网页版 — no file system, no DOM, no callers.
  layer(["src/job/**/*.ts"], [
    { regex: into(["cli", "web", "taskpane", "functions"]), message: "src/job is shared by the CLI and the page: it depends on neither." },
    { regex: "^node:", message: "src/job runs in the page's worker too: no Node modules (files stay at the CLI's edge)." },
    { regex: "package-file$|node-file$|ledger/node$", message: "src/job runs in the page's worker too: Node file access stays at the CLI's edge." },
  ]),
  { files: ["src/job/**/*.ts"], rules: { "no-restricted-globals": ["error", ...HOST_GLOBALS] } },
  // src/web: the page 网页版 runs in a browser; of the CLI it uses only the pure message catalogue and report rows.
  layer(["src/web/**/*.ts"], [
    { regex: "^(\\.\\./)+cli/(?!messages$|report$)", message: "The page uses the CLI's messages and report rows only (src/job is the shared run)." },
    { regex: into(["taskpane", "functions"]), message: "The page uses src/job and the workbook layer, not the task pane or the functions." },
    { regex: "^node:", message: "The page runs in a browser: no Node modules." },
    { regex: "package-file$|node-file$|ledger/node$|exceljs-adapter$|^exceljs$", message: "The page runs in a browser: no Node file access, no exceljs." },
  ]),
  layer(["src/cli/**/*.ts"], [{ regex: into(["functions", "taskpane"]), message: "The CLI uses the workbook layer, not the task pane or the functions." }]),
  {
    // Custom-function parameters typed `any` are Excel's "any" cell-value type in the generated
    // functions.json (custom-functions-metadata has no equivalent for `unknown`).
    files: ["src/functions/functions.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Node-side CommonJS: webpack config, build scripts, jest config.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
