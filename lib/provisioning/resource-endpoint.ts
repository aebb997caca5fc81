import { invalidSyntax, methodNotAllowed } from "@/lib/scim/errors";
import { etagFor, ifNoneMatchSatisfied } from "@/lib/scim/etag";
import { listResponse, parseListQuery, type ListQuery } from "@/lib/scim/list-response";
import { parseAttributeList, type ProjectionOptions } from "@/lib/scim/projection";
import { readJsonBody } from "./request-body";
import { DEFAULT_COUNT, MAX_RESULTS } from "@/lib/scim-limits";
import type { ScimContext, ScimResponse } from "./scim-request";
import type { ScimRoute } from "./scim-route";

type Row = { id: string; version: number };

/** What one resource type (Users, Groups) plugs into the shared SCIM endpoint. */
export type ResourceType<R extends Row> = {
  path: "Users" | "Groups";
  /**
   * Rows as SCIM resources, projected; related data loaded only when returned, and not at
   * all for a resource just created (`isNew`), which nothing refers to yet.
   */
  render(context: ScimContext, rows: R[], projection: ProjectionOptions, options?: { isNew?: boolean }): Promise<Record<string, unknown>[]>;
  list(context: ScimContext, query: ListQuery): Promise<{ totalResults: number; rows: R[] }>;
  create(context: ScimContext, body: unknown): Promise<{ row: R; ignored: string[]; isNew?: boolean }>;
  /** GET of one resource: the row, with what the projection returns of its related data when the read can bring it. */
  find(context: ScimContext, id: string, projection: ProjectionOptions): Promise<R>;
  replace(context: ScimContext, id: string, body: unknown, ifMatch: string | null): Promise<{ row: R; ignored: string[] }>;
  patch(context: ScimContext, id: string, body: unknown, ifMatch: string | null): Promise<R>;
  remove(context: ScimContext, id: string, ifMatch: string | null): Promise<void>;
  /** A GET of one resource written out as it is read, when rendering it whole would be large. */
  stream?(context: ScimContext, row: R, projection: ProjectionOptions): AsyncIterable<string> | undefined;
};

function projectionFrom(query: URLSearchParams): ProjectionOptions {
  return {
    attributes: parseAttributeList(query.get("attributes")),
    excludedAttributes: parseAttributeList(query.get("excludedAttributes")),
  };
}

/**
 * RFC 7644 section 3.5.2 lets a PATCH answer 200 with the resource or 204 No Content; Entra
 * and Okta accept both for Users and Groups alike. One rule for both: 204, and 200 with the
 * projected resource when the request names `attributes` or `excludedAttributes`. Identity
 * providers don't read the body, and rendering a large group's members for every membership
 * change would cost more than the change itself.
 */
function asksForRepresentation(query: URLSearchParams): boolean {
  return [...query.keys()].some((key) => ["attributes", "excludedattributes"].includes(key.toLowerCase()));
}

/** A listing's query (RFC 7644 section 3.4.2), within this service's page sizes. */
export function readListQuery(params: URLSearchParams | Record<string, unknown>): ListQuery {
  return parseListQuery(params, { maxCount: MAX_RESULTS, defaultCount: DEFAULT_COUNT });
}

/** `/{path}`, `/{path}/{id}` and `/{path}/.search` (RFC 7644 sections 3.3 to 3.6) for one resource type. */
export function resourceEndpoint<R extends Row>(type: ResourceType<R>) {
  async function one(context: ScimContext, row: R, status: number, extra: Record<string, string> = {}, isNew = false): Promise<ScimResponse> {
    const [body] = await type.render(context, [row], projectionFrom(context.request.query), { isNew });
    return { status, headers: { etag: etagFor(row.version), ...extra }, body };
  }

  async function list(context: ScimContext, params: URLSearchParams | Record<string, unknown>): Promise<ScimResponse> {
    const query = readListQuery(params);
    const { totalResults, rows } = await type.list(context, query);
    const resources = await type.render(context, rows, query);
    return { status: 200, headers: {}, body: listResponse(resources, { totalResults, startIndex: query.startIndex }) };
  }

  return async function endpoint(context: ScimContext, route: ScimRoute): Promise<ScimResponse> {
    const { method, query, headers } = context.request;
    const ifMatch = headers.get("if-match");
    if (route.search) {
      if (method !== "POST") throw methodNotAllowed(method, ["POST"]);
      const body = readJsonBody(context.request);
      // RFC 7644 section 3.4.3: the query is a SearchRequest object; anything else is no query.
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        throw invalidSyntax("The .search body must be a JSON object (a SearchRequest)");
      }
      return list(context, body as Record<string, unknown>);
    }
    if (!route.id) {
      if (method === "GET") return list(context, query);
      if (method !== "POST") throw methodNotAllowed(method, ["GET", "POST"]);
      const { row, ignored, isNew } = await type.create(context, readJsonBody(context.request));
      context.ignored.push(...ignored);
      return one(context, row, 201, { location: `${context.baseUrl}/${type.path}/${row.id}` }, isNew);
    }
    switch (method) {
      case "GET": {
        const projection = projectionFrom(query);
        const row = await type.find(context, route.id, projection);
        if (!ifNoneMatchSatisfied(headers.get("if-none-match"), row.version)) {
          return { status: 304, headers: { etag: etagFor(row.version) } };
        }
        const stream = type.stream?.(context, row, projection);
        if (stream) return { status: 200, headers: { etag: etagFor(row.version) }, stream };
        return one(context, row, 200);
      }
      case "PUT": {
        const { row, ignored } = await type.replace(context, route.id, readJsonBody(context.request), ifMatch);
        context.ignored.push(...ignored);
        return one(context, row, 200);
      }
      case "PATCH": {
        const row = await type.patch(context, route.id, readJsonBody(context.request), ifMatch);
        if (asksForRepresentation(query)) return one(context, row, 200);
        return { status: 204, headers: { etag: etagFor(row.version) } };
      }
      case "DELETE":
        await type.remove(context, route.id, ifMatch);
        return { status: 204, headers: {} };
      default:
        throw methodNotAllowed(method, ["GET", "PUT", "PATCH", "DELETE"]);
    }
  };
}
