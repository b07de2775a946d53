// Reading the custom-functions metadata (functions.json) that the build generates from the JSDoc of
// src/functions/functions.ts. The task pane lists the functions from this file at run time, so the
// JSDoc stays the single source of truth. Pure code: no DOM, no Office.

import { SHELL_TEXT } from "../messages";

/** Display name of the add-in (manifest DisplayName). */
export const ADDIN_NAME = "安康市考核计算";

/** Custom-functions namespace; must equal the manifest's Functions.Namespace resource (tested). */
export const FUNCTIONS_NAMESPACE = "ASSESS";

/** Relative URL of the metadata: fetched from the add-in's own origin. */
export const FUNCTIONS_METADATA_URL = "functions.json";

/** What the task pane shows for one custom function. */
export interface FunctionSummary {
  /** Name as typed in a cell, without namespace, e.g. "HOTLINE_SCORE". */
  readonly name: string;
  /** Call syntax with namespace, e.g. "ASSESS.HOTLINE_SCORE(单位, [年度])". */
  readonly signature: string;
  /** One-line description (first line of the JSDoc description); "" when there is none. */
  readonly description: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function firstLine(text: string): string {
  return text.trim().split(/\r?\n/)[0]?.trim() ?? "";
}

function parameterLabel(parameter: unknown): string | undefined {
  if (!isRecord(parameter) || typeof parameter.name !== "string") return undefined;
  let label = parameter.name;
  if (parameter.repeating === true) label += "…";
  return parameter.optional === true ? `[${label}]` : label;
}

/**
 * Turns the parsed functions.json into the list the task pane shows, sorted by name.
 * Functions marked excludeFromAutoComplete are left out, as Excel hides them too.
 * Throws when the value is not custom-functions metadata.
 */
export function parseFunctionsMetadata(json: unknown, namespace: string = FUNCTIONS_NAMESPACE): FunctionSummary[] {
  if (!isRecord(json) || !Array.isArray(json.functions)) {
    throw new Error(SHELL_TEXT.badMetadata);
  }
  const summaries: FunctionSummary[] = [];
  for (const fn of json.functions) {
    if (!isRecord(fn) || typeof fn.name !== "string" || fn.name === "") continue;
    if (isRecord(fn.options) && fn.options.excludeFromAutoComplete === true) continue;
    const parameters = Array.isArray(fn.parameters) ? fn.parameters : [];
    const labels = parameters.map(parameterLabel).filter((label): label is string => label !== undefined);
    summaries.push({
      name: fn.name,
      signature: `${namespace}.${fn.name}(${labels.join(", ")})`,
      description: typeof fn.description === "string" ? firstLine(fn.description) : "",
    });
  }
  return summaries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Fetches and parses functions.json relative to the page (the add-in's own origin). */
export async function loadFunctionSummaries(
  fetchFn: (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>,
  url: string = FUNCTIONS_METADATA_URL,
): Promise<FunctionSummary[]> {
  const response = await fetchFn(url);
  if (!response.ok) throw new Error(SHELL_TEXT.fetchFailed(url, response.status));
  return parseFunctionsMetadata(await response.json());
}
