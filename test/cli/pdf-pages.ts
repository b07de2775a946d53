/**
 * Reading printed pages with poppler-utils (pdfinfo, pdftotext), for the tests of the written report (spec H, J),
 * and printing a single sheet of a workbook with LibreOffice.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { findSoffice } from "../../src/cli/pdf";
import { REGISTRY_2021 } from "../../src/engine";

const has = (bin: string) => spawnSync("sh", ["-c", `command -v ${bin}`]).status === 0;
/** LibreOffice and poppler-utils are installed (.ci/run installs both). */
export const pdfToolsReady = findSoffice() !== undefined && has("pdfinfo") && has("pdftotext");

export const A4 = { long: 841.89, short: 595.3 };
/** Spec J: workbook pages print with a median word-box height of at least 7 pt. */
export const LEGIBLE_PT = 7;
export const OFFICIAL_TITLE = "2021年度12345热线工单办理情况减分指标考核表";

export interface Page { readonly width: number; readonly height: number; readonly text: string }

/** Width × height (points) and text of every page. */
export function pages(pdf: string): Page[] {
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
export function medianWordHeights(pdf: string): number[] {
  const html = spawnSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).stdout;
  return html.split("<page ").slice(1).map((page) => {
    const heights = [...page.matchAll(/<word [^>]*yMin="([\d.]+)"[^>]*yMax="([\d.]+)"/g)]
      .map((m) => Number(m[2]) - Number(m[1])).sort((a, b) => a - b);
    if (heights.length === 0) return 0;
    const mid = heights.length >> 1;
    return heights.length % 2 === 1 ? heights[mid] : (heights[mid - 1] + heights[mid]) / 2;
  });
}

/**
 * A copy of the workbook `from` at `to` in which only `sheet` is visible and active: LibreOffice prints no hidden
 * sheet, so converting the copy prints that sheet alone, with its own page setup (a ledger year's 月度考核 takes
 * most of a whole workbook's conversion).
 */
export function onlySheet(from: string, to: string, sheet: string): void {
  const files = unzipSync(readFileSync(from));
  let index = -1;
  let at = 0;
  const xml = strFromU8(files["xl/workbook.xml"]).replace(/<sheet [^>]*\/>/g, (tag) => {
    const mine = tag.includes(`name="${sheet}"`);
    if (mine) index = at;
    at++;
    const state = mine ? "visible" : "hidden";
    return / state="[^"]*"/.test(tag) ? tag.replace(/ state="[^"]*"/, ` state="${state}"`) : tag.replace("<sheet ", `<sheet state="${state}" `);
  });
  if (index < 0) throw new Error(`no sheet ${sheet}`);
  const views = `<bookViews><workbookView activeTab="${index}" firstSheet="${index}"/></bookViews>`;
  files["xl/workbook.xml"] = strToU8(xml.replace(/<bookViews>[\s\S]*?<\/bookViews>/, "").replace("<sheets>", `${views}<sheets>`));
  writeFileSync(to, zipSync(files));
}

/**
 * Spec H for the pages of the official table: 2 to 4 landscape A4 pages, the title and header and a page number
 * (第 N 页 共 M 页) on each, every unit on them, and the issuing unit's line closing the table.
 */
export function expectOfficialTablePages(official: readonly Page[]): void {
  expect(official.length).toBeGreaterThanOrEqual(2);
  expect(official.length).toBeLessThanOrEqual(4);
  for (const [i, page] of official.entries()) {
    expect([i, Math.round(page.width), Math.round(page.height)]).toEqual([i, Math.round(A4.long), Math.round(A4.short)]);
    expect([i, page.text.includes(OFFICIAL_TITLE), page.text.includes("单位名称")]).toEqual([i, true, true]);
    expect(page.text).toMatch(/第 \d+ 页 共 \d+ 页/);
  }
  const text = official.map((p) => p.text).join("\n").replace(/\s+/g, "");
  for (const org of REGISTRY_2021.hotlineUnits()) expect([org.name, text.includes(org.name)]).toEqual([org.name, true]);
  expect(official[official.length - 1].text).toContain("安康市行政审批服务局");
}
