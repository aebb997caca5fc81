import type { z } from "zod";
import { listChangeEventsInput, changeEventsPageSchema, changeEventSchema } from "@/lib/events/list-change-events";
import { apiRoleMembersPageSchema, listApiRoleMembersInput } from "@/lib/groups/list-api-role-members";
import { apiRoleListItemSchema, apiRolesPageSchema, listApiRolesInput } from "@/lib/groups/list-api-roles";
import { apiPeoplePageSchema, listApiPeopleInput } from "@/lib/people/list-api-people";
import { apiErrorSchema } from "@/lib/api-keys/serve-api-request";
import { pathIdSchema } from "./path-id";
import { apiPersonSchema, apiRoleSchema } from "./resource-json";

/** An error status an endpoint can answer, beyond the 401, 429 and 500 every keyed one can. */
export type ErrorStatus = 400 | 404 | 410;

/**
 * One GET endpoint of /api/v1 as the OpenAPI document describes it, from the schemas its
 * service parses the query with and shapes the answer by.
 */
export type ApiEndpoint = {
  /** The path as the OpenAPI document writes it: `{id}` where the route folder is `[id]`. */
  path: string;
  summary: string;
  description: string;
  query?: z.ZodObject;
  pathParams?: Record<string, z.ZodType>;
  /** A schema of `apiComponents`, referenced by its name. */
  response: z.ZodType;
  errors: ErrorStatus[];
  /** Served without a key. */
  public?: boolean;
};

/** Named schemas: `components.schemas` of the document, referenced wherever they are used. */
export const apiComponents: Record<string, z.ZodType> = {
  Person: apiPersonSchema,
  Role: apiRoleSchema,
  RoleWithMemberCount: apiRoleListItemSchema,
  ChangeEvent: changeEventSchema,
  PeoplePage: apiPeoplePageSchema,
  RolesPage: apiRolesPageSchema,
  RoleMembersPage: apiRoleMembersPageSchema,
  ChangeEventsPage: changeEventsPageSchema,
  Error: apiErrorSchema,
};

const paging =
  "Pages come in id order; pass a page's next as after until next is null. Every item that exists for the whole walk comes exactly once, whatever changes meanwhile.";

export const apiEndpoints: ApiEndpoint[] = [
  {
    path: "/api/v1/events",
    summary: "Read the change events feed",
    description:
      "The tenant's change events after a position, oldest first. Store next once a page is handled and pass it as after; an empty page returns the same next (poll again later). Without after, the feed starts at the oldest event retention kept. A position older than retention answers 410 cursor_expired: start again without after.",
    query: listChangeEventsInput,
    response: changeEventsPageSchema,
    errors: [400, 410],
  },
  {
    path: "/api/v1/people",
    summary: "List people",
    description: `The tenant's provisioned people, filtered by status, integration, role and time of last change (purged people are never listed). ${paging}`,
    query: listApiPeopleInput,
    response: apiPeoplePageSchema,
    errors: [400],
  },
  {
    path: "/api/v1/people/{id}",
    summary: "Get a person",
    description: "One person, whatever their status. An unknown id, another tenant's, a malformed one or a purged person's answers 404.",
    pathParams: { id: pathIdSchema },
    response: apiPersonSchema,
    errors: [404],
  },
  {
    path: "/api/v1/roles",
    summary: "List roles",
    description: `The tenant's roles (groups the identity provider provisions), deleted ones included, each with its member count. ${paging}`,
    query: listApiRolesInput,
    response: apiRolesPageSchema,
    errors: [400],
  },
  {
    path: "/api/v1/roles/{id}/members",
    summary: "List a role's members",
    description: `The role's members, as people, each with the time they joined (\`joinedAt\`). ${paging} An unknown role, another tenant's or a malformed id answers 404.`,
    pathParams: { id: pathIdSchema },
    query: listApiRoleMembersInput,
    response: apiRoleMembersPageSchema,
    errors: [400, 404],
  },
];
