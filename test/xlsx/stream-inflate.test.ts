/**
 * The platform's inflater (DecompressionStream "deflate-raw", as in Chromium 103+ and Firefox 113+; Node 20
 * has it too) against fflate's: the same bytes, bounded read-ahead on a part that compresses 1000:1, damaged
 * data refused in the .xlsx module's words, and a reader that stops early leaves nothing running.
 */
import { deflateSync, zipSync } from "fflate";
import { fflateInflate, bytesFile, entryChunks, readZipDirectory, type RandomAccessFile } from "../../src/xlsx/zip";
import { INFLATE_SLICE } from "../../src/xlsx/limits";
import { platformInflateRaw, streamInflate } from "../../src/xlsx/stream-inflate";

async function* pieces(bytes: Uint8Array, size: number, pulled?: { count: number }) {
  for (let at = 0; at < bytes.length; at += size) {
    if (pulled) pulled.count++;
    yield bytes.subarray(at, at + size);
  }
}

async function all(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const p of source) parts.push(p);
  return Buffer.concat(parts);
}

test("Node 20 has the platform inflater (the bench's Chromium too); it gives fflate's bytes", async () => {
  expect(platformInflateRaw()).toBe(streamInflate);
  const text = new TextEncoder().encode(Array.from({ length: 20000 }, (_, i) => `<row r="${i}"><c><v>${i * 7}</v></c></row>`).join(""));
  const raw = deflateSync(text, { level: 6 });
  for (const size of [997, 4096, 1 << 20]) {
    expect([size, Buffer.from(await all(streamInflate(pieces(raw, size)))).equals(text)]).toEqual([size, true]);
  }
  expect(Buffer.from(await all(fflateInflate(pieces(raw, 1 << 20)))).equals(text)).toBe(true);
});

test("a part that compresses 1000:1 is inflated only as far as it is read", async () => {
  const raw = deflateSync(new Uint8Array(64 << 20).fill(32), { level: 9 });
  const pulled = { count: 0 };
  const iterator = streamInflate(pieces(raw, INFLATE_SLICE, pulled))[Symbol.asyncIterator]();
  const first = await iterator.next();
  expect(first.done).toBe(false);
  await new Promise((resolve) => setTimeout(resolve, 50));
  // Without backpressure every slice (16 of ~64 KB) would have been taken by now.
  expect(pulled.count).toBeLessThanOrEqual(4);
  expect(Math.ceil(raw.length / INFLATE_SLICE)).toBeGreaterThan(10);
  await iterator.return?.(undefined);
});

test("damaged data is refused as damaged (not an English stream error); stopping early ends the stream", async () => {
  const text = new TextEncoder().encode("<a>".repeat(50000));
  const zip = zipSync({ "a.xml": [text, { level: 6 }] });
  // The first DEFLATE block's header set to the reserved type (BTYPE 11): no inflater can read on.
  const damaged = zip.slice();
  const view = new DataView(damaged.buffer);
  damaged[30 + view.getUint16(26, true) + view.getUint16(28, true)] = 0b111;
  for (const inflateRaw of [streamInflate, fflateInflate]) {
    const file: RandomAccessFile = { ...bytesFile(damaged), inflateRaw };
    const entry = (await readZipDirectory(file)).get("a.xml")!;
    await expect(all(entryChunks(file, entry))).rejects.toThrow("工作簿部件 a.xml 无法解压，文件已损坏");
  }
  const good: RandomAccessFile = { ...bytesFile(zip), inflateRaw: streamInflate };
  for await (const chunk of entryChunks(good, (await readZipDirectory(good)).get("a.xml")!)) {
    expect(chunk.length).toBeGreaterThan(0);
    break;
  }
});

test("bytes after the end of the DEFLATE data (refused by browsers' DecompressionStream) do not refuse a whole, correct part", async () => {
  const text = new TextEncoder().encode("<a>".repeat(5000));
  const zip = zipSync({ "a.xml": [text, { level: 6 }] });
  // As Chromium 103+ and Firefox 113+ do: the whole output, then a TypeError for the junk.
  const strict = async function* (compressed: AsyncIterable<Uint8Array>) {
    yield* streamInflate(compressed);
    throw new TypeError("Junk found after end of compressed data.");
  };
  const file: RandomAccessFile = { ...bytesFile(zip), inflateRaw: strict };
  expect(Buffer.from(await all(entryChunks(file, (await readZipDirectory(file)).get("a.xml")!))).equals(text)).toBe(true);
  // The same error before the whole part is out is damage.
  const early = async function* (compressed: AsyncIterable<Uint8Array>) {
    for await (const chunk of streamInflate(compressed)) {
      yield chunk.subarray(0, 10);
      throw new TypeError("Junk found after end of compressed data.");
    }
  };
  const cut: RandomAccessFile = { ...bytesFile(zip), inflateRaw: early };
  await expect(all(entryChunks(cut, (await readZipDirectory(cut)).get("a.xml")!))).rejects.toThrow("无法解压，文件已损坏");
});

test("a read of the file that fails (a File changed after it was chosen) is said as such, not as damage", async () => {
  const zip = zipSync({ "a.xml": [new TextEncoder().encode("<a>".repeat(50000)), { level: 6 }] });
  const file = bytesFile(zip);
  const entry = (await readZipDirectory(file)).get("a.xml")!;
  for (const after of [0, 1]) {
    let reads = 0;
    const failing: RandomAccessFile = {
      ...file, inflateRaw: streamInflate,
      // The local header's read, or the data's.
      read: async (offset, length) => {
        if (reads++ >= after) throw new DOMException("The requested file could not be read", "NotReadableError");
        return file.read(offset, length);
      },
    };
    await expect(all(entryChunks(failing, entry))).rejects.toThrow("读取文件时出错：文件可能在选择后被移动、删除或正被其他程序占用");
  }
});
