/**
 * The platform's inflater (DecompressionStream "deflate-raw", as in Chromium 103+ and Firefox 113+; Node 20
 * has it too) against fflate's: the same bytes, bounded read-ahead on a part that compresses 1000:1, damaged
 * data refused in the .xlsx module's words, and a reader that stops early leaves nothing running.
 */
import { deflateSync, zipSync } from "fflate";
import { fflateInflate, bytesFile, entryChunks, readZipDirectory, type RandomAccessFile } from "../../src/xlsx/zip";
import { platformInflateRaw, streamInflate, STREAM_SLICE } from "../../src/xlsx/stream-inflate";

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
  const iterator = streamInflate(pieces(raw, STREAM_SLICE, pulled))[Symbol.asyncIterator]();
  const first = await iterator.next();
  expect(first.done).toBe(false);
  await new Promise((resolve) => setTimeout(resolve, 50));
  // Without backpressure every slice (16 of ~64 KB) would have been taken by now.
  expect(pulled.count).toBeLessThanOrEqual(4);
  expect(Math.ceil(raw.length / STREAM_SLICE)).toBeGreaterThan(10);
  await iterator.return?.(undefined);
});

test("damaged data is refused as damaged (not an English stream error); stopping early ends the stream", async () => {
  const text = new TextEncoder().encode("<a>".repeat(50000));
  const zip = zipSync({ "a.xml": [text, { level: 6 }] });
  // Damage the compressed data in the middle of the entry.
  const damaged = zip.slice();
  for (let i = 60; i < 90; i++) damaged[i] ^= 0xff;
  const file: RandomAccessFile = { ...bytesFile(damaged), inflateRaw: streamInflate };
  const entry = (await readZipDirectory(file)).get("a.xml")!;
  await expect(all(entryChunks(file, entry))).rejects.toThrow(/a\.xml/u);
  await expect(all(entryChunks(file, entry))).rejects.not.toThrow(/TypeError|incorrect|invalid/iu);
  const good: RandomAccessFile = { ...bytesFile(zip), inflateRaw: streamInflate };
  for await (const chunk of entryChunks(good, (await readZipDirectory(good)).get("a.xml")!)) {
    expect(chunk.length).toBeGreaterThan(0);
    break;
  }
});
