/** A logged request's path and query as sent, the query decoded so a filter reads as written. */
export function pathWithQuery(entry: { path: string; query: string }): string {
  if (!entry.query) return entry.path;
  try {
    return `${entry.path}?${decodeURIComponent(entry.query.replaceAll("+", " "))}`;
  } catch {
    return `${entry.path}?${entry.query}`;
  }
}
