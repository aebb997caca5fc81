import type { Person } from "@/db/schema";
import { createPerson } from "@/lib/people/create-person";
import { deletePerson } from "@/lib/people/delete-person";
import { findPerson } from "@/lib/people/find-person";
import { listPeople } from "@/lib/people/list-people";
import { patchPerson } from "@/lib/people/patch-person";
import { groupsOfPeople } from "@/lib/people/person-groups";
import { replacePerson } from "@/lib/people/replace-person";
import { toScimUser } from "@/lib/people/scim-user";
import { invalidSyntax } from "@/lib/scim/errors";
import { etagFor, ifNoneMatchSatisfied } from "@/lib/scim/etag";
import { listResponse, parseListQuery } from "@/lib/scim/list-response";
import { parseAttributeList, projectAttributes, returnsAttribute, type ProjectionOptions } from "@/lib/scim/projection";
import { userSchemas } from "@/lib/scim/schemas/lookup";
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

/** People as SCIM Users, with their groups loaded only when the response includes them. */
async function render(context: ScimContext, rows: Person[], projection: ProjectionOptions) {
  const groups = returnsAttribute(userSchemas, projection, "groups")
    ? await groupsOfPeople(context.db, context.tenantId, rows.map((p) => p.id))
    : undefined;
  return rows.map((p) => projectAttributes(toScimUser(p, context.baseUrl, groups?.get(p.id) ?? []), userSchemas, projection));
}

async function one(context: ScimContext, person: Person, status: number, extra: Record<string, string> = {}): Promise<ScimResponse> {
  const [body] = await render(context, [person], projectionFrom(context.request.query));
  return { status, headers: { etag: etagFor(person.version), ...extra }, body };
}

async function list(context: ScimContext, params: URLSearchParams | Record<string, unknown>): Promise<ScimResponse> {
  const query = parseListQuery(params, { maxCount: MAX_RESULTS, defaultCount: DEFAULT_COUNT });
  const { totalResults, people } = await listPeople(context.db, context, query);
  const resources = await render(context, people, query);
  return { status: 200, headers: {}, body: listResponse(resources, { totalResults, startIndex: query.startIndex }) };
}

/** /Users, /Users/{id} and /Users/.search (RFC 7644 sections 3.3 to 3.6). */
export async function usersEndpoint(context: ScimContext, route: ScimRoute): Promise<ScimResponse> {
  const { method, query, headers } = context.request;
  const ifMatch = headers.get("if-match");
  if (route.search) {
    if (method !== "POST") methodNotAllowed(method, ["POST"]);
    const body = readJsonBody(context.request);
    // RFC 7644 section 3.4.3: the query is a SearchRequest object; anything else is no query.
    if (typeof body !== "object" || body === null || Array.isArray(body)) throw invalidSyntax("The .search body must be a JSON object");
    return list(context, body as Record<string, unknown>);
  }
  if (!route.id) {
    if (method === "GET") return list(context, query);
    if (method !== "POST") methodNotAllowed(method, ["GET", "POST"]);
    const { person, ignored } = await createPerson(context.db, context, readJsonBody(context.request));
    context.ignored.push(...ignored);
    return one(context, person, 201, { location: `${context.baseUrl}/Users/${person.id}` });
  }
  switch (method) {
    case "GET": {
      const person = await findPerson(context.db, context, route.id);
      if (ifNoneMatchSatisfied(headers.get("if-none-match"), person.version) === false) {
        return { status: 304, headers: { etag: etagFor(person.version) } };
      }
      return one(context, person, 200);
    }
    case "PUT": {
      const { person, ignored } = await replacePerson(context.db, context, route.id, readJsonBody(context.request), ifMatch);
      context.ignored.push(...ignored);
      return one(context, person, 200);
    }
    case "PATCH":
      return one(context, await patchPerson(context.db, context, route.id, readJsonBody(context.request), ifMatch), 200);
    case "DELETE":
      await deletePerson(context.db, context, route.id, ifMatch);
      return { status: 204, headers: {} };
    default:
      methodNotAllowed(method, ["GET", "PUT", "PATCH", "DELETE"]);
  }
}
