import { DEFAULT_INPUT, DEFAULT_TEMPLATE_OUTPUT, OPTIONS, defaultOutput, parseArgv, parseCommand } from "../../src/cli/args";

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
    expect(parseCommand(["--template", "-o", "t.xlsx"])).toEqual({ ok: true, value: { kind: "template", output: "t.xlsx" } });
    expect(parseCommand(["--template"])).toEqual({ ok: true, value: { kind: "template", output: DEFAULT_TEMPLATE_OUTPUT } });
    expect(parseCommand(["-h"])).toEqual({ ok: true, value: { kind: "help" } });
    expect(parseCommand(["x.txt", "--help"])).toEqual({ ok: true, value: { kind: "help" } });
  });

  it.each([
    [["--ledger", "x.csv"], "未知选项“--ledger”。"],
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
    expect(OPTIONS.map((o) => o.key)).toEqual(["help", "output", "template"]);
    expect(parseArgv(["--", "-odd.xlsx"])).toEqual({ ok: true, value: { positionals: ["-odd.xlsx"], options: {} } });
  });
});
