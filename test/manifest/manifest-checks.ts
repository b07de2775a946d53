// Offline checks of an add-in-only (XML) manifest, shared by test/manifest and test/build:
//  1. well-formed XML under a strict, conformant, namespace-aware parser (saxes);
//  2. Microsoft's schema: element order, occurrences, attributes and simple-type facets (manifest-schema.ts);
//  3. the other limits Microsoft documents: resid targets, unique ids, icon sizes checked against the PNGs;
//  4. this add-in's own requirements (namespace ASSESS, requirement sets, every URL under one base).
// Returns a list of problems (empty when the manifest passes) so a failing test names them all.

import * as fs from "fs";
import * as path from "path";
import {
  HIGH_RESOLUTION_ICON_URL_SIZE,
  ICON_SIZES,
  ICON_URL_SIZE,
  MAX_IMAGE_BYTES,
  NS,
  Prefix,
  ROOT,
  ResourceKind,
  SIMPLE_TYPES,
  TYPES,
  TypeName,
  type Particle,
} from "./manifest-schema";
import { attribute, parseStrictXml, XmlElement, XSI_URI } from "./xml-tree";

export interface ManifestFacts {
  id: string;
  version: string;
  namespace: string | undefined;
  /** DefaultValue of DefaultSettings/SourceLocation. */
  taskpaneUrl: string | undefined;
  /** Every http(s) URL in attribute values and text (namespace declarations excluded). */
  urls: string[];
  requirementSets: { name: string; minVersion: string | undefined }[];
  appDomains: string[];
}

interface Resource {
  kind: ResourceKind;
  element: XmlElement;
  /** DefaultValue and every Override Value. */
  values: string[];
}

interface Validated {
  root: XmlElement;
  /** The schema type each element was validated against. */
  types: Map<XmlElement, TypeName>;
  problems: string[];
}

const RESOURCE_KIND_BY_TYPE: Partial<Record<TypeName, ResourceKind>> = {
  "bt:ImageLocaleAwareSettingWithId": "Images",
  "bt:URLLocaleAwareSettingWithId": "Urls",
  "bt:ShortLocaleAwareSettingWithId": "ShortStrings",
  "bt:LongLocaleAwareSettingWithId": "LongStrings",
};
const PREFIX_BY_URI = new Map<string, Prefix>(Object.entries(NS).map(([prefix, uri]) => [uri, prefix as Prefix]));
const URL_PATTERN = /https?:\/\/[^\s"'<>]+/g;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const at = (element: XmlElement) => `line ${element.line}: <${element.name}>`;
const codePoints = (value: string) => [...value].length;
const matches = (particle: Particle, element: XmlElement) => element.uri === NS[particle.ns] && element.local === particle.name;

function* descendants(element: XmlElement): Generator<XmlElement> {
  for (const child of element.children) {
    yield child;
    yield* descendants(child);
  }
}

function simpleTypeProblems(value: string, typeName: keyof typeof SIMPLE_TYPES, where: string): string[] {
  const type = SIMPLE_TYPES[typeName];
  const length = codePoints(value);
  const problems: string[] = [];
  if (type.minLength !== undefined && length < type.minLength) problems.push(`${where} is shorter than ${type.minLength} (${typeName})`);
  if (type.maxLength !== undefined && length > type.maxLength) {
    problems.push(`${where} has ${length} characters, more than the ${type.maxLength} ${typeName} allows`);
  }
  if (type.pattern && !type.pattern.test(value)) problems.push(`${where} "${value}" does not match the ${typeName} pattern`);
  if (type.enumeration && !type.enumeration.includes(value)) problems.push(`${where} "${value}" is not one of ${type.enumeration.join(", ")}`);
  return problems;
}

/** The type an element is validated against: its declared type, or the derived type its xsi:type names. */
function effectiveType(element: XmlElement, declared: TypeName, problems: string[]): TypeName | undefined {
  const declaredType = TYPES[declared];
  if (element.xsiType === null) {
    problems.push(`${at(element)} xsi:type uses an undeclared namespace prefix`);
    return undefined;
  }
  if (element.xsiType) {
    const prefix = PREFIX_BY_URI.get(element.xsiType.uri);
    const named = prefix ? (`${prefix}:${element.xsiType.local}` as TypeName) : undefined;
    if (named === declared || (named && declaredType?.derived?.includes(named))) return named;
    problems.push(`${at(element)} xsi:type "${attribute(element, XSI_URI, "type")}" is not ${declared} or a type derived from it`);
    return undefined;
  }
  if (declaredType?.derived) {
    problems.push(`${at(element)} needs xsi:type naming one of ${declaredType.derived.join(", ")}`);
    return undefined;
  }
  return declared;
}

function validateElement(element: XmlElement, declared: TypeName, result: Validated): void {
  const { problems } = result;
  const typeName = effectiveType(element, declared, problems);
  if (!typeName) return;
  const type = TYPES[typeName];
  if (!type) {
    problems.push(`${at(element)} has type ${typeName}, which test/manifest/manifest-schema.ts does not encode`);
    return;
  }
  result.types.set(element, typeName);

  for (const attr of element.attributes) {
    if (attr.uri === XSI_URI && attr.local === "type") continue;
    const declaredAttr = attr.uri === "" ? type.attributes?.[attr.local] : undefined;
    if (!declaredAttr) problems.push(`${at(element)} attribute ${attr.name} is not allowed by the schema`);
    else problems.push(...simpleTypeProblems(attr.value, declaredAttr.type, `${at(element)} ${attr.name}`));
  }
  for (const [name, declaredAttr] of Object.entries(type.attributes ?? {})) {
    if (declaredAttr.required && attribute(element, "", name) === undefined) problems.push(`${at(element)} lacks the required attribute ${name}`);
  }

  if (type.text) {
    if (element.children.length > 0) problems.push(`${at(element)} must hold text only`);
    problems.push(...simpleTypeProblems(element.text, type.text, at(element)));
    return;
  }
  if (element.text.trim() !== "") problems.push(`${at(element)} must not contain text ("${element.text.trim().slice(0, 40)}")`);
  validateSequence(element, typeName, type.sequence ?? [], result);
}

/** Children must follow the xs:sequence: each particle in turn, between its minOccurs and maxOccurs times. */
function validateSequence(element: XmlElement, typeName: TypeName, sequence: readonly Particle[], result: Validated): void {
  const { problems } = result;
  const order = sequence.map((p) => p.name).join(", ") || "(no child elements)";
  const missing = (from: number, to: number, countAtFrom: number) => {
    for (let k = from; k < to; k++) {
      const have = k === from ? countAtFrom : 0;
      if (have < sequence[k].min) problems.push(`${at(element)} lacks <${sequence[k].name}> (${typeName}: ${order})`);
    }
  };
  let position = 0;
  let count = 0;
  for (const child of element.children) {
    if (position < sequence.length && matches(sequence[position], child)) {
      count++;
      if (count > sequence[position].max) problems.push(`${at(child)} occurs more than ${sequence[position].max} time(s) in <${element.name}>`);
      validateElement(child, sequence[position].type, result);
      continue;
    }
    const later = sequence.findIndex((p, k) => k > position && matches(p, child));
    if (later < 0) {
      const anywhere = sequence.find((p) => matches(p, child));
      problems.push(
        anywhere
          ? `${at(child)} is out of order in <${element.name}>: the schema's order is ${order}`
          : `${at(child)} is not a valid child of <${element.name}> (${typeName}: ${order})`,
      );
      if (anywhere) validateElement(child, anywhere.type, result);
      continue;
    }
    missing(position, later, count);
    position = later;
    count = 1;
    validateElement(child, sequence[position].type, result);
  }
  missing(position, sequence.length, count);
}

function validateDocument(xml: string): Validated {
  const root = parseStrictXml(xml);
  const result: Validated = { root, types: new Map(), problems: [] };
  if (!matches(ROOT, root)) result.problems.push(`${at(root)} is not <OfficeApp> in ${NS.app}`);
  else validateElement(root, ROOT.type, result);
  return result;
}

function child(element: XmlElement | undefined, local: string): XmlElement | undefined {
  return element?.children.find((c) => c.local === local);
}

function resources(validated: Validated): Resource[] {
  const found: Resource[] = [];
  for (const [element, typeName] of validated.types) {
    const kind = RESOURCE_KIND_BY_TYPE[typeName];
    if (!kind) continue;
    const values = [attribute(element, "", "DefaultValue") ?? "", ...element.children.map((o) => attribute(o, "", "Value") ?? "")];
    found.push({ kind, element, values });
  }
  return found;
}

function factsOf(validated: Validated): ManifestFacts {
  const { root } = validated;
  const byId = new Map(resources(validated).map((r) => [attribute(r.element, "", "id"), r]));
  const namespaceRef = [...validated.types].find(([el, t]) => el.local === "Namespace" && t === "bt:ShortResourceReference")?.[0];
  const urls: string[] = [];
  for (const element of [root, ...descendants(root)]) {
    for (const value of [element.text, ...element.attributes.map((a) => a.value)]) urls.push(...(value.match(URL_PATTERN) ?? []));
  }
  const sets = child(child(root, "Requirements"), "Sets")?.children ?? [];
  return {
    id: child(root, "Id")?.text ?? "",
    version: child(root, "Version")?.text ?? "",
    namespace: namespaceRef ? byId.get(attribute(namespaceRef, "", "resid"))?.values[0] : undefined,
    taskpaneUrl: attribute(child(child(root, "DefaultSettings"), "SourceLocation") ?? root, "", "DefaultValue"),
    urls,
    requirementSets: sets.map((set) => ({ name: attribute(set, "", "Name") ?? "", minVersion: attribute(set, "", "MinVersion") })),
    appDomains: (child(root, "AppDomains")?.children ?? []).map((d) => d.text),
  };
}

/** Strict parse plus the facts the tests look at. Throws when the XML is not well-formed. */
export function parseManifest(xml: string): { root: XmlElement; facts: ManifestFacts } {
  const validated = validateDocument(xml);
  return { root: validated.root, facts: factsOf(validated) };
}

/** Width and height of a PNG file (from its IHDR chunk), or undefined when it is not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString("latin1", 12, 16) !== "IHDR") return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

interface AssetSite {
  /** The base URL the files are served from, without a trailing slash. */
  baseUrl: string;
  /** The local folder that base URL serves. */
  folder: string;
}

function imageProblems(url: string, size: number, where: string, site: AssetSite): string[] {
  if (!url.startsWith(`${site.baseUrl}/`)) return [`${where} image ${url} is not served from ${site.baseUrl}, so its size cannot be checked`];
  const file = path.join(site.folder, ...url.slice(site.baseUrl.length + 1).split("/"));
  if (!fs.existsSync(file)) return [`${where} image ${url} does not exist (${file})`];
  const bytes = fs.readFileSync(file);
  const problems: string[] = [];
  if (bytes.length > MAX_IMAGE_BYTES) problems.push(`${where} image ${url} is ${bytes.length} bytes, more than 100 KB`);
  const dimensions = pngSize(bytes);
  if (!dimensions) problems.push(`${where} image ${url} is not a PNG`);
  else if (dimensions.width !== size || dimensions.height !== size) {
    problems.push(`${where} image ${url} is ${dimensions.width}×${dimensions.height}, must be ${size}×${size}`);
  }
  return problems;
}

/** Documented limits beyond the XSD facets (see the list in manifest-schema.ts). */
function limitProblems(validated: Validated, site: AssetSite): string[] {
  const problems: string[] = [];
  const all = resources(validated);
  const byId = new Map<string, Resource>();
  for (const resource of all) {
    const id = attribute(resource.element, "", "id") ?? "";
    if (byId.has(id)) problems.push(`${at(resource.element)} resource id "${id}" is defined more than once`);
    byId.set(id, resource);
    if (resource.kind === "Images" || resource.kind === "Urls") {
      for (const value of resource.values) if (!value.startsWith("https://")) problems.push(`${at(resource.element)} ${value} is not https`);
    }
  }

  for (const [element, typeName] of validated.types) {
    const kind = TYPES[typeName].refersTo;
    const resid = attribute(element, "", "resid");
    if (!kind || resid === undefined) continue;
    const target = byId.get(resid);
    if (!target) problems.push(`${at(element)} resid "${resid}" is not defined in Resources`);
    else if (target.kind !== kind) problems.push(`${at(element)} resid "${resid}" must name one of ${kind}, not ${target.kind}`);
  }

  // Group ids are unique across all groups, control ids across all controls (Group and Control reference pages).
  for (const kinds of [["ov:Group"], ["ov:Button", "ov:Menu", "ov:MenuItem"]]) {
    const seen = new Set<string>();
    for (const [element, typeName] of validated.types) {
      const id = attribute(element, "", "id");
      if (!kinds.includes(typeName) || id === undefined) continue;
      if (seen.has(id)) problems.push(`${at(element)} id "${id}" is used by another ${element.local}`);
      seen.add(id);
    }
  }

  const { root } = validated;
  for (const [name, size] of [["IconUrl", ICON_URL_SIZE], ["HighResolutionIconUrl", HIGH_RESOLUTION_ICON_URL_SIZE]] as const) {
    const element = child(root, name);
    if (!element) continue;
    const values = [attribute(element, "", "DefaultValue") ?? "", ...element.children.map((o) => attribute(o, "", "Value") ?? "")];
    for (const url of values) problems.push(...imageProblems(url, size, at(element), site));
  }

  for (const [icon, typeName] of validated.types) {
    if (typeName !== "bt:IconList") continue;
    const sizes = icon.children.map((image) => Number(attribute(image, "", "size")));
    for (const size of ICON_SIZES.required) if (!sizes.includes(size)) problems.push(`${at(icon)} lacks the required ${size}-pixel image`);
    for (const [i, image] of icon.children.entries()) {
      const size = sizes[i];
      if (!(ICON_SIZES.supported as readonly number[]).includes(size)) problems.push(`${at(image)} size ${size} is not a supported icon size`);
      if (sizes.indexOf(size) !== i) problems.push(`${at(image)} size ${size} is given twice`);
      const target = byId.get(attribute(image, "", "resid") ?? "");
      if (target?.kind === "Images") for (const url of target.values) problems.push(...imageProblems(url, size, at(image), site));
    }
  }

  const facts = factsOf(validated);
  const sourceOrigin = facts.taskpaneUrl && URL.canParse(facts.taskpaneUrl) ? new URL(facts.taskpaneUrl).origin : undefined;
  for (const domain of facts.appDomains) {
    if (domain === sourceOrigin) problems.push(`AppDomain ${domain} only repeats the SourceLocation's own origin`);
  }
  return problems;
}

const version = (v: string | undefined) => (v ?? "1.1").split(".").map(Number);
const atLeast = (v: string | undefined, min: string) => {
  const [a, b] = version(v);
  const [x, y] = version(min);
  return a > x || (a === x && b >= y);
};

/** This add-in's requirements of its own manifest. */
function productProblems(facts: ManifestFacts, baseUrl: string): string[] {
  const problems: string[] = [];
  if (facts.namespace !== "ASSESS") problems.push(`Functions namespace is ${String(facts.namespace)}, expected ASSESS`);
  for (const [name, min] of [["SharedRuntime", "1.1"], ["CustomFunctionsRuntime", "1.2"]] as const) {
    const set = facts.requirementSets.find((s) => s.name === name);
    if (!set || !atLeast(set.minVersion, min)) problems.push(`Requirements do not include ${name} ${min} or later`);
  }
  if (facts.urls.length === 0) problems.push("manifest has no URLs");
  for (const url of facts.urls) {
    if (!url.startsWith("https://")) problems.push(`URL is not https: ${url}`);
    if (!url.startsWith(`${baseUrl}/`)) problems.push(`URL does not share the base ${baseUrl}: ${url}`);
  }
  if (facts.taskpaneUrl !== `${baseUrl}/taskpane.html`) problems.push(`DefaultSettings SourceLocation is ${String(facts.taskpaneUrl)}`);
  return problems;
}

/**
 * Every offline check. `baseUrl` (no trailing slash) is the base every add-in URL must share; `folder` is the
 * local folder that base serves, where the referenced icons are read from to check their pixel sizes.
 */
export function checkManifest(xml: string, baseUrl: string, folder: string): string[] {
  let validated: Validated;
  try {
    validated = validateDocument(xml);
  } catch (error) {
    return [String(error)];
  }
  return [
    ...validated.problems,
    ...limitProblems(validated, { baseUrl, folder }),
    ...productProblems(factsOf(validated), baseUrl),
  ];
}
