import type { Db } from "@/db/client";
import { serveApiRequest, type ApiRequest } from "@/lib/api-keys/serve-api-request";

/** The allowance's clock for callApi: each request a second after the last, so a test's many requests never run out. */
let clock = Date.now();

/**
 * One /api/v1 request as its route serves it: `path` (with its query string) under
 * http://localhost, the key as a Bearer header (none when null), `endpoint` as the route binds it.
 */
export async function callApi(db: Db, key: string | null, path: string, endpoint: (request: ApiRequest) => Promise<unknown>) {
  const headers = key ? { authorization: `Bearer ${key}` } : undefined;
  const response = await serveApiRequest(db, new Request(`http://localhost${path}`, { headers }), endpoint, new Date((clock += 1_000)));
  // The bodies are JSON that tests read field by field.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}
