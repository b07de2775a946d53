// The engine works on plain values: no Office, Excel or DOM types or globals, and no imports from outside
// src/engine. The custom functions file holds no scoring logic: it only converts arguments and calls it.
import * as fs from "fs";
import * as path from "path";

const SRC = path.resolve(__dirname, "../../src");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []);
}

/** Source without comments, so a comment mentioning Excel does not count. */
const code = (file: string) => fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");

describe("src/engine is pure", () => {
  test.each(files(path.join(SRC, "engine")).map((f) => [path.relative(SRC, f), f]))("%s uses no Office, Excel or DOM", (_name, file) => {
    const text = code(file);
    expect(text).not.toMatch(/\b(Office|Excel|CustomFunctions|OfficeExtension)\./);
    expect(text).not.toMatch(/\b(document|window|HTMLElement|navigator)\b/);
    for (const [, spec] of text.matchAll(/from\s+"([^"]+)"/g)) {
      expect([file, spec]).toEqual([file, expect.stringMatching(/^\.\.?\//)]);
      expect(path.resolve(path.dirname(file), spec).startsWith(path.join(SRC, "engine"))).toBe(true);
    }
  });
});

describe("src/functions holds no scoring logic", () => {
  test("no band, threshold or point literal: every number the functions return comes from the engine", () => {
    const text = code(path.join(SRC, "functions", "functions.ts"));
    // Only argument positions (第1行 …) may be computed here; no comparisons with rates or points.
    expect(text).not.toMatch(/[<>]=?\s*0?\.\d|\b(30|20|15|10|5|3|2)\s*[*+]|Math\.min/);
    expect(text).not.toMatch(/\bbands?\b|\.points\s*[*+]/);
  });
});
