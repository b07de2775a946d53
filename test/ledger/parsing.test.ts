import {
  CALLBACK_RESULTS,
  civilSeconds,
  formatTimestamp,
  IGNORED_HEADER,
  LedgerError,
  mapHeaders,
  parseCallback,
  parseDateCell,
  parseDateText,
  parsePeriod,
  parseYesNo,
  problemCell,
} from "../../src/ledger";
import * as fc from "fast-check";
import { monthIndexOf } from "../../src/ledger/timestamps";

describe("mapHeaders", () => {
  test("exact labels, in any order, after trimming and NFKC", () => {
    const m = mapHeaders([" 回访结果 ", "工单编号", "承办单位", "派单时间", "办理时限", "办结时间", "是否退单", "是否申请延期"]);
    expect(m.complete).toBe(true);
    expect(m.columns).toEqual({ 回访结果: 0, 工单编号: 1, 承办单位: 2, 派单时间: 3, 办理时限: 4, 办结时间: 5, 是否退单: 6, 是否申请延期: 7 });
  });

  test.each([
    [["工单号", "办理单位", "派发时间", "截止时间", "办结日期", "退单", "是否延期", "回访满意度"]],
    [["工单编码", "责任单位", "转办时间", "办结时限", "完成时间", "是否退单", "延期申请", "满意度评价"]],
    [["编号", "承办单位", "派单时间", "期限", "办结时间", "退单", "是否申请延期", "回访结果"]],
  ])("synonyms %j", (headers) => {
    expect(mapHeaders(headers).missing).toEqual([]);
  });

  test("the better spelling wins and the other is reported as shadowed", () => {
    const m = mapHeaders(["工单编号", "承办单位", "一级承办单位", "派单时间", "办理时限", "办结时间", "是否退单", "是否申请延期", "回访结果"]);
    expect(m.columns.承办单位).toBe(2);
    expect(m.shadowed).toEqual([{ index: 1, header: "承办单位", column: "承办单位" }]);
  });

  test("missing columns and unrecognized headers are reported so the user can be asked once", () => {
    const headers = ["工单编号", "单位", "派单时间", "办理时限", "办结时间", "是否退单", "是否申请延期", "评价", "诉求内容"];
    const first = mapHeaders(headers);
    expect(first.complete).toBe(false);
    expect(first.missing).toEqual(["承办单位", "回访结果"]);
    expect(first.unrecognized.map((u) => u.header)).toEqual(["单位", "评价", "诉求内容"]);
    const remembered = { 单位: "承办单位", "评价 ": "回访结果", 诉求内容: IGNORED_HEADER };
    const second = mapHeaders(headers, remembered);
    expect(second.complete).toBe(true);
    expect(second.columns.承办单位).toBe(1);
    expect(second.columns.回访结果).toBe(7);
    expect(second.ignored.map((i) => i.header)).toEqual(["诉求内容"]);
    expect(second.recognized.find((r) => r.column === "承办单位")!.via).toBe("remembered");
  });

  test("a remembered answer overrides the synonym table", () => {
    const m = mapHeaders(["工单编号", "承办单位", "责任单位", "派单时间", "办理时限", "办结时间", "是否退单", "是否申请延期", "回访结果"], { 责任单位: "承办单位" });
    expect(m.columns.承办单位).toBe(2);
  });
});

describe("dates", () => {
  const at = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => civilSeconds(y, mo, d, h, mi, s);

  test.each([
    ["2021-03-05 14:22:10", at(2021, 3, 5, 14, 22, 10)],
    ["2021/3/5 14:22", at(2021, 3, 5, 14, 22)],
    ["2021-03-05", at(2021, 3, 5)],
    ["2021年3月5日 14:22", at(2021, 3, 5, 14, 22)],
    ["2021年3月5日14时22分10秒", at(2021, 3, 5, 14, 22, 10)],
    ["2021年03月05日", at(2021, 3, 5)],
    ["2021.3.5 9:05", at(2021, 3, 5, 9, 5)],
    ["2021-03-05T14:22:10", at(2021, 3, 5, 14, 22, 10)],
    ["2021-03-05 14:22:10.0", at(2021, 3, 5, 14, 22, 10)],
    [" 2021-03-05 14:22:10 ", at(2021, 3, 5, 14, 22, 10)],
    ["２０２１－０３－０５　１４：２２", at(2021, 3, 5, 14, 22)],
    ["2020-02-29 23:59:59", at(2020, 2, 29, 23, 59, 59)],
  ])("%s", (text, expected) => {
    expect(parseDateText(text)).toBe(expected);
  });

  test.each(["2021-02-29", "2021-13-01", "2021-03-05 24:00", "2021-03-05 14:60", "2021-03-05 14:22:10+08:00", "2021-3", "昨天", "44260", "21-03-05", "2021-03/05", "2021-03-05 14:2210"])(
    "unreadable: %s",
    (text) => expect(parseDateText(text)).toBeNaN(),
  );

  test("local time as written: no timezone is ever applied", () => {
    expect(formatTimestamp(parseDateText("2021-12-31 23:50:00"))).toBe("2021-12-31 23:50:00");
    expect(parseDateText("2021-01-01 00:00:00")).toBe(Date.UTC(2021, 0, 1) / 1000);
  });

  test("Excel serials, 1900 and 1904 systems, and exceljs Dates", () => {
    expect(formatTimestamp(parseDateCell(44260.598726851855))).toBe("2021-03-05 14:22:10");
    expect(formatTimestamp(parseDateCell(44260.598726851855 - 1462, false, true))).toBe("2021-03-05 14:22:10");
    expect(formatTimestamp(parseDateCell(new Date(Date.UTC(2021, 2, 5, 14, 22, 10))))).toBe("2021-03-05 14:22:10");
    expect(parseDateCell(0)).toBeNaN();
    expect(parseDateCell(20210305)).toBeNaN();
    expect(parseDateCell(true)).toBeNaN();
  });

  test("a deadline without a time of day lasts to the end of the day", () => {
    expect(formatTimestamp(parseDateCell("2021-03-05", true))).toBe("2021-03-05 23:59:59");
    expect(formatTimestamp(parseDateCell(44260, true))).toBe("2021-03-05 23:59:59");
    expect(formatTimestamp(parseDateCell("2021-03-05 00:00:00", true))).toBe("2021-03-05 00:00:00");
  });
});

describe("values", () => {
  test.each([
    ["是", true], ["否", false], ["Y", true], ["n", false], ["yes", true], ["NO", false], ["1", true], ["0", false],
    ["TRUE", true], ["false", false], [true, true], [false, false], [1, true], [0, false], ["", false], [null, false], [" 是 ", true], ["Ｙ", true],
  ])("yes/no %j", (value, expected) => expect(parseYesNo(value)).toBe(expected));

  test.each(["可能", "2", 2, "是的"])("yes/no unreadable %j", (value) => expect(parseYesNo(value)).toBeUndefined());

  test.each([["满意", 1], ["基本满意", 2], ["不满意", 3], ["未回访", 0], ["拒访", 4], ["无法联系", 5], ["", 0], [null, 0], [" 不 满意 ", 3]] as const)(
    "callback %j",
    (value, expected) => expect(parseCallback(value)).toBe(expected),
  );

  test.each(["很好", "满意吧", 5, true])("callback unreadable %j", (value) => expect(parseCallback(value)).toBeUndefined());

  // Spec F: the platforms' common wording.
  test.each([
    ["拒绝回访", "拒访"], ["拒绝评价", "拒访"], ["非常满意", "满意"], ["未接通", "无法联系"], ["空号", "无法联系"],
  ])("callback %s = %s", (value, name) => expect(CALLBACK_RESULTS[parseCallback(value) as number]).toBe(name));
});

describe("parsePeriod", () => {
  test.each([
    ["2021", "year", 1, 12, "2021", "2021年度"],
    ["2021年", "year", 1, 12, "2021", "2021年度"],
    ["2021Q1", "quarter", 1, 3, "2021Q1", "2021年第一季度"],
    ["2021q4", "quarter", 10, 3, "2021Q4", "2021年第四季度"],
    ["2021-Q2", "quarter", 4, 3, "2021Q2", "2021年第二季度"],
    ["2021年第三季度", "quarter", 7, 3, "2021Q3", "2021年第三季度"],
    ["2021-03", "month", 3, 1, "2021-03", "2021年3月"],
    ["2021-3", "month", 3, 1, "2021-03", "2021年3月"],
    ["2021年12月", "month", 12, 1, "2021-12", "2021年12月"],
    ["202103", "month", 3, 1, "2021-03", "2021年3月"],
  ])("%s", (text, kind, firstMonth, months, label, name) => {
    expect(parsePeriod(text)).toEqual({ kind, year: 2021, firstMonth, months, label, name });
  });

  test.each(["2021-13", "2021Q5", "21", "", "明年", "2021-00", "20213"])("bad period %j", (text) => {
    expect(() => parsePeriod(text)).toThrow(LedgerError);
    expect(() => parsePeriod(text)).toThrow(/考核期间.*无法识别/u);
  });
});

describe("month arithmetic", () => {
  test("monthIndexOf agrees with Date for any second from 1990 to 2100", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2100, 11, 31, 23, 59, 59) / 1000 }), (s) => {
        const d = new Date(s * 1000);
        expect(monthIndexOf(s)).toBe(d.getUTCFullYear() * 12 + d.getUTCMonth());
      }),
      { numRuns: 5000 },
    );
  });

  test("month boundaries: the last second of a month and the first of the next", () => {
    for (let m = 0; m < 24; m++) {
      const start = Date.UTC(2021, m, 1) / 1000;
      expect(monthIndexOf(start)).toBe(2021 * 12 + m);
      expect(monthIndexOf(start - 1)).toBe(2021 * 12 + m - 1);
    }
  });
});

test("problemCell names the cell as Excel does", () => {
  expect(problemCell({ columnIndex: 0, row: 2 })).toBe("A2");
  expect(problemCell({ columnIndex: 25, row: 9 })).toBe("Z9");
  expect(problemCell({ columnIndex: 26, row: 10 })).toBe("AA10");
  expect(problemCell({ columnIndex: 701, row: 1 })).toBe("ZZ1");
  expect(problemCell({ columnIndex: 702, row: 1 })).toBe("AAA1");
});
