import type { Db } from "@/db/client";
import type { Integration, Token } from "@/db/schema";
import { ScimError } from "@/lib/scim/errors";
import type { Lookup, PrefetchedLookup } from "@/lib/scim-resources/filter-resources";
import type { Prefetched } from "@/lib/scim-resources/find-live-resource";
import type { ResourceTable } from "@/lib/scim-resources/resource-table";
import { findTokenBySecret, findTokenWithLookup, findTokenWithResource, type TokenRow } from "@/lib/tokens/find-token-by-secret";
import { hashSecret } from "@/lib/tokens/mint-token";
import { forgetCredentials, recallCredentials, rememberCredentials, type UnconfirmedCredentials } from "@/lib/tokens/remembered-credentials";

export type Authenticated = {
  integration: Integration;
  token: Token;
  prefetched?: Prefetched | PrefetchedLookup;
  /** Set when the credentials were remembered, not read (`remembered` below). */
  unconfirmed?: UnconfirmedCredentials;
};

/** A resource to read in the statement that checks the token (findTokenWithResource). */
export type NamedResource = { table: ResourceTable; id: string };

/** What a request reads first, read with its token: a resource it names, or the lookup its filter is. */
export type ReadFirst = NamedResource | Lookup;

function readWithToken(db: Db, secretHash: string, prefetch: ReadFirst | undefined) {
  if (!prefetch) return findTokenBySecret(db, secretHash);
  if ("id" in prefetch) return findTokenWithResource(db, secretHash, prefetch.table, prefetch.id);
  return findTokenWithLookup(db, secretHash, prefetch);
}

const unauthorized = (detail: string) => new ScimError(401, undefined, detail);

/** Bearer <secret> (Entra, most clients) or Basic base64(appKey:secret) (Okta's app key + secret key). */
function readCredentials(header: string | null): { secret: string; appKey?: string } {
  if (!header) throw unauthorized("Authorization header missing: send 'Bearer <secret token>'");
  const [scheme, ...rest] = header.trim().split(/\s+/);
  const value = rest.join(" ");
  if (scheme.toLowerCase() === "bearer" && value) return { secret: value };
  if (scheme.toLowerCase() === "basic" && value) {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon > 0) return { appKey: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  }
  throw unauthorized("Authorization must be 'Bearer <secret token>' or Basic with appKey:secret");
}

/** Why `row` may not make a request, as the 401 to answer, or undefined when it may. */
function refusalOf(row: TokenRow, appKey: string | undefined, pathAppKey: string | undefined): ScimError | undefined {
  if (row.token.expiresAt && row.token.expiresAt <= new Date()) return unauthorized("The token has expired");
  if (appKey !== undefined && appKey !== row.integration.appKey) return unauthorized("The app key does not match the token");
  if (pathAppKey !== undefined && pathAppKey !== row.integration.appKey) {
    return unauthorized("The token belongs to another integration than the one in the URL");
  }
  if (row.integration.status !== "active") return unauthorized("The integration is disabled");
  return undefined;
}

/**
 * Finds the live token and its integration, and `prefetch`, what the request reads first, in
 * the same statement. Every failure is the same 401 to the caller (the detail says which,
 * without revealing whether another tenant's key exists), and drops what was prefetched.
 * With `remembered`, a request whose one write can confirm them (remembered-credentials.ts)
 * takes the credentials this process last read for the secret, if they pass the same checks,
 * without reading them: they come back `unconfirmed`.
 */
export async function authenticate(
  db: Db,
  header: string | null,
  pathAppKey: string | undefined,
  prefetch?: ReadFirst,
  options: { remembered?: boolean } = {},
): Promise<Authenticated> {
  const { secret, appKey } = readCredentials(header);
  const secretHash = hashSecret(secret);
  const remembered = options.remembered ? recallCredentials(db, secretHash) : undefined;
  if (remembered && !refusalOf(remembered, appKey, pathAppKey)) {
    return { token: remembered.token, integration: remembered.integration, unconfirmed: { secretHash, version: remembered.version, confirmed: false } };
  }
  const row = await readWithToken(db, secretHash, prefetch);
  const refusal = row ? refusalOf(row, appKey, pathAppKey) : unauthorized("The token is not valid or has been revoked");
  if (!row || refusal) {
    // Kept while the read is in flight, for the requests meanwhile; refused, it is forgotten.
    forgetCredentials(db, secretHash);
    throw refusal;
  }
  rememberCredentials(db, secretHash, row);
  return row;
}
