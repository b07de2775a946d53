// Offline checks of an add-in-only (XML) manifest, shared by test/manifest and test/build.
// Returns a list of problems (empty when the manifest passes) so a failing test names them all.

import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface ManifestFacts {
  id: string;
  version: string;
  namespace: string | undefined;
  /** DefaultValue of the Taskpane.Url resource. */
  taskpaneUrl: string | undefined;
  /** resid → number of definitions in Resources. */
  resourceIds: Map<string, number>;
  /** Every resid referenced outside Resources. */
  referencedResids: Set<string>;
  /** Every http(s) URL in attribute values and text (xmlns namespace names excluded). */
  urls: string[];
  requirementSets: { name: string; minVersion: string }[];
}

type Node = Record<string, unknown>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FOUR_PART_VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/;
const URL_PATTERN = /https?:\/\/[^\s"'<>]+/g;

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function walk(value: unknown, visit: (key: string, value: unknown) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      visit(key, child);
      walk(child, visit);
    }
  }
}

export function parseManifest(xml: string): { root: Node; facts: ManifestFacts } {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`manifest is not well-formed XML: ${JSON.stringify(valid.err)}`);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, trimValues: true });
  const doc = parser.parse(xml) as Node;
  const root = doc.OfficeApp as Node | undefined;
  if (!root) throw new Error("manifest has no <OfficeApp> root");

  const overrides = root.VersionOverrides as Node | undefined;
  const resources = (overrides?.Resources ?? {}) as Node;
  const resourceIds = new Map<string, number>();
  const resourceValues = new Map<string, string>();
  for (const [group, itemTag] of [
    ["bt:Images", "bt:Image"],
    ["bt:Urls", "bt:Url"],
    ["bt:ShortStrings", "bt:String"],
    ["bt:LongStrings", "bt:String"],
  ] as const) {
    const groupNode = resources[group] as Node | undefined;
    for (const item of asArray(groupNode?.[itemTag] as Node | Node[] | undefined)) {
      const id = String(item["@_id"]);
      resourceIds.set(id, (resourceIds.get(id) ?? 0) + 1);
      resourceValues.set(id, String(item["@_DefaultValue"]));
    }
  }

  const referencedResids = new Set<string>();
  const withoutResources: Node = { ...root, VersionOverrides: { ...(overrides ?? {}), Resources: undefined } };
  walk(withoutResources, (key, value) => {
    if (key === "@_resid") referencedResids.add(String(value));
  });

  const urls: string[] = [];
  walk(root, (key, value) => {
    if (key.startsWith("@_xmlns")) return; // XML namespace names are identifiers, not fetched URLs
    if (typeof value === "string") urls.push(...(value.match(URL_PATTERN) ?? []));
  });

  const sets = asArray(((root.Requirements as Node | undefined)?.Sets as Node | undefined)?.Set as Node | Node[] | undefined);

  return {
    root,
    facts: {
      id: String(root.Id),
      version: String(root.Version),
      namespace: resourceValues.get("Functions.Namespace"),
      taskpaneUrl: resourceValues.get("Taskpane.Url"),
      resourceIds,
      referencedResids,
      urls,
      requirementSets: sets.map((set) => ({ name: String(set["@_Name"]), minVersion: String(set["@_MinVersion"]) })),
    },
  };
}

/**
 * All offline checks. `baseUrl` is the base every add-in URL must share (no trailing slash); a URL is
 * accepted when it is below the base ("<base>/...") or is the base's bare origin (an <AppDomain>).
 */
export function checkManifest(xml: string, baseUrl: string): string[] {
  const problems: string[] = [];
  let facts: ManifestFacts;
  let root: Node;
  try {
    ({ root, facts } = parseManifest(xml));
  } catch (error) {
    return [String(error)];
  }

  if (!GUID.test(facts.id)) problems.push(`Id is not a GUID: ${facts.id}`);
  if (!FOUR_PART_VERSION.test(facts.version)) problems.push(`Version is not a 4-part version: ${facts.version}`);
  if (root["@_xsi:type"] !== "TaskPaneApp") problems.push(`OfficeApp xsi:type is ${String(root["@_xsi:type"])}, expected TaskPaneApp`);

  for (const resid of facts.referencedResids) {
    const count = facts.resourceIds.get(resid) ?? 0;
    if (count !== 1) problems.push(`resid "${resid}" is defined ${count} times in Resources (expected exactly once)`);
  }
  for (const [id, count] of facts.resourceIds) {
    if (count !== 1) problems.push(`resource id "${id}" is defined ${count} times`);
    if (id.length > 32) problems.push(`resource id "${id}" is longer than 32 characters`);
  }

  if (facts.namespace !== "ASSESS") problems.push(`Functions.Namespace is ${String(facts.namespace)}, expected ASSESS`);
  if (!facts.requirementSets.some((set) => set.name === "SharedRuntime" && set.minVersion === "1.1")) {
    problems.push("Requirements do not include SharedRuntime 1.1");
  }
  if (!facts.requirementSets.some((set) => set.name === "CustomFunctionsRuntime" && set.minVersion === "1.1")) {
    problems.push("Requirements do not include CustomFunctionsRuntime 1.1");
  }

  const origin = new URL(baseUrl).origin;
  if (facts.urls.length === 0) problems.push("manifest has no URLs");
  for (const url of facts.urls) {
    if (!url.startsWith("https://")) problems.push(`URL is not https: ${url}`);
    if (!(url.startsWith(`${baseUrl}/`) || url === origin)) problems.push(`URL does not share the base ${baseUrl}: ${url}`);
  }
  if (facts.taskpaneUrl !== `${baseUrl}/taskpane.html`) problems.push(`Taskpane.Url is ${String(facts.taskpaneUrl)}`);

  return problems;
}
