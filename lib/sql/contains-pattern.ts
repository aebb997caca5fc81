/**
 * A case-insensitive "contains" pattern for ILIKE, bound as a parameter: the user's `%`, `_`
 * and `\` match themselves instead of acting as wildcards.
 */
export function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
