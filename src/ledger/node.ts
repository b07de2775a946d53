/** Node entry points (CLI, benchmark): ledger files and streams. Not imported by the task pane. */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { csvRows } from "./csv-reader";
import { aggregateLedger, type LedgerImport } from "./import";
import { detectLedgerKind, readRandomAccess, type ReadLedgerOptions } from "./read-ledger";
import { nodeFile, zlibInflate } from "../xlsx/node-file";
import { bytesFile } from "../xlsx/zip";
import { xlsxRowVisits } from "./xlsx-rows";

export { nodeFile, zlibInflate, type NodeFile } from "../xlsx/node-file";

/** Reads a .csv or .xlsx ledger file (kind decided by content). CSV is streamed; .xlsx is read part by part. */
export async function readLedgerFile(path: string, options: ReadLedgerOptions): Promise<LedgerImport> {
  const opts = { fileName: path, ...options };
  const file = await nodeFile(path);
  try {
    const kind = detectLedgerKind(await file.read(0, Math.min(8, file.size)), path);
    if (kind === "xlsx") return await aggregateLedger(xlsxRowVisits(file, opts), opts);
  } finally {
    await file.close();
  }
  const { size } = await stat(path);
  return aggregateLedger(csvRows(createReadStream(path, { highWaterMark: 1 << 20 }), { ...opts, totalBytes: size }), opts);
}

/**
 * Reads a ledger from a byte stream (e.g. stdin). CSV is streamed; an .xlsx needs random access, so a
 * stream holding one is collected in memory first (its compressed size, not its rows).
 */
export async function readLedgerStream(stream: AsyncIterable<Uint8Array>, options: ReadLedgerOptions): Promise<LedgerImport> {
  const iterator = stream[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? new Uint8Array(0) : first.value;
  if (detectLedgerKind(head, options.fileName) === "xlsx") {
    const parts: Uint8Array[] = [head];
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) parts.push(next.value);
    const bytes = Buffer.concat(parts);
    return readRandomAccess({ ...bytesFile(bytes), inflateRaw: zlibInflate }, options);
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    try {
      if (head.length > 0) yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  }
  return aggregateLedger(csvRows(replay(), options), options);
}
