import type { Group } from "@/db/schema";
import { createGroup } from "@/lib/groups/create-group";
import { deleteGroup } from "@/lib/groups/delete-group";
import { findGroup } from "@/lib/groups/find-group";
import { listGroups } from "@/lib/groups/list-groups";
import { membersOfGroup, membersOfGroups } from "@/lib/groups/members-of-groups";
import { patchGroup } from "@/lib/groups/patch-group";
import { replaceGroup } from "@/lib/groups/replace-group";
import { memberBuilder, toScimGroup } from "@/lib/groups/scim-group";
import { etagFor, ifNoneMatchSatisfied } from "@/lib/scim/etag";
import { listResponse, parseListQuery } from "@/lib/scim/list-response";
import { parseAttributeList, type ProjectionOptions } from "@/lib/scim/projection";
import { methodNotAllowed } from "./dispatch";
import { readJsonBody } from "./request-body";
import { DEFAULT_COUNT, MAX_RESULTS, type ScimContext, type ScimResponse } from "./scim-request";
import type { ScimRoute } from "./scim-route";

function projectionFrom(query: URLSearchParams): ProjectionOptions {
  return {
    attributes: parseAttributeList(query.get("attributes")),
    excludedAttributes: parseAttributeList(query.get("excludedAttributes")),
  };
}

/**
 * Groups as SCIM Groups. Members are read only when the response returns them
 * (`excludedAttributes=members` reads none): paged out of the table for one group, in one
 * query for a whole list page.
 */
async function render(context: ScimContext, rows: Group[], projection: ProjectionOptions) {
  const build = memberBuilder(context.baseUrl, projection);
  if (!build) return rows.map((g) => toScimGroup(g, context.baseUrl, projection));
  if (rows.length === 1) {
    const members = await membersOfGroup(context.db, context.tenantId, rows[0].id, build);
    return [toScimGroup(rows[0], context.baseUrl, projection, members)];
  }
  const members = await membersOfGroups(context.db, context.tenantId, rows.map((g) => g.id), build);
  return rows.map((g) => toScimGroup(g, context.baseUrl, projection, members.get(g.id)));
}

async function one(context: ScimContext, group: Group, status: number, extra: Record<string, string> = {}): Promise<ScimResponse> {
  const [body] = await render(context, [group], projectionFrom(context.request.query));
  return { status, headers: { etag: etagFor(group.version), ...extra }, body };
}

async function list(context: ScimContext, params: URLSearchParams | Record<string, unknown>): Promise<ScimResponse> {
  const query = parseListQuery(params, { maxCount: MAX_RESULTS, defaultCount: DEFAULT_COUNT });
  const { totalResults, groups } = await listGroups(context.db, context, query);
  const resources = await render(context, groups, query);
  return { status: 200, headers: {}, body: listResponse(resources, { totalResults, startIndex: query.startIndex }) };
}

/**
 * RFC 7644 section 3.5.2: a successful PATCH answers "either a 200 OK response code and the
 * entire resource within the response body, subject to the 'attributes' query parameter
 * (see Section 3.9), or a 204 No Content". Entra expects 204 for groups
 * (https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups#update-group-add-members),
 * and rendering a large group's members for nothing is waste: 204 unless the request asks
 * for a representation with `attributes` or `excludedAttributes`.
 */
function wantsPatchedResource(query: URLSearchParams): boolean {
  return [...query.keys()].some((key) => ["attributes", "excludedattributes"].includes(key.toLowerCase()));
}

/** /Groups, /Groups/{id} and /Groups/.search (RFC 7644 sections 3.3 to 3.6). */
export async function groupsEndpoint(context: ScimContext, route: ScimRoute): Promise<ScimResponse> {
  const { method, query, headers } = context.request;
  const ifMatch = headers.get("if-match");
  if (route.search) {
    if (method !== "POST") methodNotAllowed(method, ["POST"]);
    return list(context, readJsonBody(context.request) as Record<string, unknown>);
  }
  if (!route.id) {
    if (method === "GET") return list(context, query);
    if (method !== "POST") methodNotAllowed(method, ["GET", "POST"]);
    const { group, ignored } = await createGroup(context.db, context, readJsonBody(context.request));
    context.ignored.push(...ignored);
    return one(context, group, 201, { location: `${context.baseUrl}/Groups/${group.id}` });
  }
  switch (method) {
    case "GET": {
      const group = await findGroup(context.db, context, route.id);
      if (ifNoneMatchSatisfied(headers.get("if-none-match"), group.version) === false) {
        return { status: 304, headers: { etag: etagFor(group.version) } };
      }
      return one(context, group, 200);
    }
    case "PUT": {
      const { group, ignored } = await replaceGroup(context.db, context, route.id, readJsonBody(context.request), ifMatch);
      context.ignored.push(...ignored);
      return one(context, group, 200);
    }
    case "PATCH": {
      const group = await patchGroup(context.db, context, route.id, readJsonBody(context.request), ifMatch);
      if (wantsPatchedResource(query)) return one(context, group, 200);
      return { status: 204, headers: { etag: etagFor(group.version) } };
    }
    case "DELETE":
      await deleteGroup(context.db, context, route.id, ifMatch);
      return { status: 204, headers: {} };
    default:
      methodNotAllowed(method, ["GET", "PUT", "PATCH", "DELETE"]);
  }
}
