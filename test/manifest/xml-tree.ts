// A conformant, namespace-aware XML parse (saxes) into a small element tree. Any well-formedness or
// namespace error (e.g. "--" inside a comment, an undeclared prefix) throws, as Office's parser rejects it.

import { SaxesParser, SaxesTagNS } from "saxes";

const XMLNS_URI = "http://www.w3.org/2000/xmlns/";
export const XSI_URI = "http://www.w3.org/2001/XMLSchema-instance";

export interface XmlAttribute {
  /** As written, e.g. "xsi:type". */
  name: string;
  uri: string;
  local: string;
  value: string;
}

export interface XmlElement {
  uri: string;
  local: string;
  /** As written, e.g. "bt:Image". */
  name: string;
  /** Attributes other than namespace declarations. */
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** Character data directly inside this element (not in children). */
  text: string;
  line: number;
  /** The xsi:type attribute, its QName resolved with the bindings in scope; null when the prefix is unbound. */
  xsiType?: { uri: string; local: string } | null;
}

export function attribute(element: XmlElement, uri: string, local: string): string | undefined {
  return element.attributes.find((a) => a.uri === uri && a.local === local)?.value;
}

/** Parses `xml` strictly; throws an Error naming the line and column of the first error. */
export function parseStrictXml(xml: string, fileName = "manifest"): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true, fileName });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let firstError: Error | undefined;

  parser.on("error", (error) => {
    firstError ??= error;
  });
  parser.on("opentag", (tag) => {
    const ns = tag as SaxesTagNS;
    const attributes = Object.values(ns.attributes)
      .filter((a) => a.uri !== XMLNS_URI)
      .map((a) => ({ name: a.name, uri: a.uri, local: a.local, value: a.value }));
    const element: XmlElement = { uri: ns.uri, local: ns.local, name: ns.name, attributes, children: [], text: "", line: parser.line };
    const xsiType = attribute(element, XSI_URI, "type");
    if (xsiType !== undefined) {
      const colon = xsiType.indexOf(":");
      const uri = parser.resolve(colon < 0 ? "" : xsiType.slice(0, colon));
      element.xsiType = uri === undefined ? null : { uri, local: xsiType.slice(colon + 1) };
    }
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on("text", (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on("cdata", (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on("closetag", () => {
    stack.pop();
  });

  try {
    parser.write(xml).close();
  } catch (error) {
    firstError ??= error as Error;
  }
  if (firstError) throw new Error(`not well-formed XML: ${firstError.message}`);
  if (!root) throw new Error("not well-formed XML: no root element");
  return root;
}
