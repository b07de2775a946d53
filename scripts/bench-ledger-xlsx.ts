/**
 * Why the .xlsx reader scans the sheet XML by hand: times the same inflated sheet through the scanner
 * (src/xlsx/sheet-scanner.ts) and through saxes building the same cell arrays.
 *   npx tsx scripts/bench-ledger-xlsx.ts /tmp/ledger-200k.xlsx
 */
import { SaxesParser } from "saxes";
import { SheetByteScanner } from "../src/xlsx/sheet-scanner";
import type { ScannedRow as SourceRow, ScannedCell as LedgerCell } from "../src/xlsx/sheet-scanner";
import { nodeFile } from "../src/ledger/node";
import { entryChunks, readZipDirectory } from "../src/xlsx/zip";

async function main(): Promise<void> {
  const file = await nodeFile(process.argv[2]);
  const entries = await readZipDirectory(file);
  const entry = entries.get("xl/worksheets/sheet1.xml")!;
  let t = Date.now();
  const raw: Uint8Array[] = [];
  for await (const chunk of entryChunks(file, entry)) raw.push(chunk.slice());
  const inflateMs = Date.now() - t;

  t = Date.now();
  const scanner = new SheetByteScanner([]);
  let scanned = 0;
  for (const chunk of raw) {
    const rows: SourceRow[] = [];
    scanner.feed(chunk, false, rows);
    scanned += rows.length;
  }
  const scanMs = Date.now() - t;

  const chunks: string[] = [];
  const decoder = new TextDecoder();
  for (const chunk of raw) chunks.push(decoder.decode(chunk, { stream: true }));
  const chars = chunks.reduce((n, c) => n + c.length, 0);

  t = Date.now();
  const parser = new SaxesParser({ position: false });
  let saxRows = 0;
  let cells: LedgerCell[] = [];
  let col = -1;
  let inValue = false;
  let type: string | undefined;
  let text = "";
  parser.on("opentag", (tag) => {
    if (tag.name === "row") { cells = []; col = -1; }
    else if (tag.name === "c") { const r = tag.attributes.r as string | undefined; col = r ? r.charCodeAt(0) - 65 : col + 1; type = tag.attributes.t as string | undefined; }
    else if (tag.name === "v" || tag.name === "t") { inValue = true; text = ""; }
  });
  parser.on("text", (value) => { if (inValue) text += value; });
  parser.on("closetag", (tag) => {
    if (tag.name === "v" || tag.name === "t") { inValue = false; cells[col] = type === undefined || type === "n" ? Number(text) : text; }
    else if (tag.name === "row") saxRows++;
  });
  for (const chunk of chunks) parser.write(chunk);
  parser.close();
  const saxMs = Date.now() - t;
  await file.close();
  console.log(JSON.stringify({ sheetChars: chars, inflateMs: inflateMs, scannerMs: scanMs, scannerRows: scanned, saxesMs: saxMs, saxesRows: saxRows }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
