/**
 * Rich workbooks from real producers (scripts/hostile/rich_openpyxl.py with Debian's python3-openpyxl and
 * python3-pil, then the same file saved by LibreOffice): a comment, a chart, a table, images (one on
 * 便民化考核, whose cells the product writes), defined names (constant,
 * formula, whole column, OFFSET, sheet-local), sheet protection, custom document properties, the 1904
 * date system and a formula without a cached value. compute-all gives the sample's results, changes only
 * the product's parts (every other zip part byte for byte), and LibreOffice opens the result.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix, resolve } from "node:path";
import { unzipSync } from "fflate";
import { EXIT, main } from "../../src/cli/assess";
import { PackageWorkbookPort } from "../../src/workbook/adapters/package";
import { nodeFile } from "../../src/xlsx/node-file";
import { SAMPLE, sheetPart } from "../../scripts/hostile/corpus";

jest.setTimeout(300_000);

const PYTHON = "/usr/bin/python3";
const SCRIPT = resolve(__dirname, "..", "..", "scripts", "hostile", "rich_openpyxl.py");
// Debian's python3-openpyxl and python3-pil (the images); .ci/run installs both.
const hasOpenpyxl = existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import openpyxl, PIL"]).status === 0;
const soffice = ["soffice", "libreoffice"].find((bin) => spawnSync("sh", ["-c", `command -v ${bin}`]).status === 0);

const dir = mkdtempSync(join(tmpdir(), "rich-"));

async function assess(input: string) {
  const output = input.replace(/\.xlsx$/, "-out.xlsx");
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([input, "-o", output], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n"), output };
}

type Parts = Record<string, Uint8Array>;
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** A part's relationships of one type (the last word of Type), with targets as package paths. */
function related(parts: Parts, part: string, type: string): { id: string; path: string }[] {
  const rels = parts[part.replace(/([^/]+)$/, "_rels/$1.rels")];
  if (!rels) return [];
  const folder = part.slice(0, part.lastIndexOf("/"));
  return [...decode(rels).matchAll(/<Relationship\s[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => new RegExp(`Type="[^"]*/${type}"`).test(tag))
    .map((tag) => {
      const target = /Target="([^"]*)"/.exec(tag)![1];
      return { id: /Id="([^"]*)"/.exec(tag)![1], path: target.startsWith("/") ? target.slice(1) : posix.join(folder, target) };
    });
}

/** The images a sheet shows: its drawing (named by the sheet's own XML) and the media that drawing links. */
function sheetImages(parts: Parts, sheet: string): string[] {
  const part = sheetPart(parts, sheet);
  return related(parts, part, "drawing").flatMap(({ id, path }) => {
    expect(decode(parts[part])).toMatch(new RegExp(`<drawing\\s[^>]*\\br:id="${id}"`));
    return related(parts, path, "image").map((image) => image.path);
  });
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const ranking = (text: string) => text.split("\n").filter((l) => /^\s+\d+\s/.test(l)).join("\n");

function changedParts(input: string, output: string): string[] {
  const before = unzipSync(readFileSync(input));
  const after = unzipSync(readFileSync(output));
  const owned = new Set(["xl/workbook.xml", "xl/styles.xml"]);
  for (const sheet of ["12345热线考核表", "校验", "便民化考核"]) owned.add(sheetPart(before, sheet));
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  return Object.keys(before).filter((k) => !owned.has(k) && Buffer.compare(Buffer.from(before[k]), Buffer.from(after[k])) !== 0);
}

function libreOfficeOpens(file: string): void {
  const outDir = join(dir, `lo-${Date.now()}`);
  mkdirSync(outDir);
  const r = spawnSync(soffice as string, ["--headless", "--convert-to", "csv", "--outdir", outDir, file], { encoding: "utf8", timeout: 240_000 });
  expect(r.status).toBe(0);
  expect(readdirSync(outDir)).toHaveLength(1);
}

(hasOpenpyxl ? describe : describe.skip)("rich workbooks", () => {
  let sample: Awaited<ReturnType<typeof assess>>;
  const openpyxlFile = join(dir, "openpyxl.xlsx");

  beforeAll(async () => {
    const sampleCopy = join(dir, "sample.xlsx");
    copyFileSync(SAMPLE, sampleCopy);
    sample = await assess(sampleCopy);
    const made = spawnSync(PYTHON, [SCRIPT, SAMPLE, openpyxlFile], { encoding: "utf8" });
    expect(made.stderr).toBe("");
  });

  it("openpyxl: the sample's results; every part but the product's byte for byte; LibreOffice opens it", async () => {
    const r = await assess(openpyxlFile);
    expect([r.code, r.err]).toEqual([EXIT.ok, ""]);
    expect(ranking(r.out)).toBe(ranking(sample.out));
    expect(changedParts(openpyxlFile, r.output)).toEqual([]);
    const parts = unzipSync(readFileSync(r.output));
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(["xl/charts/chart1.xml", "xl/tables/table1.xml", "xl/comments/comment1.xml", "docProps/custom.xml"]));
    // The images: real PNGs, each still shown by its sheet, also on 便民化考核 whose cells were just written
    // (the media, drawings and their relationships are among the parts compared byte for byte above).
    const images = [...sheetImages(parts, "用户表"), ...sheetImages(parts, "便民化考核")];
    expect(images).toHaveLength(2);
    expect(new Set(images).size).toBe(2);
    for (const image of images) {
      expect(image).toMatch(/^xl\/media\/image\d+\.png$/);
      expect([...parts[image].subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    }
    expect(sheetImages(unzipSync(readFileSync(openpyxlFile)), "便民化考核")).toEqual(sheetImages(parts, "便民化考核"));
    const workbook = new TextDecoder().decode(parts["xl/workbook.xml"]);
    expect(workbook).toContain('localSheetId="8"');
    expect(workbook).toMatch(/date1904="(1|true)"/);
    // The user's formula without a cached value is listed, not read as 0.
    const port = await PackageWorkbookPort.open(await nodeFile(r.output));
    const user = (await port.read(["用户表"])).get("用户表");
    await port.close();
    expect(user?.uncalculated).toEqual([1, 2, 3].map((row) => ({ row, col: 3 })));
    if (soffice) libreOfficeOpens(r.output);
  });

  (soffice ? it : it.skip)("LibreOffice's save of it: the same", async () => {
    const loDir = join(dir, "lo-save");
    mkdirSync(loDir);
    const converted = spawnSync(soffice as string, ["--headless", "--convert-to", "xlsx", "--outdir", loDir, openpyxlFile], { encoding: "utf8", timeout: 240_000 });
    expect(converted.status).toBe(0);
    const input = join(dir, "libreoffice.xlsx");
    copyFileSync(join(loDir, "openpyxl.xlsx"), input);
    const r = await assess(input);
    expect([r.code, r.err]).toEqual([EXIT.ok, ""]);
    expect(ranking(r.out)).toBe(ranking(sample.out));
    expect(changedParts(input, r.output)).toEqual([]);
    const images = sheetImages(unzipSync(readFileSync(input)), "便民化考核");
    expect(images).toHaveLength(1);
    expect(sheetImages(unzipSync(readFileSync(r.output)), "便民化考核")).toEqual(images);
    libreOfficeOpens(r.output);
  });
});
