/**
 * `npm run assess -- --pdf` (spec H): the written report, converted by LibreOffice. The official table of the
 * sample prints on at most 4 landscape A4 pages, its title and header on every one, page numbers in the
 * footer; the whole workbook on far fewer pages than the 30 it took before the sheets had a print setup, and
 * every page legible as spec J measures it: the median height of poppler's word boxes at least 7 pt (便民化考核,
 * whose long 扣分说明 spilled out of its column unwrapped, printed at 2.3 pt). Pages are read with poppler-utils
 * (pdfinfo, pdftotext). Skipped when LibreOffice or poppler-utils is not installed (.ci/run installs both).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT, main, type Io } from "../../src/cli/assess";
import { findSoffice, writePdf } from "../../src/cli/pdf";
import { REGISTRY_2021 } from "../../src/engine";

const has = (bin: string) => spawnSync("sh", ["-c", `command -v ${bin}`]).status === 0;
const ready = findSoffice() !== undefined && has("pdfinfo") && has("pdftotext");

function capture(): { io: Io; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l) => out.push(l), err: (l) => err.push(l) }, out, err };
}

/** Width × height (points) and text of every page. */
function pages(pdf: string): { width: number; height: number; text: string }[] {
  const info = spawnSync("pdfinfo", ["-l", "1000", pdf], { encoding: "utf8" }).stdout;
  return [...info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({
    width: Number(m[2]), height: Number(m[3]),
    text: spawnSync("pdftotext", ["-f", m[1], "-l", m[1], "-raw", pdf, "-"], { encoding: "utf8" }).stdout,
  }));
}

/**
 * The median height (points) of the word boxes on each page, as `pdftotext -bbox` gives them: the page's
 * typical printed text size (about 1.0–1.3 × the font size as scaled on paper).
 */
function medianWordHeights(pdf: string): number[] {
  const html = spawnSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).stdout;
  return html.split("<page ").slice(1).map((page) => {
    const heights = [...page.matchAll(/<word [^>]*yMin="([\d.]+)"[^>]*yMax="([\d.]+)"/g)]
      .map((m) => Number(m[2]) - Number(m[1])).sort((a, b) => a - b);
    if (heights.length === 0) return 0;
    const mid = heights.length >> 1;
    return heights.length % 2 === 1 ? heights[mid] : (heights[mid - 1] + heights[mid]) / 2;
  });
}

const A4 = { long: 841.89, short: 595.3 };
/** Spec J: workbook pages print with a median word-box height of at least 7 pt. */
const LEGIBLE_PT = 7;
const TITLE = "2021年度12345热线工单办理情况减分指标考核表";

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
    expect(official.length).toBeGreaterThanOrEqual(2);
    expect(official.length).toBeLessThanOrEqual(4);
    for (const [i, page] of official.entries()) {
      expect([i, Math.round(page.width), Math.round(page.height)]).toEqual([i, Math.round(A4.long), Math.round(A4.short)]);
      expect(page.text).toContain("单位名称");
      expect(page.text).toMatch(/第 \d+ 页 共 \d+ 页/);
    }
    // Every unit is on those pages, and the issuing unit's line closes the table.
    const text = official.map((p) => p.text).join("\n").replace(/\s+/g, "");
    for (const org of REGISTRY_2021.hotlineUnits()) expect([org.name, text.includes(org.name)]).toEqual([org.name, true]);
    expect(official[official.length - 1].text).toContain("安康市行政审批服务局");
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
