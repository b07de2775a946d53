/** Column widths that fit Chinese text: Excel measures widths in characters of the default (Latin) font. */

/** Display width of one character: CJK and full-width characters take two Latin character widths. */
function charWidth(code: number): number {
  const wide =
    (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) || code === 0x2014 || code === 0x201c || code === 0x201d;
  return wide ? 2 : 1;
}

/** Width of a text in Latin character widths ("汉滨区政府" is 10). */
export function textWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is one character beyond the BMP: one width (none of charWidth's wide ranges).
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        i++;
        width += 1;
        continue;
      }
    }
    width += charWidth(code);
  }
  return width;
}

/** A column width that fits the widest of these texts, with a little padding, within [min, max]. */
export function fitWidth(texts: readonly string[], min = 8, max = 60): number {
  const widest = texts.reduce((w, t) => Math.max(w, textWidth(t)), 0);
  return Math.min(max, Math.max(min, Math.ceil(widest * 1.1) + 2));
}

/**
 * Lines a text takes when wrapped in a column `width` characters wide (an estimate: Excel breaks CJK text
 * anywhere and Latin text at spaces).
 */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width);
  return text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part) / usable)), 0);
}

/** Cuts a text to at most `width` display columns, ending with "…" when cut. */
export function truncateToWidth(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let out = "";
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch.codePointAt(0) ?? 0);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/** Pads a text with spaces to `width` display columns (left-aligned, or right-aligned). */
export function padToWidth(text: string, width: number, align: "left" | "right" = "left"): string {
  const pad = " ".repeat(Math.max(0, width - textWidth(text)));
  return align === "left" ? text + pad : pad + text;
}
