// The custom functions file holds no scoring logic: it only converts arguments and calls the engine.
import * as fs from "fs";
import * as path from "path";

/** Source without comments, so a comment mentioning a number does not count. */
const code = (file: string) => fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");

describe("src/functions holds no scoring logic", () => {
  test("no band, threshold or point literal: every number the functions return comes from the engine", () => {
    const text = code(path.resolve(__dirname, "../../src/functions/functions.ts"));
    // Only argument positions (第1行 …) may be computed here; no comparisons with rates or points.
    expect(text).not.toMatch(/[<>]=?\s*0?\.\d|\b(30|20|15|10|5|3|2)\s*[*+]|Math\.min/);
    expect(text).not.toMatch(/\bbands?\b|\.points\s*[*+]/);
  });
});
