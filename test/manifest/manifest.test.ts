// Offline manifest checks (no network; `npm run validate` is the online check by Microsoft's service).

import * as fs from "fs";
import * as path from "path";
import { FUNCTIONS_NAMESPACE } from "../../src/taskpane/metadata";
import { checkManifest, parseManifest } from "./manifest-checks";

// CommonJS helpers shared with webpack.config.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteManifestBaseUrl, normalizeBaseUrl, DEV_BASE_URL } = require("../../scripts/manifest-base-url");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js");

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const INTRANET = "https://intranet.example/assess";

describe("manifest.xml (source)", () => {
  it("passes every offline check with the dev base URL", () => {
    expect(DEV_BASE_URL).toBe("https://localhost:3000");
    expect(checkManifest(MANIFEST, DEV_BASE_URL)).toEqual([]);
  });

  it("has the fixed identity", () => {
    const { root, facts } = parseManifest(MANIFEST);
    expect(facts.id).toBe("9ddbd2ce-259e-4751-8c05-68056ab1dd54");
    expect(facts.version).toBe("1.0.0.0");
    expect(root.ProviderName).toBe("安康市行政审批服务局");
    expect(root.DefaultLocale).toBe("zh-CN");
    expect((root.DisplayName as Record<string, unknown>)["@_DefaultValue"]).toBe("安康市考核计算");
    expect(root.Permissions).toBe("ReadWriteDocument");
  });

  it("uses a long-lived shared runtime on the task pane page", () => {
    const { root } = parseManifest(MANIFEST);
    const host = ((root.VersionOverrides as Record<string, unknown>).Hosts as Record<string, Record<string, unknown>>).Host;
    const runtime = (host.Runtimes as Record<string, Record<string, string>>).Runtime;
    expect(runtime).toEqual({ "@_resid": "Taskpane.Url", "@_lifetime": "long" });
    const cf = (host.AllFormFactors as Record<string, Record<string, Record<string, Record<string, string>>>>).ExtensionPoint;
    expect(cf["@_xsi:type"]).toBe("CustomFunctions");
    expect(cf.Page.SourceLocation["@_resid"]).toBe("Taskpane.Url");
    expect(cf.Script.SourceLocation["@_resid"]).toBe("Functions.Script.Url");
    expect(cf.Metadata.SourceLocation["@_resid"]).toBe("Functions.Metadata.Url");
  });

  it("declares the namespace the task pane displays", () => {
    expect(parseManifest(MANIFEST).facts.namespace).toBe(FUNCTIONS_NAMESPACE);
  });

  it("references only icons that exist in assets/", () => {
    const icons = parseManifest(MANIFEST).facts.urls.filter((url) => url.includes("/assets/"));
    expect(icons.length).toBeGreaterThan(0);
    for (const url of icons) {
      expect(fs.existsSync(path.join(ROOT, new URL(url).pathname))).toBe(true);
    }
  });
});

describe("rewriteManifestBaseUrl", () => {
  it("rewrites every add-in URL to the intranet base and the AppDomain to its origin", () => {
    const rewritten: string = rewriteManifestBaseUrl(MANIFEST, INTRANET);
    expect(rewritten).not.toContain("https://localhost");
    expect(rewritten).toContain(`<AppDomain>https://intranet.example</AppDomain>`);
    expect(rewritten).toContain(`DefaultValue="${INTRANET}/functions.json"`);
    expect(checkManifest(rewritten, INTRANET)).toEqual([]);
  });

  it("accepts a trailing slash and a bare origin", () => {
    expect(rewriteManifestBaseUrl(MANIFEST, `${INTRANET}/`)).toBe(rewriteManifestBaseUrl(MANIFEST, INTRANET));
    const atOrigin: string = rewriteManifestBaseUrl(MANIFEST, "https://assess.example:8443");
    expect(checkManifest(atOrigin, "https://assess.example:8443")).toEqual([]);
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
    expect(checkManifest(out, INTRANET)).toEqual([]);
  });

  it("prefers --env baseUrl over ADDIN_BASE_URL", () => {
    process.env.ADDIN_BASE_URL = "https://other.example";
    const out = manifestTransform({ baseUrl: INTRANET }, "production")(Buffer.from(MANIFEST)).toString();
    expect(checkManifest(out, INTRANET)).toEqual([]);
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
