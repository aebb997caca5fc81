import { and, asc, gt, gte, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { people } from "@/db/schema";
import { apiLimitSchema, apiPageSchema, apiQuery, pageCursorSchema, pageOf } from "@/lib/api-v1/api-page";
import { apiPersonSchema, personJson } from "@/lib/api-v1/resource-json";
import { parseInput } from "@/lib/errors";
import { peopleMatching } from "./search-people";
import { personStatuses } from "./person-status";

export const listApiPeopleInput = apiQuery({
  after: pageCursorSchema.optional(),
  limit: apiLimitSchema,
  status: z
    .enum(personStatuses, { error: `status must be one of ${personStatuses.join(", ")}` })
    .optional()
    .describe("active, inactive (deactivated) or deleted (retained after deletion); every status when left out"),
  integration: z.guid("integration must be an integration id").optional().describe("Only the people this integration manages"),
  role: z.guid("role must be a role id").optional().describe("Only the members of this role"),
  updated_since: z.iso
    .datetime({ offset: true, error: "updated_since must be an ISO 8601 date-time with a time zone, e.g. 2026-12-01T00:00:00Z" })
    .transform((value) => new Date(value))
    .optional()
    .describe("Only people changed at or after this time"),
});

export const apiPeoplePageSchema = apiPageSchema(apiPersonSchema);

/**
 * GET /api/v1/people: one page of the tenant's people, filtered as the console's People page
 * filters (peopleMatching: purged people are never listed).
 *
 * Pages follow the person's id, which never changes. Ordering by updated_at instead would let
 * a person updated while a reader pages move behind the reader's position (read twice) or,
 * when a transaction that started earlier commits later, land behind it unseen. By id, every
 * person that exists for the whole walk is returned exactly once however many writes go on;
 * a reader that wants changes uses updated_since or the events feed.
 */
export async function listApiPeople(db: Db, tenantId: string, raw: z.input<typeof listApiPeopleInput>): Promise<z.output<typeof apiPeoplePageSchema>> {
  const query = parseInput(listApiPeopleInput, raw);
  const rows = await db
    .select({ person: sql<unknown>`${personJson("people")}` })
    .from(people)
    .where(
      and(
        peopleMatching(tenantId, { status: query.status ?? "all", integrationId: query.integration, roleId: query.role }),
        query.after ? gt(people.id, query.after) : undefined,
        query.updated_since ? gte(people.updatedAt, query.updated_since) : undefined,
      ),
    )
    .orderBy(asc(people.id))
    .limit(query.limit + 1);
  return pageOf(rows.map((row) => apiPersonSchema.parse(row.person)), query.limit);
}
