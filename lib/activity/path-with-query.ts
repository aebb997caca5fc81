/**
 * A logged request's path and query as an admin reads them: the query decoded so a filter
 * reads as written and, with `belowTenantUrl`, the integration's app key left off the front
 * (`/Users/…` instead of `/3paqbvdkv7aj4rlouvxv/Users/…`), as the identity provider shows it.
 */
export function pathWithQuery(
  entry: { path: string; query: string; integrationKey?: string | null },
  options: { belowTenantUrl?: boolean } = {},
): string {
  let path = entry.path;
  const prefix = entry.integrationKey ? `/${entry.integrationKey}` : null;
  if (options.belowTenantUrl && prefix && (path === prefix || path.startsWith(`${prefix}/`))) path = path.slice(prefix.length) || "/";
  if (!entry.query) return path;
  try {
    return `${path}?${decodeURIComponent(entry.query.replaceAll("+", " "))}`;
  } catch {
    return `${path}?${entry.query}`;
  }
}
