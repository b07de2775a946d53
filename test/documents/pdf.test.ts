/**
 * The 通报 and the 报告 through LibreOffice Writer and poppler (spec J): A4 pages (landscape for the wide
 * attachments), the left text edge at 28 mm ± 1 mm, the title on page 1, "— N —" page numbers right on odd
 * and left on even pages, table headers repeated on every page a table continues on, and the 报告's pages
 * legible (median word-box height at least 11 pt). Skipped only when LibreOffice or poppler is absent
 * (.ci/run installs libreoffice-writer and poppler-utils).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT, main } from "../../src/cli/assess";
import { findSoffice, writePdf } from "../../src/cli/pdf";
import { MM, hasPoppler, median, readPages, type Page } from "./poppler";

const ready = findSoffice() !== undefined && hasPoppler();
jest.setTimeout(300_000);

const A4 = { long: 841.89, short: 595.3 };
const joined = (p: Page) => p.words.map((w) => w.text).join("");
/** A page with a table row: a rate such as 97.30%. */
const rated = (p: Page) => p.words.some((w) => /^\d+\.\d\d%$/.test(w.text));
/** Words above the footer (the bottom margin is 35 mm). */
const body = (p: Page) => p.words.filter((w) => w.y1 < p.height - 35 * MM);
const footer = (p: Page) => p.words.filter((w) => w.y0 >= p.height - 35 * MM);

function checkLayout(pages: readonly Page[], title: string): void {
  expect(pages.length).toBeGreaterThan(0);
  for (const p of pages) {
    expect([Math.round(p.width), Math.round(p.height)].sort()).toEqual([Math.round(A4.short), Math.round(A4.long)]);
  }
  expect(joined(pages[0])).toContain(title);
  const leftEdge = (p: Page) => Math.min(...body(p).map((w) => w.x0)) / MM;
  // The text block's left edge: 28 mm (GB/T 9704: 版心 156 mm from a 28 mm left margin), ± 1 mm on page 1.
  expect(Math.abs(leftEdge(pages[0]) - 28)).toBeLessThanOrEqual(1);
  pages.forEach((p, i) => {
    // Nothing left of the text block; a page of table rows starts within the cells' padding (under 2.5 mm).
    expect(leftEdge(p)).toBeGreaterThanOrEqual(27);
    if (rated(p)) expect(leftEdge(p)).toBeLessThanOrEqual(30.5);
    const number = footer(p).filter((w) => w.text === String(i + 1));
    expect(number).toHaveLength(1);
    expect(footer(p).map((w) => w.text).join("")).toBe(`—${i + 1}—`);
    if (i % 2 === 0) expect(number[0].x0).toBeGreaterThan(p.width / 2);
    else expect(number[0].x1).toBeLessThan(p.width / 2);
  });
}

(ready ? describe : describe.skip)("通报 and 报告 as PDF (LibreOffice Writer, poppler)", () => {
  const dir = mkdtempSync(join(tmpdir(), "assess-docs-pdf-"));
  let bulletin: Page[];
  let report: Page[];

  beforeAll(async () => {
    const io = { out: () => undefined, err: () => undefined };
    const argv = [
      "samples/ankang-2021-sample.xlsx", "--ledger", "samples/ankang-2021-ledger.csv", "--period", "2021", "--replace-typed",
      "-o", join(dir, "r.xlsx"), "--bulletin", "2021-03", "--report",
    ];
    expect(await main(argv, io)).toBe(EXIT.ok);
    for (const name of ["r-2021-03-通报", "r-报告"]) {
      const pdf = await writePdf(join(dir, `${name}.docx`));
      expect(pdf.status).toBe("written");
    }
    bulletin = readPages(join(dir, "r-2021-03-通报.pdf"));
    report = readPages(join(dir, "r-报告.pdf"));
  });

  test("通报: A4 portrait, 28 mm left edge, title on page 1, page numbers alternating sides", () => {
    checkLayout(bulletin, "安康市12345政务服务便民热线工单办理情况通报（2021年第3期）");
    for (const p of bulletin) expect(p.width).toBeLessThan(p.height);
  });

  test("报告: the same layout; attachments in landscape sections", () => {
    checkLayout(report, "关于报送2021年度12345热线工单办理情况及审批服务便民化工作考核结果的报告");
    expect(report[0].width).toBeLessThan(report[0].height);
    expect(report.some((p) => p.width > p.height && joined(p).includes("附件1"))).toBe(true);
  });

  test("every page a table continues on repeats its header row", () => {
    // 通报: a page with a unit's row shows the header's 较上月.
    const bulletinTables = bulletin.filter(rated);
    expect(bulletinTables.length).toBeGreaterThan(1);
    for (const p of bulletinTables) expect(joined(p)).toContain("较上月");
    // 报告 附件1: more than one page of the official table, each with its header (类别内排名).
    const official = report.filter((p) => p.width > p.height && rated(p));
    expect(official.length).toBeGreaterThan(1);
    for (const p of official) expect(joined(p)).toContain("类别内排名");
  });

  test("legible: the 报告's pages have a median word-box height of at least 11 pt (the 通报's too)", () => {
    for (const p of report) expect(median(p.words.map((w) => w.y1 - w.y0))).toBeGreaterThanOrEqual(11);
    for (const p of bulletin) expect(median(p.words.map((w) => w.y1 - w.y0))).toBeGreaterThanOrEqual(11);
  });
});
