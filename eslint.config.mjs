// ESLint flat config: typescript-eslint's recommended rules for the add-in's TypeScript and JavaScript.
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["dist/**", "build/**", "out/**", "coverage/**", "node_modules/**", "test-results/**"] },
  tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
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
