import { ScimError } from "@/lib/scim/errors";

export type ScimResourceName = "Users" | "Groups" | "ServiceProviderConfig" | "ResourceTypes" | "Schemas" | "Bulk" | "Me";

/** `POST /.search` at the server root searches every resource type (RFC 7644 section 3.4.3). */
const ROOT_SEARCH = ".search";

export type ScimRoute = {
  /** The integration's app key when the URL carries one; absent in the keyless form. */
  appKey?: string;
  /** "Root" for `POST /.search` across resource types. */
  resource: ScimResourceName | "Root";
  /** `/Users/{id}`, `/ResourceTypes/{name}`, `/Schemas/{urn}`. */
  id?: string;
  /** `POST /Users/.search` and `POST /.search` (RFC 7644 section 3.4.3). */
  search: boolean;
};

const resources: ScimResourceName[] = ["Users", "Groups", "ServiceProviderConfig", "ResourceTypes", "Schemas", "Bulk", "Me"];

/** Resource names are matched case-insensitively: some clients send `/users`. */
function resourceName(segment: string | undefined): ScimResourceName | undefined {
  return resources.find((r) => r.toLowerCase() === segment?.toLowerCase());
}

/** A malformed percent-escape (`%ZZ`) names no endpoint: 404, not a URIError. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ScimError(404, undefined, `No SCIM endpoint at a path with a malformed escape: ${segment.slice(0, 100)}`);
  }
}

/**
 * The app key a path starts with, if any, even when a later segment does not decode: a
 * request refused for its path is still logged under the integration it named.
 */
export function appKeyOf(segments: string[]): string | undefined {
  let first: string;
  try {
    first = decodeURIComponent(segments[0] ?? "");
  } catch {
    return undefined;
  }
  return first && !resourceName(first) && first !== ROOT_SEARCH ? first : undefined;
}

/**
 * Reads `[appKey]/Resource[/id | /.search]` from the path below /api/scim/v2. The app key
 * is optional (DESIGN.md: the token alone may name the integration).
 */
export function parseScimRoute(segments: string[]): ScimRoute {
  let rest = segments.map(decodeSegment);
  let appKey: string | undefined;
  if (rest.length > 0 && !resourceName(rest[0]) && rest[0] !== ROOT_SEARCH) {
    appKey = rest[0];
    rest = rest.slice(1);
  }
  if (rest.length === 1 && rest[0] === ROOT_SEARCH) return { appKey, resource: "Root", search: true };
  const resource = resourceName(rest[0]);
  if (!resource || rest.length > 2) {
    throw new ScimError(404, undefined, `No SCIM endpoint at /${segments.join("/")}; expected /Users, /Groups, /ServiceProviderConfig, /ResourceTypes or /Schemas`);
  }
  const id = rest[1];
  if (id === ".search") return { appKey, resource, search: true };
  return { appKey, resource, id, search: false };
}
