/**
 * Name matching (spec C): names are compared after Unicode NFKC folding (full-width brackets, digits and
 * spaces become half-width) and removal of all whitespace. Nothing is guessed beyond the alias table.
 */
export function normalizeName(name: string): string {
  return name.normalize("NFKC").replace(/\s+/gu, "");
}
