import { invalidSyntax, invalidValue, methodNotAllowed, ScimError } from "@/lib/scim/errors";
import { listResponse, type ListQuery } from "@/lib/scim/list-response";
import { groupResource } from "./groups-endpoint";
import { readJsonBody } from "./request-body";
import { readListQuery, type ResourceType } from "./resource-endpoint";
import type { ScimContext, ScimResponse } from "./scim-request";
import { userResource } from "./users-endpoint";

type AnyResource = ResourceType<{ id: string; version: number }>;

/**
 * `POST /.search` (RFC 7644 section 3.4.3): one SearchRequest over Users, then Groups (when the
 * integration takes groups), paged as one list. A filter naming an attribute that only one
 * type has matches nothing of the other type; a filter that no type understands is refused.
 * Sorting across types is refused: Users and Groups share no attribute worth ordering by.
 */
export async function rootSearch(context: ScimContext): Promise<ScimResponse> {
  const { method } = context.request;
  if (method !== "POST") throw methodNotAllowed(method, ["POST"]);
  const body = readJsonBody(context.request);
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalidSyntax("The .search body must be a JSON object (a SearchRequest)");
  }
  const query = readListQuery(body as Record<string, unknown>);
  if (query.sortBy) {
    throw invalidValue("sortBy is not supported when searching Users and Groups together; search /Users/.search or /Groups/.search");
  }
  const types: AnyResource[] = [userResource as unknown as AnyResource];
  if (context.integration.settings.groupsEnabled) types.push(groupResource as unknown as AnyResource);

  let totalResults = 0;
  const refusals: ScimError[] = [];
  const resources: Record<string, unknown>[] = [];
  for (const type of types) {
    // The page continues in this type where the previous types' results ended.
    const page: ListQuery = {
      ...query,
      startIndex: Math.max(1, query.startIndex - totalResults),
      count: query.count - resources.length,
    };
    const result = await listOrRefusal(type, context, page);
    if (result instanceof ScimError) {
      refusals.push(result);
      continue;
    }
    totalResults += result.totalResults;
    resources.push(...(await type.render(context, result.rows, query)));
  }
  // A filter every type refused (bad syntax, or attributes none of them has) is the caller's error.
  if (refusals.length === types.length) throw refusals[0];
  return { status: 200, headers: {}, body: listResponse(resources, { totalResults, startIndex: query.startIndex }) };
}

async function listOrRefusal(type: AnyResource, context: ScimContext, page: ListQuery) {
  try {
    return await type.list(context, page);
  } catch (error) {
    if (error instanceof ScimError && error.scimType === "invalidFilter") return error;
    throw error;
  }
}
