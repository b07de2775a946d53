/**
 * `npm run assess -- --pdf` (spec H): the written report, converted by LibreOffice. The official table of the
 * sample prints on at most 4 landscape A4 pages, its title and header on every one, page numbers in the
 * footer; the whole workbook on far fewer pages than the 30 it took before the sheets had a print setup, and
 * every page legible as spec J measures it: the median height of poppler's word boxes at least 7 pt (便民化考核,
 * whose long 扣分说明 spilled out of its column unwrapped, printed at 2.3 pt). Pages are read with poppler-utils
 * (pdfinfo, pdftotext). Skipped when LibreOffice or poppler-utils is not installed (.ci/run installs both).
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT, main, type Io } from "../../src/cli/assess";
import { writePdf } from "../../src/cli/pdf";
import { LEGIBLE_PT, OFFICIAL_TITLE as TITLE, expectOfficialTablePages, medianWordHeights, pages, pdfToolsReady as ready } from "./pdf-pages";

function capture(): { io: Io; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l) => out.push(l), err: (l) => err.push(l) }, out, err };
}

(ready ? describe : describe.skip)("the written report as PDF (LibreOffice)", () => {
  let all: ReturnType<typeof pages>;
  let official: ReturnType<typeof pages>;
  let heights: number[];
  let out: string[];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "assess-pdf-"));
    const captured = capture();
    expect(await main(["-o", join(dir, "结果.xlsx"), "--pdf"], captured.io)).toBe(EXIT.ok);
    out = captured.out;
    expect(existsSync(join(dir, "结果.pdf"))).toBe(true);
    all = pages(join(dir, "结果.pdf"));
    heights = medianWordHeights(join(dir, "结果.pdf"));
    official = all.filter((p) => p.text.includes(TITLE));
  }, 240_000);

  it("says where the PDF is", () => {
    expect(out.join("\n")).toContain("PDF 已写入");
  });

  it("prints the official table on at most 4 landscape A4 pages, title, header and page number on each", () => {
    expectOfficialTablePages(official);
  });

  it("prints every page of the workbook legibly: median word-box height at least 7 pt (spec J)", () => {
    expect(heights.length).toBe(all.length);
    const first = (text: string) => text.trim().split("\n")[0];
    for (const [i, h] of heights.entries()) expect([i + 1, first(all[i].text), h >= LEGIBLE_PT]).toEqual([i + 1, first(all[i].text), true]);
    // 便民化考核 among them, with its long 扣分说明 wrapped and whole on the page.
    const approval = all.filter((p) => p.text.includes("审批服务便民化工作减分指标考核"));
    expect(approval.length).toBeGreaterThanOrEqual(1);
    expect(approval.map((p) => p.text).join("").replace(/\s+/g, "")).toContain("一票否决，按上限扣0.5分");
  });

  it("prints the whole workbook on A4, on far fewer pages than the 30 it took before", () => {
    // 18 pages for the sheets of spec E, one each for 工单研判 and 研判汇总 (spec I), and at most 4 for the
    // method sheets 考核办法 and 便民化考核办法 (spec G).
    expect(all.length).toBeLessThanOrEqual(24);
    for (const page of all) expect([Math.round(Math.min(page.width, page.height)), Math.round(Math.max(page.width, page.height))]).toEqual([595, 842]);
  });
});

describe("--pdf without LibreOffice", () => {
  it("says in Chinese how to install it, and writes no PDF", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assess-nopdf-"));
    const outcome = await writePdf(join(dir, "a.xlsx"), { PATH: join(dir, "empty") });
    expect(outcome).toEqual({ status: "noLibreOffice" });
    const { CLI_MSG } = await import("../../src/cli/messages");
    expect(CLI_MSG.pdfNoLibreOffice).toContain("apt-get install libreoffice-calc");
  });
});
