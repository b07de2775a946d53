// The part of Microsoft's add-in-only (XML) manifest schema that a task pane add-in with a shared runtime,
// custom functions and ribbon commands uses, encoded as data: for each complex type the child elements in
// the order of its xs:sequence (base type first, then each xs:extension), their minOccurs/maxOccurs, its
// attributes, and the length and pattern facets of the simple types.
//
// Sources (read through the search tool; not run as XSD here, so verified only against the documents):
//  - OfficeAppManifestV1_1.xsd, OfficeAppBasicTypesV1_0.xsd and TaskPaneAppVersionOverridesV1_0.xsd in
//    OfficeDev/office-js-docs-pr, docs/overview/schemas/taskpane/ (OfficeApp, TaskPaneApp, Requirements,
//    IconList, Resources, VersionOverridesV1_0, FormFactor, CustomFunctions, Group, Button, Supertip, …).
//  - [MS-OWEMXML] Office Web Extensibility Manifest Format, sections 2.2 and 5.7, for the types added after
//    those XSDs were published: Host = (Runtimes, AllFormFactors), Workbook extends Host with
//    DesktopFormFactor, Runtimes = Runtime+.
//  - "How to find the proper order of manifest elements" (learn.microsoft.com/office/dev/add-ins/develop/
//    manifest-element-ordering): children of an xs:extension follow the base type's children.
// Elements this add-in does not use (Dictionary, WebApplicationInfo, EquivalentAddins, mobile form factors, …)
// are left out on purpose: the check then reports them as unknown rather than passing them unchecked.

export const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
} as const;
export type Prefix = keyof typeof NS;

/** A type name qualified by the schema that defines it, e.g. "ov:Workbook". */
export type TypeName = `${Prefix}:${string}`;

export interface SimpleType {
  minLength?: number;
  maxLength?: number;
  pattern?: RegExp;
  enumeration?: readonly string[];
}

/** xs:string facets; lengths count characters (code points), as XSD does. */
export const SIMPLE_TYPES: Record<string, SimpleType> = {
  NonEmptyString: { minLength: 1 },
  ShortString: { minLength: 1, maxLength: 125 },
  LongString: { minLength: 1, maxLength: 250 },
  URL: { minLength: 1, maxLength: 2048 },
  ReferenceId: { minLength: 1, maxLength: 32 },
  UUID: {
    pattern:
      /^(?:(?:urn:uuid:)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/,
  },
  AlternateId: { pattern: /^.{5,12}\\WA[0-9]{9}$/ },
  CultureName: {
    pattern: /^(?:[a-zA-Z]{2,3}-[a-zA-Z0-9]{3,8}(?:-[a-zA-Z]{2,3})?|[a-zA-Z]{2,3}(?:-[a-zA-Z]{2,3}(?:_tradnl|\.pseudo|-[a-zA-Z]{4,8})?)?)$/,
  },
  Version: { pattern: /^[0-9]{1,5}(?:\.[0-9]{1,5}){0,3}$/ },
  ShortVersion: { pattern: /^[0-9]{1,5}\.[0-9]{1,5}$/ },
  Integer: { pattern: /^[+-]?[0-9]+$/ },
  TaskPanePermissions: { enumeration: ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"] },
  RuntimeLifetime: { enumeration: ["short", "long"] },
};

export interface Particle {
  name: string;
  ns: Prefix;
  /** The declared type; for an abstract type the element must name a derived type with xsi:type. */
  type: TypeName;
  min: number;
  max: number;
}

export interface Attribute {
  type: keyof typeof SIMPLE_TYPES;
  required: boolean;
}

/** Which resource collection a resid attribute of this type must point into. */
export type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";

export interface ComplexType {
  /** Child elements in schema order (empty: no child elements allowed). */
  sequence?: readonly Particle[];
  /** Simple content (text) of this simple type; no child elements. */
  text?: keyof typeof SIMPLE_TYPES;
  attributes?: Readonly<Record<string, Attribute>>;
  /** For an abstract type: the derived types an xsi:type may name. */
  derived?: readonly TypeName[];
  refersTo?: ResourceKind;
}

const UNBOUNDED = Number.POSITIVE_INFINITY;
const one = (ns: Prefix, name: string, type: TypeName): Particle => ({ name, ns, type, min: 1, max: 1 });
const optional = (ns: Prefix, name: string, type: TypeName): Particle => ({ name, ns, type, min: 0, max: 1 });
const many = (ns: Prefix, name: string, type: TypeName, min = 1): Particle => ({ name, ns, type, min, max: UNBOUNDED });
const req = (type: Attribute["type"]): Attribute => ({ type, required: true });
const opt = (type: Attribute["type"]): Attribute => ({ type, required: false });

const localeAware = (prefix: Prefix, overrideType: TypeName, value: Attribute["type"], withId: boolean): ComplexType => ({
  sequence: [many(prefix, "Override", overrideType, 0)],
  attributes: withId ? { id: req("ReferenceId"), DefaultValue: req(value) } : { DefaultValue: req(value) },
});
const localeOverride = (value: Attribute["type"]): ComplexType => ({ attributes: { Locale: req("CultureName"), Value: req(value) } });
const resourceReference = (refersTo: ResourceKind): ComplexType => ({ attributes: { resid: req("ReferenceId") }, refersTo });
const text = (type: keyof typeof SIMPLE_TYPES): ComplexType => ({ text: type });

const UI_CONTROL = [one("ov", "Label", "bt:ShortResourceReference"), one("ov", "Supertip", "ov:Supertip")];
const UI_CONTROL_WITH_ICON = [...UI_CONTROL, one("ov", "Icon", "bt:IconList")];

export const TYPES: Record<TypeName, ComplexType> = {
  // ---- OfficeAppManifestV1_1.xsd (namespace appforoffice/1.1) ----
  "app:OfficeApp": { derived: ["app:TaskPaneApp"] },
  // OfficeApp's sequence, then TaskPaneApp's extension (Requirements … VersionOverrides).
  "app:TaskPaneApp": {
    sequence: [
      one("app", "Id", "app:UUID"),
      optional("app", "AlternateId", "app:AlternateId"),
      one("app", "Version", "app:Version"),
      one("app", "ProviderName", "app:ShortString"),
      one("app", "DefaultLocale", "app:CultureName"),
      one("app", "DisplayName", "app:ShortLocaleAwareSetting"),
      one("app", "Description", "app:LongLocaleAwareSetting"),
      optional("app", "IconUrl", "app:URLLocaleAwareSetting"),
      optional("app", "HighResolutionIconUrl", "app:URLLocaleAwareSetting"),
      optional("app", "SupportUrl", "app:URLLocaleAwareSetting"),
      optional("app", "AppDomains", "app:AppDomains"),
      optional("app", "Hosts", "app:Hosts"),
      optional("app", "Requirements", "app:Requirements"),
      one("app", "DefaultSettings", "app:TaskPaneAppSettings"),
      one("app", "Permissions", "app:TaskPanePermissions"),
      optional("ov", "VersionOverrides", "ov:VersionOverridesV1_0"),
    ],
  },
  "app:UUID": text("UUID"),
  "app:AlternateId": text("AlternateId"),
  "app:Version": text("Version"),
  "app:ShortString": text("ShortString"),
  "app:LongString": text("LongString"),
  "app:CultureName": text("CultureName"),
  "app:TaskPanePermissions": text("TaskPanePermissions"),
  "app:ShortLocaleAwareSetting": localeAware("app", "app:ShortLocaleOverride", "ShortString", false),
  "app:LongLocaleAwareSetting": localeAware("app", "app:LongLocaleOverride", "LongString", false),
  "app:URLLocaleAwareSetting": localeAware("app", "app:URLLocaleOverride", "URL", false),
  "app:ShortLocaleOverride": localeOverride("ShortString"),
  "app:LongLocaleOverride": localeOverride("LongString"),
  "app:URLLocaleOverride": localeOverride("URL"),
  "app:AppDomains": { sequence: [many("app", "AppDomain", "app:LongString")] },
  "app:Hosts": { sequence: [many("app", "Host", "app:Host")] },
  "app:Host": { attributes: { Name: req("ShortString") } },
  "app:Requirements": { sequence: [optional("app", "Sets", "app:Sets"), optional("app", "Methods", "app:Methods")] },
  "app:Sets": { sequence: [many("app", "Set", "app:VersionedRequirement")], attributes: { DefaultMinVersion: opt("ShortVersion") } },
  "app:VersionedRequirement": { attributes: { MinVersion: opt("ShortVersion"), Name: req("ShortString") } },
  "app:Methods": { sequence: [many("app", "Method", "app:Requirement")] },
  "app:Requirement": { attributes: { Name: req("LongString") } },
  "app:TaskPaneAppSettings": { sequence: [one("app", "SourceLocation", "app:URLLocaleAwareSetting")] },

  // ---- TaskPaneAppVersionOverridesV1_0.xsd and [MS-OWEMXML] 5.7 (namespace taskpaneappversionoverrides) ----
  "ov:VersionOverridesV1_0": {
    sequence: [
      optional("ov", "Description", "bt:LongResourceReference"),
      optional("ov", "Requirements", "bt:Requirements"),
      optional("ov", "Hosts", "ov:Hosts"),
      optional("ov", "Resources", "bt:Resources"),
    ],
  },
  "ov:Hosts": { sequence: [many("ov", "Host", "ov:Host")] },
  "ov:Host": { derived: ["ov:Workbook"] },
  // Host's sequence (Runtimes, AllFormFactors), then Workbook's extension (DesktopFormFactor).
  "ov:Workbook": {
    sequence: [
      optional("ov", "Runtimes", "ov:Runtimes"),
      optional("ov", "AllFormFactors", "ov:AllFormFactors"),
      optional("ov", "DesktopFormFactor", "ov:FormFactor"),
    ],
  },
  "ov:Runtimes": { sequence: [many("ov", "Runtime", "ov:Runtime")] },
  "ov:Runtime": { attributes: { resid: req("ReferenceId"), lifetime: opt("RuntimeLifetime") }, refersTo: "Urls" },
  "ov:AllFormFactors": { sequence: [optional("ov", "ExtensionPoint", "ov:CustomFunctions")] },
  "ov:CustomFunctions": {
    sequence: [
      one("ov", "Script", "ov:Script"),
      one("ov", "Page", "ov:Page"),
      optional("ov", "Metadata", "ov:Metadata"),
      optional("ov", "Namespace", "bt:ShortResourceReference"),
    ],
  },
  "ov:Script": { sequence: [one("ov", "SourceLocation", "bt:URLResourceReference")] },
  "ov:Page": { sequence: [one("ov", "SourceLocation", "bt:URLResourceReference")] },
  "ov:Metadata": { sequence: [one("ov", "SourceLocation", "bt:URLResourceReference")] },
  "ov:FormFactor": {
    sequence: [
      optional("ov", "GetStarted", "ov:GetStarted"),
      optional("ov", "FunctionFile", "bt:URLResourceReference"),
      many("ov", "ExtensionPoint", "ov:ExtensionPoint"),
    ],
  },
  "ov:GetStarted": {
    sequence: [
      one("ov", "Title", "bt:ShortResourceReference"),
      one("ov", "Description", "bt:LongResourceReference"),
      one("ov", "LearnMoreUrl", "bt:URLResourceReference"),
    ],
  },
  "ov:ExtensionPoint": { derived: ["ov:PrimaryCommandSurface", "ov:ContextMenu", "ov:CustomFunctions"] },
  "ov:PrimaryCommandSurface": { sequence: [many("ov", "OfficeTab", "ov:OfficeTab", 0), many("ov", "CustomTab", "ov:CustomTab", 0)] },
  "ov:ContextMenu": { sequence: [many("ov", "OfficeMenu", "ov:OfficeMenu")] },
  "ov:OfficeMenu": { sequence: [many("ov", "Control", "ov:UIControl")], attributes: { id: req("ShortString") } },
  "ov:OfficeTab": { sequence: [many("ov", "Group", "ov:Group")], attributes: { id: req("ShortString") } },
  "ov:CustomTab": { sequence: [many("ov", "Group", "ov:Group"), one("ov", "Label", "bt:ShortResourceReference")], attributes: { id: req("ShortString") } },
  "ov:Group": {
    sequence: [one("ov", "Label", "bt:ShortResourceReference"), one("ov", "Icon", "bt:IconList"), many("ov", "Control", "ov:UIControl")],
    attributes: { id: req("ShortString") },
  },
  "ov:UIControl": { derived: ["ov:Button", "ov:Menu"] },
  // UIControl (Label, Supertip), UIControlWithIcon (Icon), then Button (Action) / Menu (Items).
  "ov:Button": { sequence: [...UI_CONTROL_WITH_ICON, one("ov", "Action", "ov:Action")], attributes: { id: req("ShortString") } },
  "ov:Menu": { sequence: [...UI_CONTROL_WITH_ICON, one("ov", "Items", "ov:MenuItems")], attributes: { id: req("ShortString") } },
  "ov:MenuItems": { sequence: [many("ov", "Item", "ov:MenuItem")] },
  // UIControlWithOptionalIcon, then MenuItem (Action).
  "ov:MenuItem": {
    sequence: [...UI_CONTROL, optional("ov", "Icon", "bt:IconList"), one("ov", "Action", "ov:Action")],
    attributes: { id: req("ShortString") },
  },
  "ov:Supertip": { sequence: [one("ov", "Title", "bt:ShortResourceReference"), one("ov", "Description", "bt:LongResourceReference")] },
  "ov:Action": { derived: ["ov:ShowTaskpane", "ov:ExecuteFunction"] },
  "ov:ShowTaskpane": {
    sequence: [
      optional("ov", "TaskpaneId", "bt:ShortString"),
      one("ov", "SourceLocation", "bt:URLResourceReference"),
      optional("ov", "Title", "bt:ShortResourceReference"),
    ],
  },
  "ov:ExecuteFunction": { sequence: [one("ov", "FunctionName", "bt:LongString")] },

  // ---- OfficeAppBasicTypesV1_0.xsd (namespace officeappbasictypes/1.0) ----
  "bt:ShortString": text("ShortString"),
  "bt:LongString": text("LongString"),
  "bt:ShortResourceReference": resourceReference("ShortStrings"),
  "bt:LongResourceReference": resourceReference("LongStrings"),
  "bt:URLResourceReference": resourceReference("Urls"),
  "bt:ImageResourceReference": { attributes: { resid: req("ReferenceId"), size: req("Integer") }, refersTo: "Images" },
  "bt:IconList": { sequence: [many("bt", "Image", "bt:ImageResourceReference")] },
  "bt:Requirements": { sequence: [one("bt", "Sets", "bt:Sets")] },
  "bt:Sets": { sequence: [many("bt", "Set", "bt:VersionedRequirement")], attributes: { DefaultMinVersion: opt("ShortVersion") } },
  "bt:VersionedRequirement": { attributes: { MinVersion: opt("ShortVersion"), Name: req("ShortString") } },
  "bt:Resources": {
    sequence: [
      optional("bt", "Images", "bt:ImageResources"),
      optional("bt", "Urls", "bt:URLResources"),
      optional("bt", "ShortStrings", "bt:ShortStringResources"),
      optional("bt", "LongStrings", "bt:LongStringResources"),
    ],
  },
  "bt:ImageResources": { sequence: [many("bt", "Image", "bt:ImageLocaleAwareSettingWithId", 0)] },
  "bt:URLResources": { sequence: [many("bt", "Url", "bt:URLLocaleAwareSettingWithId", 0)] },
  "bt:ShortStringResources": { sequence: [many("bt", "String", "bt:ShortLocaleAwareSettingWithId", 0)] },
  "bt:LongStringResources": { sequence: [many("bt", "String", "bt:LongLocaleAwareSettingWithId", 0)] },
  "bt:ImageLocaleAwareSettingWithId": localeAware("bt", "bt:URLLocaleOverride", "URL", true),
  "bt:URLLocaleAwareSettingWithId": localeAware("bt", "bt:URLLocaleOverride", "URL", true),
  "bt:ShortLocaleAwareSettingWithId": localeAware("bt", "bt:ShortLocaleOverride", "ShortString", true),
  "bt:LongLocaleAwareSettingWithId": localeAware("bt", "bt:LongLocaleOverride", "LongString", true),
  "bt:ShortLocaleOverride": localeOverride("ShortString"),
  "bt:LongLocaleOverride": localeOverride("LongString"),
  "bt:URLLocaleOverride": localeOverride("URL"),
};

/** The document element: <OfficeApp> in the appforoffice/1.1 namespace, of abstract type OfficeApp. */
export const ROOT: Particle = one("app", "OfficeApp", "app:OfficeApp");

/**
 * Limits Microsoft documents outside the XSD facets (reference pages under learn.microsoft.com/javascript/api/manifest/):
 *  - Icon / Resources: an <Icon> must provide the sizes 16, 32 and 80; 20, 24, 40, 48 and 64 are also supported;
 *  - IconUrl: 32 × 32 pixels for task pane add-ins; HighResolutionIconUrl: 64 × 64;
 *  - Resources (ImageResources annotation in the XSD): an image file should not exceed 100 KB;
 *  - Resources: an id is unique within the manifest; every Image and Url uses SSL (https);
 *  - Group: its id is unique across all groups; Control: its id is unique across all controls;
 *  - AppDomain: listing the SourceLocation's own domain has no effect and may be misleading.
 */
export const ICON_SIZES = { required: [16, 32, 80], supported: [16, 20, 24, 32, 40, 48, 64, 80] } as const;
export const ICON_URL_SIZE = 32;
export const HIGH_RESOLUTION_ICON_URL_SIZE = 64;
export const MAX_IMAGE_BYTES = 100 * 1024;
