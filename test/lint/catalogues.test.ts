/*
 * One messages file per layer (issue 16): each top-level folder of src/ (engine, ledger, workbook with its
 * subfolders and adapters, taskpane, cli …) keeps its user-facing messages in one *messages*.ts file. Checked on
 * the real tree, and on listings that break the rule, so the check cannot silently pass.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

/** The layers (src/<folder>) holding more than one messages file, with those files; `files` are paths under the root. */
function layersWithSeveralCatalogues(files: readonly string[]): Record<string, string[]> {
  const byLayer = new Map<string, string[]>();
  for (const file of files) {
    const parts = file.split(/[\\/]/);
    if (parts[0] !== "src" || parts.length < 3 || !/messages/i.test(parts[parts.length - 1])) continue;
    const layer = `src/${parts[1]}`;
    byLayer.set(layer, [...(byLayer.get(layer) ?? []), parts.join("/")]);
  }
  return Object.fromEntries([...byLayer].filter(([, list]) => list.length > 1).map(([layer, list]) => [layer, list.sort()]));
}

test("the check fires on a second messages file in a layer, at any depth, and not on one per layer", () => {
  expect(layersWithSeveralCatalogues([
    "src/workbook/messages.ts", "src/workbook/ledger/messages.ts", "src/engine/messages.ts", "src/cli/messages.ts",
    "src/taskpane/messages.ts", "src/taskpane/import/import-messages.ts",
  ])).toEqual({
    "src/workbook": ["src/workbook/ledger/messages.ts", "src/workbook/messages.ts"],
    "src/taskpane": ["src/taskpane/import/import-messages.ts", "src/taskpane/messages.ts"],
  });
  expect(layersWithSeveralCatalogues(["src/workbook/messages.ts", "src/engine/messages.ts", "src/workbook/template-text.ts"])).toEqual({});
});

test("every layer of src/ has at most one messages file", () => {
  const files = fs.readdirSync(path.join(ROOT, "src"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts")).map((f) => path.join("src", f));
  expect(files.filter((f) => /messages/.test(f)).length).toBeGreaterThan(5);
  expect(layersWithSeveralCatalogues(files)).toEqual({});
});
