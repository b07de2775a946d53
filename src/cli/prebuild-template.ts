/**
 * Entry point the launcher (scripts/assess.cjs) runs after it rebuilds the bundle: builds the built-in
 * method's blank template into the cache (./template-cache), so that no run of the command builds one.
 */
import { blankTemplateFile } from "./template-cache";

blankTemplateFile().then(
  (path) => process.stdout.write(`${path}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
