/**
 * --pdf: the written report as PDF, next to the .xlsx, converted by LibreOffice (soffice --headless). Each
 * conversion has a profile directory of its own, so that runs side by side do not wait for each other's
 * lock (or fail on it); the directory is removed afterwards.
 */
import { execFile } from "node:child_process";
import { accessSync, constants, existsSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { CLI_MSG } from "./messages";

export type PdfOutcome =
  | { readonly status: "written"; readonly pdf: string }
  | { readonly status: "noLibreOffice" }
  | { readonly status: "failed"; readonly reason: string };

/** Converting a workbook of a few sheets takes seconds; this bounds a hung LibreOffice. */
const TIMEOUT_MS = 180_000;

/** The LibreOffice executable: $SOFFICE, else soffice or libreoffice on PATH; undefined when there is none. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SOFFICE) return isExecutable(env.SOFFICE) ? env.SOFFICE : undefined;
  const names = process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  for (const dir of (env.PATH ?? "").split(delimiter).filter(Boolean)) {
    for (const name of names) if (isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The PDF's path for a workbook: same folder, same name, .pdf. */
export function pdfPathOf(xlsx: string): string {
  return join(dirname(xlsx), `${basename(xlsx, extname(xlsx))}.pdf`);
}

/** Converts `xlsx` (an absolute path) to PDF beside it. */
export async function writePdf(xlsx: string, env: NodeJS.ProcessEnv = process.env): Promise<PdfOutcome> {
  const soffice = findSoffice(env);
  if (!soffice) return { status: "noLibreOffice" };
  const profile = await mkdtemp(join(tmpdir(), "assess-soffice-"));
  const pdf = pdfPathOf(xlsx);
  const before = existsSync(pdf) ? statSync(pdf).mtimeMs : -1;
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(soffice, [
        `-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore",
        "--convert-to", "pdf", "--outdir", dirname(xlsx), xlsx,
      ], { timeout: TIMEOUT_MS, env }, (error, _stdout, stderr) => {
        if (error) reject(new Error(String(stderr).trim() || error.message));
        else resolve();
      });
    });
    if (!existsSync(pdf) || statSync(pdf).mtimeMs <= before) return { status: "failed", reason: CLI_MSG.pdfNotWritten };
    return { status: "written", pdf };
  } catch (error) {
    return { status: "failed", reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
