/** The ZIP layer: every part checked (size, CRC-32, limit) and copied byte for byte by the writer. */
import { strToU8, unzipSync, zipSync } from "fflate";
import { crc32 as zlibCrc32 } from "node:zlib";
import { XLSX_MSG, XlsxError } from "../../src/xlsx/messages";
import { crc32 } from "../../src/xlsx/crc32";
import { deflateSync } from "fflate";
import { INFLATE_SLICE } from "../../src/xlsx/limits";
import { bytesFile, entryChunks, fflateInflate, readZipDirectory, verifyEntry, type ZipEntry } from "../../src/xlsx/zip";
import { bytesSink, writeZip } from "../../src/xlsx/zip-writer";
import { zlibDeflate, zlibInflate, zlibInflateSync } from "../../src/xlsx/node-file";

const parts = { "a.xml": strToU8("<a>甲</a>".repeat(1000)), "b/c.bin": new Uint8Array([0, 1, 2, 255]) };

describe("zip", () => {
  it("CRC-32 is the standard one", () => {
    expect(crc32(strToU8("123456789"))).toBe(0xcbf43926);
  });

  it("CRC-32 by slices of 8 equals zlib's at every length, offset and running value", () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 2654435761) >>> 24);
    for (let length = 1; length < 290; length++) {
      for (const offset of [0, 1, 3, 7]) {
        const data = bytes.subarray(offset, offset + length);
        expect([length, offset, crc32(data)]).toEqual([length, offset, zlibCrc32(data)]);
        expect(crc32(data, 0xdeadbeef)).toBe(zlibCrc32(data, 0xdeadbeef));
      }
    }
  });

  it("fflate inflates a highly compressed part in bounded pieces: no piece beyond DEFLATE's 1032:1 of one slice", async () => {
    // 64 MB of spaces compress to ~64 KB: given as one 1 MB read, a single push would inflate all 64 MB at once.
    const whole = new Uint8Array(64 << 20).fill(32);
    const raw = deflateSync(whole, { level: 9 });
    async function* oneChunk() {
      yield raw;
    }
    let total = 0;
    let largest = 0;
    let spaces = true;
    for await (const piece of fflateInflate(oneChunk())) {
      total += piece.length;
      largest = Math.max(largest, piece.length);
      spaces &&= piece.every((b) => b === 32);
    }
    expect({ total, spaces }).toEqual({ total: whole.length, spaces: true });
    expect(largest).toBeLessThanOrEqual(1032 * INFLATE_SLICE);
    // Empty input and input of exactly one slice still end the stream.
    const small = deflateSync(new Uint8Array(0));
    async function* empty() {
      yield small;
    }
    const out: Uint8Array[] = [];
    for await (const piece of fflateInflate(empty(), small.length)) out.push(piece);
    expect(out.reduce((n, p) => n + p.length, 0)).toBe(0);
  });

  it("reads entries with their size and CRC; a limit below the size refuses the part before inflating", async () => {
    const file = bytesFile(zipSync(parts));
    const entries = await readZipDirectory(file);
    const a = entries.get("a.xml")!;
    expect(a.size).toBe(parts["a.xml"].length);
    await expect(verifyEntry(file, a)).resolves.toBeUndefined();
    const chunks = entryChunks(file, a, { limit: 100 });
    await expect(chunks.next()).rejects.toThrow(new RegExp(`工作簿部件 a\\.xml 解压后为 (\\d+ KB|${parts["a.xml"].length} 字节)，超过上限 100 字节`));
  });

  it("the writer copies entries byte for byte and adds new ones", async () => {
    const source = bytesFile(zipSync(parts));
    const entries = await readZipDirectory(source);
    const sink = bytesSink();
    await writeZip(source, sink, [
      { kind: "copy", entry: entries.get("a.xml")! },
      { kind: "data", name: "new.xml", data: strToU8("<新/>") },
      { kind: "copy", entry: entries.get("b/c.bin")! },
    ]);
    const out = bytesFile(sink.bytes());
    const again = await readZipDirectory(out);
    expect([...again.keys()]).toEqual(["a.xml", "new.xml", "b/c.bin"]);
    for (const entry of again.values()) await verifyEntry(out, entry);
    const text = async (name: string) => {
      const bytes: Uint8Array[] = [];
      for await (const c of entryChunks(out, again.get(name)!)) bytes.push(c);
      return Buffer.concat(bytes);
    };
    expect(await text("b/c.bin")).toEqual(Buffer.from(parts["b/c.bin"]));
    expect((await text("new.xml")).toString()).toBe("<新/>");
    expect(again.get("a.xml")!.compressedSize).toBe(entries.get("a.xml")!.compressedSize);
  });

  it("a sink's native deflater (Node's zlib) writes parts any reader inflates to the same bytes", async () => {
    const source = bytesFile(zipSync(parts));
    const entries = await readZipDirectory(source);
    const sink = { ...bytesSink(), deflateRaw: zlibDeflate };
    const data = strToU8("<行>工单</行>".repeat(5000));
    await writeZip(source, sink, [{ kind: "data", name: "big.xml", data }, { kind: "copy", entry: entries.get("b/c.bin")! }]);
    const written = sink.bytes();
    expect(unzipSync(written)["big.xml"]).toEqual(data); // fflate, a reader other than ours
    const out = bytesFile(written);
    const again = await readZipDirectory(out);
    for (const entry of again.values()) await verifyEntry(out, entry);
  });

  describe("small parts inflated at once (inflateRawSync) are checked as streamed ones are", () => {
    const zip = zipSync(parts);
    const withSync = { ...bytesFile(zip), inflateRaw: zlibInflate, inflateRawSync: zlibInflateSync };
    const read = async (file: typeof withSync, entry: ZipEntry) => {
      const out: Uint8Array[] = [];
      for await (const c of entryChunks(file, entry)) out.push(c);
      return Buffer.concat(out);
    };
    /** The zip with a.xml's directory record changed at `offset` (CRC at 16, size at 24). */
    const recordChanged = (offset: number, value: number) => {
      const bytes = zip.slice();
      const view = new DataView(bytes.buffer);
      for (let p = bytes.length - 22; p >= 0; p--) {
        if (view.getUint32(p, true) === 0x02014b50 && Buffer.from(bytes.subarray(p + 46, p + 51)).toString() === "a.xml") {
          view.setUint32(p + offset, value, true);
          return { ...bytesFile(bytes), inflateRaw: zlibInflate, inflateRawSync: zlibInflateSync };
        }
      }
      throw new Error("no record");
    };

    it("the same bytes", async () => {
      const entries = await readZipDirectory(withSync);
      expect(await read(withSync, entries.get("a.xml")!)).toEqual(Buffer.from(parts["a.xml"]));
    });

    it.each([
      ["a size understated (a bomb)", 24, 100, "解压后长度与目录记载不符"],
      ["a size overstated", 24, parts["a.xml"].length + 1, "解压后长度与目录记载不符"],
      ["a CRC that does not match", 16, 12345, "校验码（CRC-32）不符"],
    ])("%s", async (_name, offset, value, message) => {
      const file = recordChanged(offset, value);
      const entries = await readZipDirectory(file);
      await expect(read(file, entries.get("a.xml")!)).rejects.toThrow(message);
    });

    it("data that is not DEFLATE", async () => {
      const entries = await readZipDirectory(withSync);
      const a = entries.get("a.xml")!;
      const broken = { ...withSync, read: async (offset: number, length: number) => (length > 30 ? new Uint8Array(length).fill(0xff) : zip.subarray(offset, offset + length)) };
      await expect(read(broken, a)).rejects.toThrow(new XlsxError(XLSX_MSG.inflateFailed("a.xml")).message);
    });
  });
});
