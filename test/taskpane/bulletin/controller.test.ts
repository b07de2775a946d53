/**
 * 生成月度通报 in the task pane: the sheet 月度通报 (A4 portrait) with the same lists as the .docx, the .docx
 * offered on Excel on the web only, a month 月度考核 does not hold named, and 校验 errors making a 草稿.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT, main } from "../../../src/cli/assess";
import { ExcelJsWorkbookPort } from "../../../src/workbook/adapters/exceljs";
import { BulletinController, type BulletinView, type Platform } from "../../../src/taskpane/bulletin/controller";
import { ActionLock } from "../../../src/taskpane/shared/lock";

jest.setTimeout(120_000);

function fakeView() {
  const statuses: { text: string; kind: string }[] = [];
  const downloads: ({ name: string; bytes: Uint8Array } | null)[] = [];
  const view: BulletinView = {
    status: (text, kind) => statuses.push({ text, kind }), busy: () => undefined, progress: () => undefined,
    download: (file) => downloads.push(file),
  };
  return { view, statuses, downloads };
}

describe("task pane: 生成月度通报", () => {
  const dir = mkdtempSync(join(tmpdir(), "pane-bulletin-"));
  const workbook = join(dir, "r.xlsx");

  beforeAll(async () => {
    const io = { out: () => undefined, err: () => undefined };
    expect(await main(["--ledger", "samples/ankang-2021-ledger.csv", "--period", "2021", "-o", workbook], io)).toBe(EXIT.ok);
  });

  async function run(platform: Platform, month: string, pendingRow = false) {
    const port = await ExcelJsWorkbookPort.fromFile(workbook);
    // A decision typed in 工单研判 (header on its second row) after the import: 月度考核 does not hold it yet.
    if (pendingRow) await port.apply([{ kind: "values", sheet: "工单研判", row: 2, col: 0, values: [["AK2021030000001", null, "不合理诉求", null, "待定"]] }]);
    const fake = fakeView();
    await new BulletinController({ port, view: fake.view, lock: new ActionLock(), platform, today: () => new Date(2021, 3, 5) }).generate(month);
    return { port, ...fake };
  }

  test("Excel on the web: writes 月度通报 and offers the .docx", async () => {
    const { port, statuses, downloads } = await run("web", "2021-03");
    expect(statuses.at(-1)).toMatchObject({ kind: "ok" });
    const file = downloads.at(-1);
    expect(file?.name).toBe("2021-03-通报.docx");
    expect([...(file?.bytes.slice(0, 2) ?? [])]).toEqual([0x50, 0x4b]);
    const sheet = port.workbook.getWorksheet("月度通报");
    expect(sheet?.getCell("A1").value).toBe("安康市12345政务服务便民热线工单办理情况通报（2021年第3期）");
    expect(sheet?.pageSetup.orientation).toBe("portrait");
    expect(sheet?.pageSetup.paperSize).toBe(9);
    const texts: string[] = [];
    sheet?.eachRow((row) => texts.push(String(row.getCell(1).value ?? "")));
    expect(texts.some((t) => t.startsWith("红榜　县区："))).toBe(true);
    expect(texts).toContain("安康市行政审批服务局　2021年4月5日");
    // The import's 月度考核 holds the month's pending decisions (待定研判): the sample has none.
    expect(texts).toContain("五、其他事项　本月无待定研判。");
  });

  test("desktop: the sheet only, and the pane points to the web version and the command line; a decision typed after the import makes a 草稿", async () => {
    const { port, statuses, downloads } = await run("desktop", "2021-03", true);
    expect(downloads.filter((d) => d !== null)).toEqual([]);
    expect(statuses.at(-1)).toMatchObject({ kind: "error", text: expect.stringContaining("命令行") });
    expect(String(port.workbook.getWorksheet("月度通报")?.getCell("A1").value)).toContain("（草稿）");
  });

  test("a month 月度考核 does not hold, or no month at all", async () => {
    expect((await run("web", "2022-05")).statuses.at(-1)).toEqual({ kind: "error", text: expect.stringContaining("月度考核中没有2022年5月的数据") });
    expect((await run("web", "")).statuses.at(-1)?.kind).toBe("error");
  });
});
