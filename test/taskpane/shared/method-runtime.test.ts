/*
 * The method runtime of the shared runtime (issue 10): the method is read when the add-in starts, read again when a
 * method sheet changes, is added, deleted or renamed, and Excel is asked to recalculate when the method the
 * functions see has changed. Against the strict Office.js fake: handlers count only once synced, events arrive
 * after the change.
 */
import * as F from "../../../src/functions/functions";
import { methodSource } from "../../../src/functions/method-source";
import { WATCHED_SHEETS } from "../../../src/taskpane/shared/method-runtime";
import { CHINESE, installCustomFunctionsStub } from "../../functions/custom-functions-stub";
import { outcomeOf } from "../../functions/excel-host";
import { SHEETS_2026, eventsDelivered, fakeWorkbook, runtimeOver } from "./method-workbook";

installCustomFunctionsStub();
const source = methodSource();
afterEach(() => source.builtIn());

/** 满意率 75%: 2026 deducts 8 for 70%—80% (2021: 10). */
const satisfaction75 = () => outcomeOf(() => F.hotlineSatisfactionDeduct(0.75, null));
const methodReads = (wb: { requests: { reads: { sheet: string }[] }[] }) =>
  wb.requests.filter((r) => r.reads.some((x) => x.sheet === "考核办法")).length;

describe("启动时读取工作簿的考核办法", () => {
  test("有办法表：按其计分，并请求一次完整重算（文件里的结果可能出自别的办法）", async () => {
    const fake = fakeWorkbook(SHEETS_2026());
    const runtime = runtimeOver(fake, source);
    await runtime.start();
    expect(source.current()).toMatchObject({ kind: "loaded", label: "2026年度考核办法" });
    expect(await satisfaction75()).toEqual({ value: 8 });
    expect(fake.workbook.stats()).toMatchObject({ calculations: ["Full"], violations: [], eventErrors: [] });
  });

  test("没有办法表：内置2021年度办法，不重算", async () => {
    const fake = fakeWorkbook([]);
    await runtimeOver(fake, source).start();
    expect(source.current()).toMatchObject({ kind: "loaded", label: "内置2021年度办法" });
    expect(await satisfaction75()).toEqual({ value: 10 });
    expect(fake.workbook.stats().calculations).toEqual([]);
  });

  test("Excel 不支持工作表事件（ExcelApi 1.7 以下）：函数说明原因（#N/A），不按内置办法计分", async () => {
    const fake = fakeWorkbook(SHEETS_2026(), "1.6");
    await runtimeOver(fake, source, {}, "1.6").start();
    const outcome = await satisfaction75();
    expect(outcome).toMatchObject({ code: "#N/A" });
    expect("message" in outcome && outcome.message).toMatch(/ExcelApi 1\.7/u);
  });
});

describe("办法表改动后重新读取，并请求重算", () => {
  test("改一个分值（满意率70%—80%：8 → 9）：重新读取，函数按新值，重算一次", async () => {
    const fake = fakeWorkbook(SHEETS_2026());
    const runtime = runtimeOver(fake, source);
    await runtime.start();
    fake.workbook.type("考核办法", "I21", 9);
    await eventsDelivered(runtime);
    expect(await satisfaction75()).toEqual({ value: 9 });
    expect(fake.workbook.stats().calculations).toEqual(["Full", "Full"]);
  });

  test.each(WATCHED_SHEETS.filter((s) => s !== "考核办法").map((s) => [s]))("“%s”的改动也引起重新读取", async (sheet) => {
    const fake = fakeWorkbook([...SHEETS_2026(), { name: "便民化考核", values: [["单位名称"]] }]);
    const runtime = runtimeOver(fake, source);
    await runtime.start();
    const before = methodReads(fake.workbook);
    fake.workbook.type(sheet, "Z99", "备注");
    await eventsDelivered(runtime);
    expect(methodReads(fake.workbook)).toBe(before + 1);
    // The method the functions see did not change: no second recalculation.
    expect(fake.workbook.stats().calculations).toEqual(["Full"]);
  });

  test("改数字格式（ExcelApi 1.9）：0.98 去掉百分比格式后是普通小数，办法被拒绝", async () => {
    const fake = fakeWorkbook(SHEETS_2026());
    const runtime = runtimeOver(fake, source);
    await runtime.start();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("考核办法").getRange("G4").numberFormat = [["General"]];
      await context.sync();
    });
    await eventsDelivered(runtime);
    const outcome = await satisfaction75();
    expect(outcome).toMatchObject({ code: "#N/A" });
    expect("message" in outcome && outcome.message).toContain("“考核办法”G4");
  });

  test("其他工作表的改动不引起读取", async () => {
    const fake = fakeWorkbook(SHEETS_2026());
    const runtime = runtimeOver(fake, source);
    await runtime.start();
    const before = fake.workbook.requests.length;
    fake.workbook.type("热线数据", "B2", 100);
    await eventsDelivered(runtime);
    expect(fake.workbook.requests.length).toBe(before);
  });

  test("办法有误：函数给出 #N/A，说明指向校验与出错的单元格；改正后恢复", async () => {
    const fake = fakeWorkbook(SHEETS_2026());
    const runtime = runtimeOver(fake, source);
    await runtime.start();
    fake.workbook.type("考核办法", "I21", "八分");
    await eventsDelivered(runtime);
    const refused = await satisfaction75();
    expect(refused).toMatchObject({ code: "#N/A" });
    expect("message" in refused && refused.message).toMatch(CHINESE);
    expect("message" in refused && refused.message).toMatch(/校验.*“考核办法”I21|“考核办法”I21[\s\S]*校验/u);
    expect(await outcomeOf(() => F.casePoints("工单分类错误", 1))).toMatchObject({ code: "#N/A" });
    fake.workbook.type("考核办法", "I21", 8);
    await eventsDelivered(runtime);
    expect(await satisfaction75()).toEqual({ value: 8 });
    expect(fake.workbook.stats().calculations).toEqual(["Full", "Full", "Full"]);
  });

  test("新加的办法表（创建模板）与删除办法表都引起重新读取", async () => {
    const [hotline, approval, ...rest] = SHEETS_2026();
    const fake = fakeWorkbook(rest);
    const runtime = runtimeOver(fake, source);
    await runtime.start();
    // 参数 names 考核年度 2026, which has no built-in method: refused until the method sheets exist.
    expect(source.current()).toMatchObject({ kind: "refused" });
    // The sheets appear one after the other, as 创建/补全模板 adds them; the cells typed into the new sheet count.
    for (const snapshot of [hotline, approval]) {
      snapshot.values.forEach((row, r) => row.forEach((v, c) => {
        if (v !== null) fake.workbook.type(snapshot.name, `${String.fromCharCode(65 + c)}${r + 1}`, snapshot.numberFormats?.[r]?.[c] === "0%" ? `${(v as number) * 100}%` : v);
      }));
      await eventsDelivered(runtime);
    }
    expect(source.current()).toMatchObject({ kind: "loaded", label: "2026年度考核办法" });
    expect(await satisfaction75()).toEqual({ value: 8 });
    fake.workbook.deleteSheet("考核办法");
    await eventsDelivered(runtime);
    const outcome = await satisfaction75();
    expect(outcome).toMatchObject({ code: "#N/A" });
    expect("message" in outcome && outcome.message).toContain("缺少工作表“考核办法”");
  });

  test("改名（ExcelApi 1.17）：改成“考核办法”的工作表被读取", async () => {
    const [hotline, ...rest] = SHEETS_2026();
    const fake = fakeWorkbook([{ ...hotline, name: "考核办法草稿" }, ...rest], "1.17");
    const runtime = runtimeOver(fake, source, {}, "1.17");
    await runtime.start();
    expect(source.current()).toMatchObject({ kind: "refused" });
    fake.workbook.rename("考核办法草稿", "考核办法");
    await eventsDelivered(runtime);
    expect(source.current()).toMatchObject({ kind: "loaded", label: "2026年度考核办法" });
  });

  test("读取中的多次改动只再读一次", async () => {
    const fake = fakeWorkbook(SHEETS_2026());
    const runtime = runtimeOver(fake, source);
    await runtime.start();
    const before = methodReads(fake.workbook);
    for (const cell of ["Z1", "Z2", "Z3", "Z4"]) fake.workbook.type("参数", cell, "x");
    await eventsDelivered(runtime);
    expect(methodReads(fake.workbook)).toBeLessThanOrEqual(before + 2);
    expect(methodReads(fake.workbook)).toBeGreaterThan(before);
  });
});

describe("读取失败", () => {
  test("函数说明无法读取（#N/A），稍后自动重试，成功后按办法计分", async () => {
    const fake = fakeWorkbook(SHEETS_2026());
    let fail = true;
    const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => {
      if (fail) return Promise.reject(new Error("GeneralException"));
      return fake.Excel.run(batch);
    };
    const runtime = runtimeOver({ Excel: { run } }, source, { retryDelays: [10] });
    await runtime.start();
    const outcome = await satisfaction75();
    expect(outcome).toMatchObject({ code: "#N/A" });
    expect("message" in outcome && outcome.message).toMatch(/无法读取工作簿中的考核办法.*GeneralException/u);
    fail = false;
    await new Promise((resolve) => setTimeout(resolve, 30));
    await runtime.idle();
    expect(await satisfaction75()).toEqual({ value: 8 });
  });
});

describe("Office.js 替身的事件从严（与 Excel 可能不同之处取更严的一边）", () => {
  const delivered = () => new Promise((resolve) => setTimeout(resolve, 10));
  test("没有 sync 的 add 不注册；事件在改动之后异步送达，不在改动之中", async () => {
    const fake = fakeWorkbook(SHEETS_2026());
    const calls: string[] = [];
    const context = new (fake.Excel as unknown as { RequestContext: new () => Excel.RequestContext }).RequestContext();
    context.workbook.worksheets.getItem("考核办法").onChanged.add(async (args) => void calls.push(args.address));
    fake.workbook.type("考核办法", "A1", "x");
    await delivered();
    expect(calls).toEqual([]);
    await context.sync();
    fake.workbook.type("考核办法", "A2", "y");
    expect(calls).toEqual([]);
    await delivered();
    expect(calls).toEqual(["A2"]);
    expect(fake.workbook.stats().eventErrors).toEqual([]);
  });
});

