/**
 * The cells of one worksheet row from its decoded XML: the scanner's path for rows not in the usual
 * form (./sheet-scanner reads those from the bytes). Attributes are read with `attribute` (any quoting,
 * whitespace or entity), values as Excel shows them.
 */
import { columnIndex } from "../sheet";
import { emptyIsCached, typeCode, TYPE_BOOLEAN, TYPE_INLINE, TYPE_NUMBER, TYPE_SHARED } from "./scan-bytes";
import { attribute, decodeXmlText, sharedString, stringItemText } from "./xml-text";

/** A cell as read: text, number, boolean; undefined when empty. */
export type ScannedCell = string | number | boolean | undefined;

/**
 * The cells of the row whose content is s[start, end); the columns of formulas without a cached value
 * are added to `uncalculated`.
 */
export function textRowCells(s: string, start: number, end: number, strings: readonly string[], uncalculated: number[]): ScannedCell[] {
  const cells: ScannedCell[] = [];
  let col = -1;
  let p = start;
  for (;;) {
    const cs = s.indexOf("<c", p);
    if (cs < 0 || cs >= end) break;
    const after = s.charCodeAt(cs + 2);
    if (after !== 32 && after !== 62 && after !== 47) {
      p = cs + 2;
      continue;
    }
    const tagEnd = s.indexOf(">", cs);
    const tag = s.slice(cs, tagEnd);
    const ref = attribute(tag, "r");
    col = ref !== undefined ? columnIndex(ref) : col + 1;
    const type = typeCode(attribute(tag, "t"));
    if (s.charCodeAt(tagEnd - 1) === 47) {
      p = tagEnd + 1;
      continue;
    }
    let cellEnd = s.indexOf("</c>", tagEnd);
    // A cell left open (damaged XML) ends with its row; searching on from an earlier place would loop.
    if (cellEnd < 0 || cellEnd > end) cellEnd = end;
    p = cellEnd + 4;
    if (type === TYPE_INLINE) {
      cells[col] = stringItemText(s.slice(tagEnd + 1, cellEnd));
      continue;
    }
    const fs = s.indexOf("<f", tagEnd);
    const formula = fs >= 0 && fs < cellEnd;
    const vs = s.indexOf("<v", tagEnd);
    if (vs < 0 || vs >= cellEnd) {
      if (formula) uncalculated.push(col);
      continue;
    }
    const vStart = s.indexOf(">", vs) + 1;
    const selfClosing = s.charCodeAt(vStart - 2) === 47; // <v/>
    const vEnd = selfClosing ? vStart : s.indexOf("</v>", vStart);
    if (formula && vEnd === vStart && !emptyIsCached(type)) uncalculated.push(col);
    else if (!selfClosing) cells[col] = textValue(type, s.slice(vStart, vEnd), strings);
  }
  return cells;
}

/** The value of a cell of `type` written as `raw` inside <v>. */
function textValue(type: number, raw: string, strings: readonly string[]): ScannedCell {
  switch (type) {
    case TYPE_NUMBER:
      return raw === "" ? undefined : Number(raw);
    case TYPE_SHARED:
      return sharedString(strings, raw);
    case TYPE_BOOLEAN:
      return raw === "1" || raw === "true";
    default: // str (formula text), e (error such as #N/A), d (ISO date text)
      return decodeXmlText(raw);
  }
}
