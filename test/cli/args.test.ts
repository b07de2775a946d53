import { DEFAULT_INPUT, DEFAULT_TEMPLATE_OUTPUT, OPTIONS, defaultOutput, parseArgv, parseCommand, parseMap } from "../../src/cli/args";
import { CLI_MSG } from "../../src/cli/messages";

describe("parseCommand", () => {
  it("defaults: the bundled sample, written under out/", () => {
    expect(parseCommand([])).toEqual({ ok: true, value: { kind: "assess", input: DEFAULT_INPUT, output: "out/ankang-2021-sample-result.xlsx" } });
    expect(defaultOutput("data/考核2021.xlsx")).toBe("out/考核2021-result.xlsx");
  });

  it("an input and -o / --output / --output=", () => {
    for (const argv of [["in.xlsx", "-o", "r.xlsx"], ["-o", "r.xlsx", "in.xlsx"], ["in.xlsx", "--output", "r.xlsx"], ["in.xlsx", "--output=r.xlsx"]]) {
      expect(parseCommand(argv)).toEqual({ ok: true, value: { kind: "assess", input: "in.xlsx", output: "r.xlsx" } });
    }
  });

  it("--template, --help", () => {
    expect(parseCommand(["--template", "-o", "t.xlsx"])).toEqual({ ok: true, value: { kind: "template", output: "t.xlsx", force: false } });
    expect(parseCommand(["--template"])).toEqual({ ok: true, value: { kind: "template", output: DEFAULT_TEMPLATE_OUTPUT, force: false } });
    expect(parseCommand(["--template", "--force", "-o", "t.xlsx"])).toEqual({ ok: true, value: { kind: "template", output: "t.xlsx", force: true } });
    expect(parseCommand(["-h"])).toEqual({ ok: true, value: { kind: "help" } });
    expect(parseCommand(["x.txt", "--help"])).toEqual({ ok: true, value: { kind: "help" } });
  });

  it.each([
    [["-x"], "未知选项“-x”。"],
    [["--template=1"], "未知选项“--template=1”。"],
    [["-o"], "选项“-o”后应跟一个值。"],
    [["-o", "--template"], "选项“-o”后应跟一个值。"],
    [["a.xlsx", "b.xlsx"], "只能给出一个输入文件，收到2个：a.xlsx、b.xlsx。"],
    [["data.csv"], "“data.csv”不是 .xlsx 文件：请给出 Excel 工作簿（.xlsx）。"],
    [["a.xlsx", "-o", "b.csv"], "输出文件“b.csv”应以 .xlsx 结尾。"],
    [["--template", "a.xlsx"], "--template 不读取输入文件：请去掉输入文件名。"],
  ])("%j is a usage error in Chinese", (argv, message) => {
    expect(parseCommand(argv)).toEqual({ ok: false, message });
  });

  it("options are a table: one entry per flag", () => {
    expect(OPTIONS.map((o) => o.key)).toEqual(["help", "output", "template", "force", "ledger", "period", "drill", "map", "replaceTyped", "maxPartMb", "pdf", "method", "bulletin", "report"]);
    expect(parseArgv(["--", "-odd.xlsx"])).toEqual({ ok: true, value: { positionals: ["-odd.xlsx"], options: {} } });
  });
});

describe("parseCommand: --method", () => {
  it("goes with an input workbook, with a ledger, or with both; never with --template", () => {
    expect(parseCommand(["in.xlsx", "--method", "办法2026.xlsx", "-o", "r.xlsx"])).toEqual({
      ok: true, value: { kind: "assess", input: "in.xlsx", output: "r.xlsx", method: "办法2026.xlsx" },
    });
    expect(parseCommand(["--ledger", "l.csv", "--method=m.xlsx"])).toEqual({
      ok: true, value: { kind: "assess", input: null, output: "out/l-result.xlsx", ledger: { file: "l.csv" }, method: "m.xlsx" },
    });
    expect(parseCommand(["--template", "--method", "m.xlsx"])).toEqual({
      ok: true, value: { kind: "template", output: "out/ankang-2021-template.xlsx", force: false, method: "m.xlsx" },
    });
    expect(parseCommand(["--method", "m.csv"])).toEqual({ ok: false, message: expect.stringContaining("办法文件“m.csv”不是 .xlsx 文件") });
  });
});

describe("parseCommand: --ledger", () => {
  it("without an input workbook: a fresh template, the output named after the ledger", () => {
    expect(parseCommand(["--ledger", "data/工单2021.csv"])).toEqual({
      ok: true, value: { kind: "assess", input: null, output: "out/工单2021-result.xlsx", ledger: { file: "data/工单2021.csv" } },
    });
  });

  it("--replace-typed: consent to replace values typed into 热线数据 (spec I); the help says what it does and its exit code", () => {
    expect(parseCommand(["in.xlsx", "--ledger", "l.csv", "--replace-typed"])).toMatchObject({ ok: true, value: { ledger: { file: "l.csv", replaceTyped: true } } });
    expect(parseCommand(["in.xlsx", "--ledger", "l.csv"])).toMatchObject({ ok: true, value: { ledger: { file: "l.csv" } } });
    expect(parseCommand(["in.xlsx", "--ledger", "l.csv"])).not.toMatchObject({ value: { ledger: { replaceTyped: true } } });
    expect(CLI_MSG.usage).toMatch(/--replace-typed {2}同意替换“热线数据”中手工填写的数字/u);
    expect(CLI_MSG.usage).toContain("导入会替换“热线数据”中手工填写的数字而未加 --replace-typed（均不写出任何文件）");
  });

  it("--map given twice keeps both answers", () => {
    const parsed = parseCommand(["--ledger", "l.csv", "--map", "处置单位=承办单位", "--map", "回访情况=回访结果"]);
    expect(parsed).toMatchObject({ ok: true, value: { ledger: { map: { 处置单位: "承办单位", 回访情况: "回访结果" } } } });
  });

  it("with an input, a period, a drill-down unit and header answers", () => {
    const parsed = parseCommand(["in.xlsx", "--ledger", "l.xlsx", "--period", "2021Q1", "--drill", "汉滨区", "--map", "受理号=工单编号，处理部门＝承办单位", "-o", "r.xlsx"]);
    expect(parsed).toEqual({
      ok: true,
      value: {
        kind: "assess", input: "in.xlsx", output: "r.xlsx",
        ledger: {
          file: "l.xlsx", period: expect.objectContaining({ kind: "quarter", year: 2021, firstMonth: 1, label: "2021Q1" }), drill: "汉滨区",
          map: { 受理号: "工单编号", 处理部门: "承办单位" },
        },
      },
    });
    expect(parseCommand(["--ledger", "l.csv", "--period=2021-03"])).toMatchObject({ ok: true, value: { ledger: { period: { label: "2021-03" } } } });
    expect(parseMap("备注=忽略")).toEqual({ ok: true, value: { 备注: "忽略" } });
  });

  it.each([
    [["--ledger", "l.csv", "--period", "2021Q5"], "考核期间“2021Q5”无法识别，应写作年度（如 2021）、季度（如 2021Q1）或月份（如 2021-03）"],
    [["--period", "2021"], "选项“--period”需与 --ledger 一起使用。"],
    [["--drill", "汉滨区"], "选项“--drill”需与 --ledger 一起使用。"],
    [["--template", "--ledger", "l.csv"], "--template 不导入工单：请去掉 --ledger、--period、--drill、--map 或 --replace-typed。"],
    [["--replace-typed"], "选项“--replace-typed”需与 --ledger 一起使用。"],
    [["--ledger", "l.csv", "--replace-typed=yes"], "未知选项“--replace-typed=yes”。"],
    [["--ledger", "l.csv", "--map", "受理号"], "--map 的值“受理号”无法识别：应写作 表头=列，多个用逗号分隔，列为工单编号、承办单位等或“忽略”。"],
    [["--ledger", "l.csv", "--map", "受理号=编号啊"], "--map 中的列“编号啊”不是工单明细的列"],
    [["--ledger"], "选项“--ledger”后应跟一个值。"],
    [["data.csv", "--ledger", "l.csv"], "“data.csv”不是 .xlsx 文件"],
  ])("%j is a usage error in Chinese", (argv, message) => {
    const parsed = parseCommand(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });
});

describe("--max-part-mb", () => {
  it("raises the reader's part limit; anything but a positive number is a usage error", () => {
    const ok = parseCommand(["in.xlsx", "--max-part-mb", "8192"]);
    expect(ok.ok && ok.value.kind === "assess" && ok.value.limits).toEqual({ maxPartBytes: 8192 * 1024 * 1024 });
    expect(parseCommand(["in.xlsx", "--max-part-mb", "0"])).toEqual({ ok: false, message: "--max-part-mb 应为正数（单位 MB），收到“0”。" });
    expect(parseCommand(["in.xlsx", "--max-part-mb=很多"])).toEqual({ ok: false, message: "--max-part-mb 应为正数（单位 MB），收到“很多”。" });
  });
});

describe("--map accepts every target column (spec F)", () => {
  it.each(["工单编号", "承办单位", "派单时间", "办理时限", "办结时间", "是否退单", "是否申请延期", "回访结果", "忽略"])("--map 表头=%s", (column) => {
    expect(parseMap(`表头=${column}`)).toEqual({ ok: true, value: { 表头: column } });
  });
});

describe("--pdf", () => {
  it("goes with a computation (with or without --ledger), never with --template", () => {
    expect(parseCommand(["a.xlsx", "--pdf"])).toMatchObject({ ok: true, value: { kind: "assess", input: "a.xlsx", pdf: true } });
    expect(parseCommand(["--ledger", "x.csv", "--pdf"])).toMatchObject({ ok: true, value: { kind: "assess", pdf: true } });
    expect(parseCommand(["a.xlsx"])).toMatchObject({ ok: true, value: { kind: "assess" } });
    expect((parseCommand(["a.xlsx"]) as { value: { pdf?: boolean } }).value.pdf).toBeUndefined();
    expect(parseCommand(["--template", "--pdf"])).toMatchObject({ ok: false });
  });
});
