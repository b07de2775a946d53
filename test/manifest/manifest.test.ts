// Offline manifest checks (no network; `npm run validate` is the online check by Microsoft's service).
// What Office itself does with the manifest is verified here only against Microsoft's documented schema
// and limits (see manifest-schema.ts), not against a running Office.

import * as fs from "fs";
import * as path from "path";
import { FUNCTIONS_NAMESPACE } from "../../src/taskpane/shared/metadata";
import { checkManifest, parseManifest, pngSize } from "./manifest-checks";
import { attribute, parseStrictXml, XmlElement } from "./xml-tree";

// CommonJS helpers shared with webpack.config.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteManifestBaseUrl, normalizeBaseUrl, DEV_BASE_URL } = require("../../scripts/manifest-base-url");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js");

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const INTRANET = "https://intranet.example/assess";

/** The manifest with `from` (which must occur exactly once) replaced: a mutation that cannot silently miss. */
function mutate(from: string, to: string, xml = MANIFEST): string {
  const first = xml.indexOf(from);
  if (first < 0 || xml.indexOf(from, first + 1) >= 0) throw new Error(`mutation target must occur once: ${from}`);
  return xml.slice(0, first) + to + xml.slice(first + from.length);
}

const check = (xml: string) => checkManifest(xml, DEV_BASE_URL, ROOT);

function find(root: XmlElement, ...names: string[]): XmlElement {
  let element = root;
  for (const name of names) {
    const next = element.children.find((c) => c.local === name);
    if (!next) throw new Error(`no <${name}> under <${element.name}>`);
    element = next;
  }
  return element;
}

describe("manifest.xml is well-formed for a strict, conformant XML parser", () => {
  it("parses, and passes every offline check with the dev base URL", () => {
    expect(DEV_BASE_URL).toBe("https://localhost:3000");
    expect(() => parseStrictXml(MANIFEST)).not.toThrow();
    expect(check(MANIFEST)).toEqual([]);
  });

  it.each([
    ["a comment containing --", ["<Id>", "<!-- webpack --env baseUrl=x -->\n  <Id>"]],
    ["an undeclared namespace prefix", ['<Host Name="Workbook" />', '<Host foo:Name="Workbook" />']],
    ["a mismatched end tag", ["</DisplayName>", "</Displayname>"]],
    ["an unescaped ampersand", ["安康市行政审批服务局", "A & B"]],
    ["a duplicate attribute", ['<Host Name="Workbook" />', '<Host Name="Workbook" Name="Workbook" />']],
    ["text after the root element", ["</OfficeApp>", "</OfficeApp>\ntrailing"]],
  ])("rejects %s", (_label, [from, to]) => {
    const problems = check(mutate(from, to));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/not well-formed XML/);
  });
});

describe("element order, occurrences and attributes follow Microsoft's schema", () => {
  it.each([
    ["Version before Id", ["<Id>9ddbd2ce-259e-4751-8c05-68056ab1dd54</Id>\n  <Version>1.0.0.0</Version>", "<Version>1.0.0.0</Version>\n  <Id>9ddbd2ce-259e-4751-8c05-68056ab1dd54</Id>"], /<Id> is out of order/],
    ["Hosts before SupportUrl", ['<SupportUrl DefaultValue="https://localhost:3000/taskpane.html#help" />\n  <Hosts>\n    <Host Name="Workbook" />\n  </Hosts>', '<Hosts>\n    <Host Name="Workbook" />\n  </Hosts>\n  <SupportUrl DefaultValue="https://localhost:3000/taskpane.html#help" />'], /<SupportUrl> is out of order/],
    ["Namespace before Metadata", ['<Metadata>\n              <SourceLocation resid="Functions.Metadata.Url" />\n            </Metadata>\n            <Namespace resid="Functions.Namespace" />', '<Namespace resid="Functions.Namespace" />\n            <Metadata>\n              <SourceLocation resid="Functions.Metadata.Url" />\n            </Metadata>'], /<Metadata> is out of order/],
    ["an unknown element", ["<Permissions>", "<Foo />\n  <Permissions>"], /<Foo> is not a valid child of <OfficeApp>/],
    ["a missing required element", ["<Permissions>ReadWriteDocument</Permissions>\n", ""], /lacks <Permissions>/],
    ["an Image in the wrong namespace", ['<bt:Image size="80" resid="Icon.80x80" />\n                </Icon>\n                <Control', '<Image size="80" resid="Icon.80x80" />\n                </Icon>\n                <Control'], /<Image> is not a valid child of <Icon>/],
    ["an xsi:type that is not a derived type", ['<Control xsi:type="Button"', '<Control xsi:type="Gallery"'], /xsi:type "Gallery" is not ov:UIControl/],
    ["an attribute the schema does not declare", ['<Group id="AssessGroup">', '<Group id="AssessGroup" visible="true">'], /attribute visible is not allowed/],
    ["a Permissions value outside the enumeration", ["<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWrite</Permissions>"], /is not one of Restricted/],
    ["two Description elements", ["<SupportUrl", '<Description DefaultValue="x" />\n  <SupportUrl'], /<Description> is out of order/],
  ])("rejects %s", (_label, [from, to], expected) => {
    const problems = check(mutate(from, to));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join("\n")).toMatch(expected);
  });

  it("rejects Runtimes after DesktopFormFactor (Host's own children come before Workbook's)", () => {
    const runtimes = '<Runtimes>\n          <Runtime resid="Taskpane.Url" lifetime="long" />\n        </Runtimes>\n';
    const moved = mutate("</DesktopFormFactor>\n", `</DesktopFormFactor>\n        ${runtimes}`, mutate(runtimes, ""));
    expect(check(moved).join("\n")).toMatch(/<Runtimes> is out of order in <Host>/);
  });

  it("accepts the optional elements in their place and rejects a second DefaultSettings", () => {
    const withAlternate = mutate("<Version>", "<AlternateId>en-US\\WA123456789</AlternateId>\n  <Version>");
    expect(check(withAlternate)).toEqual([]);
    const twice = mutate("<Permissions>", '<DefaultSettings>\n    <SourceLocation DefaultValue="https://localhost:3000/taskpane.html" />\n  </DefaultSettings>\n  <Permissions>');
    expect(check(twice).join("\n")).toMatch(/<DefaultSettings> occurs more than 1 time/);
  });
});

describe("the limits Microsoft documents", () => {
  const longName = (n: number) => "考".repeat(n);

  it("resid and resource ids: at most 32 characters", () => {
    const id32 = "R".repeat(32);
    const at32 = MANIFEST.split('"Taskpane.Url"').join(`"${id32}"`);
    expect(check(at32)).toEqual([]);
    const at33 = MANIFEST.split('"Taskpane.Url"').join(`"${id32}X"`);
    expect(check(at33).join("\n")).toMatch(/has 33 characters, more than the 32 ReferenceId allows/);
  });

  it("DisplayName and ProviderName: at most 125 characters (counted as characters, not bytes)", () => {
    expect(check(mutate('DisplayName DefaultValue="安康市考核计算"', `DisplayName DefaultValue="${longName(125)}"`))).toEqual([]);
    expect(check(mutate('DisplayName DefaultValue="安康市考核计算"', `DisplayName DefaultValue="${longName(126)}"`)).join("\n")).toMatch(/DefaultValue has 126 characters/);
    expect(check(mutate("<ProviderName>安康市行政审批服务局", `<ProviderName>${longName(126)}`)).join("\n")).toMatch(/<ProviderName> has 126 characters/);
  });

  it("Description: at most 250 characters", () => {
    const description = /<Description DefaultValue="([^"]*)"/.exec(MANIFEST)![1];
    expect(check(mutate(`"${description}"`, `"${longName(250)}"`))).toEqual([]);
    expect(check(mutate(`"${description}"`, `"${longName(251)}"`)).join("\n")).toMatch(/has 251 characters, more than the 250 LongString allows/);
  });

  it("ShortStrings at most 125 and LongStrings at most 250 characters", () => {
    expect(check(mutate('DefaultValue="考核计算"', `DefaultValue="${longName(126)}"`)).join("\n")).toMatch(/126 characters, more than the 125 ShortString/);
    expect(check(mutate('DefaultValue="打开安康市考核计算任务窗格"', `DefaultValue="${longName(251)}"`)).join("\n")).toMatch(/251 characters, more than the 250 LongString/);
  });

  it("a resid must name a resource of the kind its element expects", () => {
    expect(check(mutate('<Label resid="AssessGroup.Label" />', '<Label resid="Taskpane.Url" />')).join("\n")).toMatch(/must name one of ShortStrings, not Urls/);
    expect(check(mutate('<Label resid="AssessGroup.Label" />', '<Label resid="Nowhere" />')).join("\n")).toMatch(/"Nowhere" is not defined/);
  });

  it("ribbon icons: 16, 32 and 80 required, each PNG exactly its declared size", () => {
    const wrongFile = mutate(
      '<Label resid="AssessGroup.Label" />\n                <Icon>\n                  <bt:Image size="16" resid="Icon.16x16" />\n                  <bt:Image size="32" resid="Icon.32x32" />',
      '<Label resid="AssessGroup.Label" />\n                <Icon>\n                  <bt:Image size="16" resid="Icon.16x16" />\n                  <bt:Image size="32" resid="Icon.16x16" />',
    );
    expect(check(wrongFile).join("\n")).toMatch(/icon-16\.png is 16×16, must be 32×32/);
    const no80 = mutate('<bt:Image size="80" resid="Icon.80x80" />\n                </Icon>\n                <Control', "</Icon>\n                <Control");
    expect(check(no80).join("\n")).toMatch(/lacks the required 80-pixel image/);
    const oddSize = mutate('<bt:Image size="80" resid="Icon.80x80" />\n                </Icon>\n                <Control', '<bt:Image size="80" resid="Icon.80x80" />\n                  <bt:Image size="50" resid="Icon.80x80" />\n                </Icon>\n                <Control');
    expect(check(oddSize).join("\n")).toMatch(/size 50 is not a supported icon size/);
  });

  it("IconUrl is 32×32 and HighResolutionIconUrl 64×64", () => {
    expect(check(mutate('<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png" />', '<IconUrl DefaultValue="https://localhost:3000/assets/icon-64.png" />')).join("\n")).toMatch(/<IconUrl> image .*icon-64\.png is 64×64, must be 32×32/);
    expect(check(mutate('<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png" />', '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-80.png" />')).join("\n")).toMatch(/must be 64×64/);
  });

  it("every icon file in assets/ is the PNG size its name says", () => {
    const icons = fs.readdirSync(path.join(ROOT, "assets")).filter((name) => /^icon-\d+\.png$/.test(name));
    expect(icons.length).toBeGreaterThanOrEqual(4);
    for (const name of icons) {
      const size = Number(/\d+/.exec(name)![0]);
      expect(pngSize(fs.readFileSync(path.join(ROOT, "assets", name)))).toEqual({ width: size, height: size });
    }
  });

  it("group ids and control ids are unique", () => {
    // The manifest's own group, copied with the given ids as a second group on the Home tab.
    const group = /\n( *)<Group id="AssessGroup">[\s\S]*?<\/Group>\n/.exec(MANIFEST)![0];
    const withSecond = (groupId: string, buttonId: string) =>
      mutate(group, group + group.trimStart().replace('id="AssessGroup"', `id="${groupId}"`).replace('id="TaskpaneButton"', `id="${buttonId}"`).replace(/^/, " ".repeat(14)));
    expect(check(withSecond("AssessGroup2", "TaskpaneButton2"))).toEqual([]);
    expect(check(withSecond("AssessGroup", "TaskpaneButton2"))).toEqual([expect.stringMatching(/id "AssessGroup" is used by another Group/)]);
    expect(check(withSecond("AssessGroup2", "TaskpaneButton"))).toEqual([expect.stringMatching(/id "TaskpaneButton" is used by another Control/)]);
  });

  it("an AppDomain that only repeats the add-in's own origin is reported", () => {
    const repeated = mutate("<Hosts>\n    <Host", "<AppDomains>\n    <AppDomain>https://localhost:3000</AppDomain>\n  </AppDomains>\n  <Hosts>\n    <Host");
    expect(check(repeated).join("\n")).toMatch(/only repeats the SourceLocation's own origin/);
  });
});

describe("manifest.xml (source) content", () => {
  const { root, facts } = parseManifest(MANIFEST);

  it("has the fixed identity", () => {
    expect(facts.id).toBe("9ddbd2ce-259e-4751-8c05-68056ab1dd54");
    expect(facts.version).toBe("1.0.0.0");
    expect(find(root, "ProviderName").text).toBe("安康市行政审批服务局");
    expect(find(root, "DefaultLocale").text).toBe("zh-CN");
    expect(attribute(find(root, "DisplayName"), "", "DefaultValue")).toBe("安康市考核计算");
    expect(find(root, "Permissions").text).toBe("ReadWriteDocument");
  });

  it("declares SharedRuntime 1.1 and CustomFunctionsRuntime 1.2 (CustomFunctions.Error) and no AppDomains", () => {
    expect(facts.requirementSets).toEqual([
      { name: "SharedRuntime", minVersion: "1.1" },
      { name: "CustomFunctionsRuntime", minVersion: "1.2" },
    ]);
    expect(facts.appDomains).toEqual([]);
    expect(root.children.some((c) => c.local === "AppDomains")).toBe(false);
    const without12 = mutate('<Set Name="CustomFunctionsRuntime" MinVersion="1.2" />', '<Set Name="CustomFunctionsRuntime" MinVersion="1.1" />');
    expect(check(without12)).toEqual(["Requirements do not include CustomFunctionsRuntime 1.2 or later"]);
  });

  it("uses a long-lived shared runtime on the task pane page", () => {
    const host = find(root, "VersionOverrides", "Hosts", "Host");
    const runtime = find(host, "Runtimes", "Runtime");
    expect([attribute(runtime, "", "resid"), attribute(runtime, "", "lifetime")]).toEqual(["Taskpane.Url", "long"]);
    const cf = find(host, "AllFormFactors", "ExtensionPoint");
    expect(cf.xsiType?.local).toBe("CustomFunctions");
    expect(attribute(find(cf, "Page", "SourceLocation"), "", "resid")).toBe("Taskpane.Url");
    expect(attribute(find(cf, "Script", "SourceLocation"), "", "resid")).toBe("Functions.Script.Url");
    expect(attribute(find(cf, "Metadata", "SourceLocation"), "", "resid")).toBe("Functions.Metadata.Url");
  });

  it("declares the namespace the task pane displays", () => {
    expect(facts.namespace).toBe(FUNCTIONS_NAMESPACE);
  });
});

describe("rewriteManifestBaseUrl", () => {
  it("rewrites every add-in URL to the intranet base", () => {
    const rewritten: string = rewriteManifestBaseUrl(MANIFEST, INTRANET);
    expect(rewritten).not.toContain("localhost");
    expect(rewritten).toContain(`DefaultValue="${INTRANET}/functions.json"`);
    expect(checkManifest(rewritten, INTRANET, ROOT)).toEqual([]);
  });

  it("accepts a trailing slash and a bare origin", () => {
    expect(rewriteManifestBaseUrl(MANIFEST, `${INTRANET}/`)).toBe(rewriteManifestBaseUrl(MANIFEST, INTRANET));
    const atOrigin: string = rewriteManifestBaseUrl(MANIFEST, "https://assess.example:8443");
    expect(checkManifest(atOrigin, "https://assess.example:8443", ROOT)).toEqual([]);
  });

  it("leaves the text unchanged without a base URL", () => {
    expect(rewriteManifestBaseUrl(MANIFEST, undefined)).toBe(MANIFEST);
    expect(rewriteManifestBaseUrl(MANIFEST, "")).toBe(MANIFEST);
  });

  it("does not touch other hosts or ports that merely start like the dev base", () => {
    const text = '<a x="https://localhost:30001/x"/><b>https://localhost:3000</b><c y="https://localhost:3000/y"/>';
    expect(rewriteManifestBaseUrl(text, INTRANET)).toBe(
      `<a x="https://localhost:30001/x"/><b>https://intranet.example</b><c y="${INTRANET}/y"/>`,
    );
  });

  it("rejects base URLs Office cannot load or that would break the XML", () => {
    expect(() => normalizeBaseUrl("http://intranet.example/assess")).toThrow(/https/);
    expect(() => normalizeBaseUrl("intranet.example/assess")).toThrow(/valid absolute URL/);
    expect(() => normalizeBaseUrl("https://intranet.example/a?b=1")).toThrow(/query/);
    expect(() => normalizeBaseUrl('https://intranet.example/"a')).toThrow();
    expect(() => normalizeBaseUrl("   ")).toThrow(/empty/);
    expect(normalizeBaseUrl("https://INTRANET.example/assess//")).toBe("https://intranet.example/assess");
  });
});

describe("webpack.config.js manifest copy", () => {
  type Transform = (content: Buffer) => string | Buffer;
  function manifestTransform(env: Record<string, string>, mode: string): Transform {
    const config = webpackConfig(env, { mode });
    const copy = config.plugins.find((plugin: { constructor: { name: string } }) => plugin.constructor.name === "CopyPlugin");
    const pattern = copy.patterns.find((p: { from: string }) => p.from === "manifest*.xml");
    return pattern.transform;
  }
  const saved = process.env.ADDIN_BASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_BASE_URL;
    else process.env.ADDIN_BASE_URL = saved;
  });

  it("rewrites the manifest for a production build with ADDIN_BASE_URL", () => {
    process.env.ADDIN_BASE_URL = INTRANET;
    const out = manifestTransform({}, "production")(Buffer.from(MANIFEST)).toString();
    expect(checkManifest(out, INTRANET, ROOT)).toEqual([]);
  });

  it("prefers --env baseUrl over ADDIN_BASE_URL", () => {
    process.env.ADDIN_BASE_URL = "https://other.example";
    const out = manifestTransform({ baseUrl: INTRANET }, "production")(Buffer.from(MANIFEST)).toString();
    expect(checkManifest(out, INTRANET, ROOT)).toEqual([]);
  });

  it("keeps localhost in production without a base URL, and always in development", () => {
    delete process.env.ADDIN_BASE_URL;
    expect(manifestTransform({}, "production")(Buffer.from(MANIFEST)).toString()).toBe(MANIFEST);
    jest.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(manifestTransform({ baseUrl: INTRANET }, "development")(Buffer.from(MANIFEST)).toString()).toBe(MANIFEST);
  });

  it("fails the build early on an invalid base URL", () => {
    expect(() => webpackConfig({ baseUrl: "http://intranet.example" }, { mode: "production" })).toThrow(/https/);
  });
});
