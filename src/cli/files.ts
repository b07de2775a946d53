/**
 * A user's file is never destroyed: the output is compared with the inputs as files (device and inode, so a
 * symbolic link, a hard link or another spelling of the same file on a case-insensitive file system is the
 * same file), an existing file is replaced only when asked, and results are written to a temporary file in
 * the same directory and renamed into place (an interrupted run leaves the old file as it was).
 */
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { workbookKindOf, type WorkbookKind } from "../job";

/** A file's identity as the file system gives it (stat follows symbolic links). */
export type StatIdentity = (path: string) => Promise<{ readonly dev: bigint; readonly ino: bigint }>;

// As bigints: a 64-bit file id (NTFS, ReFS) does not fit a double, and two files must never compare equal.
const statIdentity: StatIdentity = (path) => stat(path, { bigint: true });

async function identity(path: string, statOf: StatIdentity): Promise<{ dev: bigint; ino: bigint } | undefined> {
  try {
    const s = await statOf(path);
    return { dev: s.dev, ino: s.ino };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    throw error;
  }
}

/**
 * True when writing `output` would write over `input`: the same file by device and inode, never by the path
 * strings. On a case-insensitive file system another spelling of the input (INPUT.XLSX for Input.xlsx) is
 * found by stat and has the input's inode; an output that does not exist yet is no existing file. `statOf`
 * is the file system (a test models a case-insensitive one).
 */
export async function sameFile(input: string, output: string, statOf: StatIdentity = statIdentity): Promise<boolean> {
  const [a, b] = await Promise.all([identity(input, statOf), identity(output, statOf)]);
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
}

export async function exists(path: string, statOf: StatIdentity = statIdentity): Promise<boolean> {
  return (await identity(path, statOf)) !== undefined;
}

/**
 * Calls `write` with a temporary path next to `path`, then renames it over `path` (atomic on one file
 * system). On failure the temporary file is removed and `path` is untouched.
 */
export async function writeAtomically(path: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temporary = join(dir, `.${basename(path)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp.xlsx`);
  try {
    await write(temporary);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** What a file claimed to be a workbook really is, by its first bytes. */
export async function workbookKind(path: string): Promise<WorkbookKind> {
  const handle = await open(path, "r");
  try {
    const head = new Uint8Array(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return workbookKindOf(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/**
 * A line as it may reach a terminal: control characters other than line feed and tab (an escape sequence
 * in a file name or a cell would be obeyed by the terminal) shown as \xNN.
 */
export function terminalSafe(line: string): string {
  return line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
