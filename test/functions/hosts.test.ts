/*
 * 规则D “同一单元格，各宿主结果相同”: every ASSESS.* function, over the same cells, called as Excel on Windows/Mac
 * calls it (a blank cell → 0, in ranges too) and as Excel on the web calls it (a blank cell → null), gives the same
 * answer — the one the rules require (the rows of the acceptance workbook) — and says why when it cannot know.
 */
import fc from "fast-check";
import * as F from "../../src/functions/functions";
import { singleCell } from "../../src/functions/blank-or-zero";
import { ACCEPTANCE_ROWS } from "../../scripts/acceptance-rows";
import { expectedOutcome, fn, letter, on, sheetOf } from "./acceptance-cells";
import { installCustomFunctionsStub } from "./custom-functions-stub";
import {
  EXPORTS, HOSTS, Sheet, excelArguments, fakeExcel, installExcel, metadataOf, outcomeOf, type Cell, type FormulaArg, type Host,
} from "./excel-host";

installCustomFunctionsStub();
afterEach(() => installExcel(undefined));

describe("规则D 每个函数在桌面版（空白→0）与网页版（空白→null）结果相同，且符合规则", () => {
  test.each(ACCEPTANCE_ROWS.map((row) => [row.fn, row.case, row] as const))("ASSESS.%s %s", async (id, _case, row) => {
    const { sheet, args } = sheetOf(row);
    const [desktop, web] = [await on("desktop", sheet, id, args), await on("web", sheet, id, args)];
    expect(desktop).toEqual(web);
    expect(desktop).toMatchObject(expectedOutcome(row));
  });

  test("每个函数都在其中", () => {
    expect(new Set(ACCEPTANCE_ROWS.map((r) => r.fn))).toEqual(new Set(Object.keys(EXPORTS)));
  });
});

describe("规则D 任意单元格：两种平台结果相同（性质测试）", () => {
  /** What a user can leave in a cell: blank, 0, a number, text (rates, counts, names, statuses), a logical value. */
  const cell: fc.Arbitrary<Cell> = fc.oneof(
    fc.constant(undefined), fc.constant(undefined), fc.constant(0), fc.constant(0),
    fc.integer({ min: -2, max: 1300 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(),
    fc.constantFrom("98.5%", "0%", "0", "", "3", "完成", "未完成", "不涉及", "县区", "市直", "其他", "市发改委", "汉滨区", "x"),
  );
  test.each(Object.keys(EXPORTS).map((id) => [id]))("ASSESS.%s", async (id) => {
    const arity = metadataOf(id).parameters.length;
    await fc.assert(fc.asyncProperty(fc.array(cell, { minLength: arity, maxLength: arity }), fc.nat({ max: arity }), async (cells, used) => {
      const sheet = new Sheet("考核");
      cells.forEach((v, i) => sheet.set(`${letter(i)}2`, v));
      const args: FormulaArg[] = id === "VETO_SCORE"
        ? [{ range: `B2:${letter(Math.max(0, cells.length - 1))}2` }]
        : cells.slice(0, Math.max(used, 1)).map((_, i) => ({ ref: `${letter(i)}2` }));
      expect(await on("desktop", sheet, id, args)).toEqual(await on("web", sheet, id, args));
    }), { numRuns: 300 });
  });
});

describe("只有当0是否空白会改变结果时，才读取那个单元格", () => {
  const grid = () => new Sheet("考核").set("B2", 0).set("C2", 1200).set("D2", 0.06);
  const count = async (host: Host, id: string, args: FormulaArg[]) => {
    const excel = fakeExcel([grid()]);
    installExcel(excel.api);
    const result = fn(id)(...excelArguments(host, grid(), id, args));
    return { synchronous: !(result instanceof Promise), runs: excel.stats.runs, outcome: await outcomeOf(() => result) };
  };
  test.each([
    ["退单数0、工单1200：0与空白都按0件 → 同步，不读取", "HOTLINE_RETURN_DEDUCT", [{ ref: "B2" }, { ref: "C2" }], 0],
    ["退单率6% → 同步", "HOTLINE_RETURN_DEDUCT", [{ ref: "D2" }], 3],
    ["日常配合全为0 → 同步（件数空白即0）", "HOTLINE_COOPERATION_DEDUCT", [{ ref: "B2" }, { ref: "B2" }], 0],
  ] as const)("%s", async (_name, id, args, value) => {
    expect(await count("desktop", id, [...args])).toEqual({ synchronous: true, runs: 0, outcome: { value } });
  });
  test("退单率单元格为0：桌面版读取一次，确认不是空白 → 0", async () => {
    expect(await count("desktop", "HOTLINE_RETURN_DEDUCT", [{ ref: "B2" }])).toEqual({ synchronous: false, runs: 1, outcome: { value: 0 } });
  });
  test("办结率为0、三个件数为0：只读取办结率那一格（件数的0与空白相同）", async () => {
    const sheet = new Sheet("考核").set("B2", 0).set("C2", 0).set("D2", 0).set("E2", 0);
    const excel = fakeExcel([sheet]);
    installExcel(excel.api);
    const args = excelArguments("desktop", sheet, "HOTLINE_HANDLING_DEDUCT", ["B2", "C2", "D2", "E2"].map((ref) => ({ ref })));
    expect(await outcomeOf(() => fn("HOTLINE_HANDLING_DEDUCT")(...args))).toEqual({ value: 30 });
    expect(excel.stats).toEqual({ runs: 1, reads: 1 });
  });
  test("网页版收到的0同样确认一次（函数不猜宿主）", async () => {
    expect(await count("web", "HOTLINE_RETURN_DEDUCT", [{ ref: "B2" }])).toEqual({ synchronous: false, runs: 1, outcome: { value: 0 } });
  });
});

describe("无法确认时：#N/A 并说明原因，绝不猜测", () => {
  const blankRate = new Sheet("考核"); // B2 blank
  const desktopArgs = () => excelArguments("desktop", blankRate, "HOTLINE_RETURN_DEDUCT", [{ ref: "B2" }]);
  const withAddresses = (addresses: unknown) => {
    const args = desktopArgs();
    return [...args.slice(0, -1), { ...(args.at(-1) as object), parameterAddresses: addresses }];
  };

  test("Excel 不提供参数地址（CustomFunctionsRuntime 低于1.3）→ #N/A，说明无法区分空白与0", async () => {
    installExcel(fakeExcel([blankRate]).api);
    const outcome = await outcomeOf(() => F.hotlineReturnDeduct(...(withAddresses(undefined) as [unknown, unknown])));
    expect(outcome).toMatchObject({ code: "#N/A" });
    expect("message" in outcome && outcome.message).toMatch(/无法区分空白单元格与0.*CustomFunctionsRuntime 1\.3|CustomFunctionsRuntime 1\.3.*无法区分空白单元格与0/u);
  });
  test("没有 Excel API（非共享运行时）→ #N/A，写出单元格", async () => {
    installExcel(undefined);
    const outcome = await outcomeOf(() => fn("HOTLINE_RETURN_DEDUCT")(...desktopArgs()));
    expect(outcome).toMatchObject({ code: "#N/A" });
    expect("message" in outcome && outcome.message).toContain("考核!B2");
  });
  test("读取单元格失败 → #N/A，写出单元格并建议重新计算", async () => {
    installExcel(fakeExcel([blankRate], { fail: true }).api);
    const outcome = await outcomeOf(() => fn("HOTLINE_RETURN_DEDUCT")(...desktopArgs()));
    expect(outcome).toMatchObject({ code: "#N/A" });
    expect("message" in outcome && outcome.message).toMatch(/考核!B2.*Ctrl\+Alt\+F9/u);
  });
  test("参数地址不是单个单元格 → #N/A", async () => {
    installExcel(fakeExcel([blankRate]).api);
    const outcome = await outcomeOf(() => fn("HOTLINE_RETURN_DEDUCT")(...withAddresses(["考核!B2:B3", ""])));
    expect(outcome).toMatchObject({ code: "#N/A" });
  });
  test.each([[""], [null], [undefined]])("参数地址为 %p（公式中的常数或表达式）：0就是0，不读取", async (address) => {
    const excel = fakeExcel([blankRate]);
    installExcel(excel.api);
    expect(await outcomeOf(() => fn("HOTLINE_RETURN_DEDUCT")(...withAddresses([address, ""])))).toEqual({ value: 0 });
    expect(excel.stats.runs).toBe(0);
  });
});

describe("参数地址的写法（Microsoft 文档：工作表名含空格或标点时加单引号，单引号成对）", () => {
  test.each([
    ["考核!B2", { sheet: "考核", cell: "B2" }],
    ["Sheet1!$C$10", { sheet: "Sheet1", cell: "C10" }],
    ["'Latest Prices'!F6", { sheet: "Latest Prices", cell: "F6" }],
    ["'Bob''s Region'!F6", { sheet: "Bob's Region", cell: "F6" }],
    ["B2", undefined],
    ["考核!B2:C3", undefined],
  ] as const)("%s", (address, expected) => {
    expect(singleCell(address)).toEqual(expected);
  });

  test("读取的是地址所指工作表上的单元格", async () => {
    const other = new Sheet("Bob's Region").set("F6", 0);
    const blank = new Sheet("考核");
    const excel = fakeExcel([blank, other]);
    installExcel(excel.api);
    const args = excelArguments("desktop", other, "HOTLINE_RETURN_DEDUCT", [{ ref: "F6" }]);
    expect((args.at(-1) as CustomFunctions.Invocation).parameterAddresses?.[0]).toBe("'Bob''s Region'!F6");
    expect(await outcomeOf(() => fn("HOTLINE_RETURN_DEDUCT")(...args))).toEqual({ value: 0 });
    expect(excel.stats.reads).toBe(1);
  });
});

describe("各宿主的参数：由同一张表推出", () => {
  const sheet = new Sheet("考核").set("B2", "完成").set("D2", 0.9);
  test.each(HOSTS.map((h) => [h] as const))("%s", (host) => {
    const args = excelArguments(host, sheet, "VETO_SCORE", [{ range: "B2:D2" }]);
    const blank = host === "desktop" ? 0 : null;
    expect(args.slice(0, -1)).toEqual([[["完成", blank, 0.9]]]);
    const rate = excelArguments(host, sheet, "HOTLINE_RETURN_DEDUCT", [{ ref: "C2" }]);
    expect(rate.slice(0, 2)).toEqual([blank, null]);
    expect((rate[2] as CustomFunctions.Invocation).parameterAddresses).toEqual(["考核!C2", ""]);
  });
});
