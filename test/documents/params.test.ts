/** The documents' 参数 rows (spec J): defaults, accepted values, and a listed problem (with its cell) for a bad one. */
import { DEFAULT_SETTINGS, readDocSettings, serialDate, signDate, textDate } from "../../src/documents/params";

describe("参数 of the documents", () => {
  test("absent or blank rows take the defaults of spec J", () => {
    const { settings, problems } = readDocSettings({ red: { value: null, cell: "B20" }, title: { value: "  " } }, "参数");
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      title: "安康市12345政务服务便民热线工单办理情况通报（{年}年第{月}期）", red: 5, black: 3, blackScope: "分类",
      issuer: "安康市行政审批服务局", recipient: "市考核办",
    });
    expect(signDate(settings, new Date(2021, 3, 5))).toBe("2021年4月5日");
  });

  test("values as typed: numbers as text, 全部, an Excel date or a written date", () => {
    const { settings, problems } = readDocSettings({
      red: { value: "3" }, black: { value: 0 }, blackScope: { value: " 全部 " }, date: { value: 44291 }, issuer: { value: "安康市12345热线中心" },
    }, "参数");
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ red: 3, black: 0, blackScope: "全部", date: [2021, 4, 5], issuer: "安康市12345热线中心" });
    expect(serialDate(44291)).toEqual([2021, 4, 5]);
    expect(textDate("2021年4月5日")).toEqual([2021, 4, 5]);
    expect(textDate("2021-02-30")).toBeUndefined();
  });

  test("a bad value is a problem at its cell and the default is used", () => {
    const { settings, problems } = readDocSettings({
      red: { value: 0, cell: "B18" }, black: { value: 2.5, cell: "B19" }, blackScope: { value: "部分", cell: "B20" },
      date: { value: "下周一", cell: "B22" }, title: { value: "第{期}期", cell: "B17" }, recipient: { value: 12, cell: "B23" },
    }, "参数");
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems.map((p) => p.cell)).toEqual(["B17", "B18", "B19", "B20", "B23", "B22"]);
    expect(problems[0].message).toContain("只能使用{年}和{月}");
    expect(problems[1].message).toBe("参数“红榜人数”的值“0”无法识别：应为1—99的整数。已按默认值处理。");
    expect(problems.every((p) => p.sheet === "参数")).toBe(true);
  });
});
