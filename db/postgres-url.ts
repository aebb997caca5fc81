import postgres from "postgres";

/**
 * A postgres.js client for a PostgreSQL URL read as libpq reads it: a `host` query parameter
 * names the server's host or, when it starts with "/", the folder of its Unix socket
 * (`postgres://app@localhost:5432/scim?host=/var/run/postgresql`). postgres.js alone would
 * send that parameter to the server as a setting, which refuses it. On one machine, the
 * socket spares every statement the loopback TCP stack.
 */
export function connectPostgres(url: string, options: postgres.Options<Record<string, postgres.PostgresType>> = {}): postgres.Sql {
  const parsed = new URL(url);
  const host = parsed.searchParams.get("host");
  if (host === null) return postgres(url, options);
  parsed.searchParams.delete("host");
  return postgres(parsed.toString(), host === "" ? options : { ...options, host });
}

/** The URL of another database on the same server: the same host, socket and settings. */
export function databaseOnServer(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
