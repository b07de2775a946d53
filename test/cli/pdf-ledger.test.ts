/**
 * The official table of a ledger-imported year on paper (spec H): 77 units on at most 4 landscape A4 pages, each
 * page legible (spec J: median poppler word-box height at least 7 pt). A ledger year gives nearly every unit a
 * rate deduction; quoting every clause in every row printed it on 8 pages. Only that sheet is converted (the
 * year's 月度考核 would make the conversion last minutes). Skipped without LibreOffice or poppler-utils.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT, main } from "../../src/cli/assess";
import { writePdf } from "../../src/cli/pdf";
import { LEGIBLE_PT, expectOfficialTablePages, medianWordHeights, onlySheet, pages, pdfToolsReady, type Page } from "./pdf-pages";

const LEDGER = join(__dirname, "../../samples/ankang-2021-ledger.csv");
/** The 2021 clauses of the rate deductions (附件2), as the method quotes them. */
const CLAUSES = [
  "退单率：按工单总量，退单率低于5%的不扣分；5%—10%扣3分；10%—15%扣6分；超过15%的，扣10分",
  "延期率：按工单总量，延期申请低于5%的不扣分；5%—10%扣3分；10%—15%扣6分；超过15%的，扣10分",
  "群众满意率：回访满意率达到80%的，不扣分；70%—80%的扣10分；60%—70%的扣20分；低于60%的，扣30分",
];

(pdfToolsReady ? describe : describe.skip)("the official table of a ledger-imported year as PDF (LibreOffice)", () => {
  let official: Page[];
  let heights: number[];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "assess-ledger-pdf-"));
    const io = { out: () => undefined, err: () => undefined };
    expect(await main(["--ledger", LEDGER, "--period", "2021", "-o", join(dir, "结果.xlsx")], io)).toBe(EXIT.ok);
    onlySheet(join(dir, "结果.xlsx"), join(dir, "考核表.xlsx"), "12345热线考核表");
    const outcome = await writePdf(join(dir, "考核表.xlsx"));
    expect(outcome.status).toBe("written");
    official = pages(join(dir, "考核表.pdf"));
    heights = medianWordHeights(join(dir, "考核表.pdf"));
  }, 240_000);

  it("prints on at most 4 landscape A4 pages, title, header and page number on each, every unit on them", () => {
    expectOfficialTablePages(official);
  });

  it("prints every page legibly: median word-box height at least 7 pt (spec J)", () => {
    expect(heights.length).toBe(official.length);
    for (const [i, h] of heights.entries()) expect([i + 1, h, h >= LEGIBLE_PT]).toEqual([i + 1, h, true]);
  });

  it("keeps what a unit needs to appeal: each clause quoted in full on the pages, later rows refer to it by 序号", () => {
    const text = official.map((p) => p.text).join("").replace(/\s+/g, "");
    for (const clause of CLAUSES) expect([clause, text.includes(clause)]).toEqual([clause, true]);
    expect(text).toMatch(/依据见序号\d+/);
  });
});
