/**
 * The bundled sample: reproducible from scripts/make-sample.ts, free of problems, and its filled
 * 12345热线考核表 and 便民化考核 result columns equal the golden file (test/golden/ankang-2021-sample.json).
 * Regenerate the golden file after an intended change with UPDATE_GOLDEN=1.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LABEL, SHEET, SHEETS } from "../../src/workbook/contract";
import { computeAll } from "../../src/workbook/compute";
import { ExcelJsWorkbookPort } from "../../src/workbook/adapters/exceljs";
import { SAMPLE_PATH, makeSample } from "../../scripts/make-sample";
import { sheetTable } from "./helpers";

const GOLDEN = join(__dirname, "..", "golden", "ankang-2021-sample.json");

describe("the bundled sample workbook", () => {
  let port: ExcelJsWorkbookPort;
  let output: Awaited<ReturnType<typeof computeAll>>;

  beforeAll(async () => {
    port = await ExcelJsWorkbookPort.fromFile(SAMPLE_PATH);
    output = await computeAll(port);
  });

  it("is what scripts/make-sample.ts writes (same cells in every sheet)", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "sample-")), "sample.xlsx");
    const figures = await makeSample(path);
    const fresh = await ExcelJsWorkbookPort.fromFile(path);
    const committed = await ExcelJsWorkbookPort.fromFile(SAMPLE_PATH);
    expect(await fresh.sheetNames()).toEqual(await committed.sheetNames());
    const names = await committed.sheetNames();
    expect(await fresh.read(names, { formulas: true })).toEqual(await committed.read(names, { formulas: true }));
    // Shaped like Ankang's published figures.
    expect(figures.orders).toBeGreaterThan(45000);
    expect(figures.orders).toBeLessThan(60000);
    expect(figures.onTime).toBeGreaterThan(0.997);
    expect(figures.onTime).toBeLessThan(0.999);
    expect(figures.satisfied).toBeGreaterThan(0.88);
    expect(figures.satisfied).toBeLessThan(0.93);
  });

  it("has no problem: all 77 units scored and ranked, all 37 departments judged, some vetoed", () => {
    expect(output.summary).toMatchObject({
      units: 77, unitsScored: 77, departments: 37, departmentsJudged: 37, errors: 0, warnings: 0,
    });
    expect(output.summary.departmentsVetoed).toBeGreaterThanOrEqual(4);
    // Only notes: late evidence, and done evidence items with a blank date (counted as filed earlier, spec G).
    expect([...new Set(output.problems.map((p) => p.code))]).toEqual(["lateEvidence", "blankEvidenceDate"]);
    expect(output.problems.filter((p) => p.severity !== "info")).toEqual([]);
  });

  it("has units in every band of every rate rule", () => {
    const seen = new Map<string, Set<string>>();
    for (const u of output.results.units) {
      for (const c of u.score?.categories ?? []) {
        for (const l of c.lines) if (l.band) seen.set(l.rule, new Set([...(seen.get(l.rule) ?? []), l.band]));
      }
    }
    expect(Object.fromEntries([...seen].map(([k, v]) => [k, v.size]))).toEqual({ completion: 5, returned: 4, extension: 4, satisfaction: 4 });
  });

  it("fills 12345热线考核表 and the 便民化考核 result columns as in the golden file", async () => {
    const actual = {
      [SHEET.result]: await sheetTable(port, SHEET.result),
      [SHEET.approval]: (await sheetTable(port, SHEET.approval)).map((r) => ({
        [LABEL.name]: r[LABEL.name], [LABEL.deduction]: r[LABEL.deduction], [LABEL.explanation]: r[LABEL.explanation],
      })),
    };
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 1)}\n`);
    // A golden file fails when it is missing (UPDATE_GOLDEN=1 writes it).
    expect(existsSync(GOLDEN)).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(GOLDEN, "utf8")));
  });

  it("keeps every contract sheet and the method sheets", async () => {
    expect(await port.sheetNames()).toEqual([SHEET.guide, ...SHEETS.map((s) => s.name), "考核办法", "便民化考核办法"]);
  });
});

/*
 * Spec G: 创建/补全模板 writes the 2021 method into the method sheets, and computing that workbook gives the
 * same numbers as the built-in method. The sample is such a template; without its method sheets (and the
 * method's 参数 rows) it is scored by the built-in method.
 */
/** A cell's text without its （依据：…） quotes (balanced brackets: a clause may hold its own （…）). */
function withoutClauses(value: unknown): unknown {
  if (typeof value !== "string") return value;
  let out = "";
  let i = 0;
  for (let at = value.indexOf("（依据", i); at >= 0; at = value.indexOf("（依据", i)) {
    out += value.slice(i, at);
    let depth = 0;
    i = at;
    do {
      if (value[i] === "（") depth++;
      else if (value[i] === "）") depth--;
      i++;
    } while (depth > 0 && i < value.length);
  }
  return out + value.slice(i);
}

describe("the sample's written method against the built-in one", () => {
  const results = async (withMethod: boolean) => {
    const port = await ExcelJsWorkbookPort.fromFile(SAMPLE_PATH);
    if (!withMethod) for (const name of ["考核办法", "便民化考核办法"]) port.workbook.removeWorksheet(port.workbook.getWorksheet(name)!.id);
    const output = await computeAll(port);
    const snapshots = await port.read([SHEET.result, SHEET.approval, SHEET.checks]);
    return { output, snapshots };
  };

  it("names its method: the written one, or 内置2021年度办法", async () => {
    const [written, builtIn] = [await results(true), await results(false)];
    expect(written.output.summary.method).toBe("2021年度考核办法（安行审函〔2021〕73号）");
    expect(builtIn.output.summary.method).toBe("内置2021年度办法");
    expect(written.snapshots.get(SHEET.result)?.values[0][0]).toContain("考核办法：2021年度考核办法（安行审函〔2021〕73号）");
    expect(builtIn.snapshots.get(SHEET.result)?.values[0][0]).toContain("考核办法：内置2021年度办法");
  });

  it("every result cell of 12345热线考核表 and 便民化考核 is the same (title rows aside)", async () => {
    const [written, builtIn] = [await results(true), await results(false)];
    for (const sheet of [SHEET.result, SHEET.approval]) {
      const [a, b] = [written.snapshots.get(sheet)!.values, builtIn.snapshots.get(sheet)!.values];
      expect(a.length).toBe(b.length);
      expect(a.length).toBeGreaterThan(37);
      // Row 0 is the title (it names the method); everything below is compared cell by cell. 便民化考核's 扣分说明
      // quotes clauses the written method has no row for (the veto's cap, the evidence deadline, 事项6's parts):
      // there the written method names its own sheets and 参数, so those cells are compared without their quotes.
      const unquoted = (rows: readonly (readonly unknown[])[]) => rows.slice(1).map((r) => r.map(sheet === SHEET.approval ? withoutClauses : (v) => v));
      expect(unquoted(a)).toEqual(unquoted(b));
      if (sheet === SHEET.approval) expect(a.slice(1).flat().some((v) => String(v).includes("（依据："))).toBe(true);
    }
    expect(written.output.problems).toEqual(builtIn.output.problems);
  });
});
