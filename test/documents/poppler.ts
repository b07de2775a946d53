/** Pages of a PDF as poppler reads them (pdftotext -bbox): size and word boxes in points. */
import { spawnSync } from "node:child_process";

export interface Word { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number; readonly text: string }
export interface Page { readonly width: number; readonly height: number; readonly words: readonly Word[] }

export const hasPoppler = () => spawnSync("sh", ["-c", "command -v pdftotext"]).status === 0;

export function readPages(pdf: string): Page[] {
  const html = spawnSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).stdout;
  return html.split("<page ").slice(1).map((chunk) => {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk) as RegExpExecArray;
    const words = [...chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5] }));
    return { width: Number(size[1]), height: Number(size[2]), words };
  });
}

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? 0 : sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const MM = 72 / 25.4;
