/**
 * The platform's own inflater where it has one: DecompressionStream("deflate-raw") (Chromium 103+, Firefox
 * 113+, Node 20) runs in native code, several times faster than fflate in the page's worker. Older browsers
 * (Chromium 86–102) keep fflate (./zip). Bounded like fflate: the compressed bytes go in slices of INFLATE_SLICE (./limits) and each
 * is written only when the reader has taken the output of the previous one (the stream's backpressure), so
 * at most ~4 MB (DEFLATE's 1032:1) is inflated ahead of the reader, however well the part compresses.
 */
import { INFLATE_SLICE } from "./limits";
import type { RawInflater } from "./zip";

/** DecompressionStream("deflate-raw") when the platform has it, else undefined. */
export function platformInflateRaw(): RawInflater | undefined {
  if (typeof DecompressionStream !== "function") return undefined;
  try {
    new DecompressionStream("deflate-raw");
  } catch {
    return undefined; // Chromium 80–102 know only "deflate" and "gzip"
  }
  return streamInflate;
}

export async function* streamInflate(compressed: AsyncIterable<Uint8Array>, slice = INFLATE_SLICE): AsyncGenerator<Uint8Array> {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  const pump = (async () => {
    try {
      for await (const chunk of compressed) {
        for (let at = 0; at < chunk.length && !stopped; at += slice) await writer.write(chunk.subarray(at, at + slice) as Uint8Array<ArrayBuffer>);
        if (stopped) return;
      }
      await writer.close();
    } catch (error) {
      // A read of the file failed: the reader sees it. A write rejected: the stream has errored, the reader sees why.
      await writer.abort(error).catch(() => undefined);
    }
  })();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield value;
    }
  } finally {
    stopped = true;
    await reader.cancel().catch(() => undefined);
    await pump;
  }
}
