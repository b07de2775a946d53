/** Node edge of the package port (CLI, tests, benchmark): a workbook opened from a path, saved to a path. */
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { XlsxLimits } from "../xlsx/limits";
import { fileSink, nodeFile } from "../xlsx/node-file";
import { PackageWorkbookPort } from "./package-adapter";

export async function openWorkbookFile(path: string, limits?: XlsxLimits): Promise<PackageWorkbookPort> {
  return PackageWorkbookPort.fromFile(await nodeFile(path), limits);
}

/** Writes the patched package to `path` (never the file it was read from). */
export async function saveWorkbookFile(port: PackageWorkbookPort, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await port.save(await fileSink(path));
}
