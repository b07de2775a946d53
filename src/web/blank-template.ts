/**
 * The blank template's bytes (base64). The build replaces this module with the template made by
 * scripts/blank-template.ts (scripts/blank-template-loader.js); unbuilt it is empty.
 */
export const BLANK_TEMPLATE_BASE64: string = "";
