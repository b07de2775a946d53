/**
 * Issue 8: output and input are compared as files (device and inode, and case-insensitively where the file
 * system is), never as path strings. Linux file systems here are case-sensitive and a case-insensitive mount
 * needs privileges CI does not have, so a case-insensitive file system (macOS APFS, Windows NTFS, FAT) is
 * modelled: through the `statOf` seam of src/cli/files.ts, and for the command itself by a stat that finds
 * a file under any spelling of its name in its directory, as those systems do.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT, main } from "../../src/cli/assess";
import { exists, sameFile, type StatIdentity } from "../../src/cli/files";
import { SAMPLE } from "../../scripts/hostile/corpus";

jest.setTimeout(120_000);

/** Case-insensitive stat for the files below a directory (others as they are). */
const mockCaseInsensitive = { below: "" };
jest.mock("node:fs/promises", () => {
  const real = jest.requireActual<typeof import("node:fs/promises")>("node:fs/promises");
  const { readdirSync: list } = jest.requireActual<typeof import("node:fs")>("node:fs");
  const { basename: base, dirname: parent, join: joined } = jest.requireActual<typeof import("node:path")>("node:path");
  const spelled = (path: string): string => {
    if (mockCaseInsensitive.below === "" || !path.startsWith(mockCaseInsensitive.below)) return path;
    const name = base(path).toLowerCase();
    const found = list(parent(path)).find((entry) => entry.toLowerCase() === name);
    return found === undefined ? path : joined(parent(path), found);
  };
  return { ...real, stat: (path: string, options?: object) => real.stat(spelled(path), options as never) };
});

/** A case-insensitive file system: names → inode, compared in lower case. */
function caseInsensitive(files: Record<string, bigint>): StatIdentity {
  const byName = new Map(Object.entries(files).map(([name, ino]) => [name.toLowerCase(), ino]));
  return async (path) => {
    const ino = byName.get(path.toLowerCase());
    if (ino === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
    return { dev: 7n, ino };
  };
}

describe("sameFile on a case-insensitive file system (the statOf seam)", () => {
  const fs = caseInsensitive({ "/work/Input.xlsx": 11n, "/work/Other.xlsx": 12n });

  test("another spelling of the input is the input", async () => {
    expect(await sameFile("/work/Input.xlsx", "/work/INPUT.XLSX", fs)).toBe(true);
    expect(await sameFile("/work/Input.xlsx", "/work/input.xlsx", fs)).toBe(true);
  });

  test("another file, or an output that does not exist yet, is not the input", async () => {
    expect(await sameFile("/work/Input.xlsx", "/work/Other.xlsx", fs)).toBe(false);
    expect(await sameFile("/work/Input.xlsx", "/work/Result.xlsx", fs)).toBe(false);
    expect(await exists("/work/RESULT.xlsx", fs)).toBe(false);
    expect(await exists("/work/OTHER.XLSX", fs)).toBe(true);
  });

  test("64-bit file ids (NTFS, ReFS) that a double cannot tell apart are still different files", async () => {
    const wide = caseInsensitive({ "C:/a.xlsx": 2n ** 60n, "C:/b.xlsx": 2n ** 60n + 1n });
    expect(Number(2n ** 60n)).toBe(Number(2n ** 60n + 1n));
    expect(await sameFile("C:/a.xlsx", "C:/b.xlsx", wide)).toBe(false);
    expect(await sameFile("C:/a.xlsx", "C:/A.XLSX", wide)).toBe(true);
  });
});

describe("the command on a case-insensitive file system", () => {
  const dir = mkdtempSync(join(tmpdir(), "case-insensitive-"));
  const input = join(dir, "Input.xlsx");
  copyFileSync(SAMPLE, input);
  beforeAll(() => (mockCaseInsensitive.below = dir));
  afterAll(() => (mockCaseInsensitive.below = ""));

  async function run(argv: string[]) {
    const lines: string[] = [];
    const code = await main(argv, { out: (l) => lines.push(l), err: (l) => lines.push(l) }, { cwd: dir });
    return { code, text: lines.join("\n") };
  }

  test("-o INPUT.XLSX names the input: exit 2, the input unchanged, nothing written", async () => {
    const before = readFileSync(input);
    const { code, text } = await run(["Input.xlsx", "-o", "INPUT.XLSX"]);
    expect([code, text]).toEqual([EXIT.usage, expect.stringContaining("就是输入文件")]);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(["Input.xlsx"]);
  });

  test("--template -o INPUT.XLSX finds the existing file and refuses it without --force", async () => {
    const { code, text } = await run(["--template", "-o", "INPUT.XLSX"]);
    expect([code, text]).toEqual([EXIT.usage, expect.stringContaining("已存在")]);
    expect(readdirSync(dir)).toEqual(["Input.xlsx"]);
  });

  test("an output that does not exist yet is not refused", async () => {
    const { code } = await run(["Input.xlsx", "-o", "Result.xlsx"]);
    expect(code).toBe(EXIT.ok);
    expect(existsSync(join(dir, "Result.xlsx"))).toBe(true);
  });
});
