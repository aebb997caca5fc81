import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { groupMembers, groups, people } from "@/db/schema";
import { apiLimitSchema, apiPageSchema, apiQuery, pageCursorSchema, pageOf } from "@/lib/api-v1/api-page";
import { pathIdOrNotFound } from "@/lib/api-v1/path-id";
import { apiPersonSchema, personJson, timestamp } from "@/lib/api-v1/resource-json";
import { AppError, parseInput } from "@/lib/errors";

export const listApiRoleMembersInput = apiQuery({ after: pageCursorSchema.optional(), limit: apiLimitSchema });

export const apiRoleMemberSchema = apiPersonSchema
  .extend({ joinedAt: timestamp.describe("When the person became a member of the role (their latest joining, if they left and came back)") })
  .describe("A member of a role: the person, and when they joined");

export const apiRoleMembersPageSchema = apiPageSchema(apiRoleMemberSchema);

const NOT_FOUND = "No role with this id";

/**
 * GET /api/v1/roles/{id}/members: one page of the role's members, as people with the time
 * each joined. The page is
 * read in SQL along the membership's primary key (role, person) from the position on, so
 * a role of 100,000 members costs what a role of 100 does per page. A deleted role has no
 * members (deleting it removed them); a role of another tenant is not found.
 */
export async function listApiRoleMembers(db: Db, tenantId: string, id: string, raw: z.input<typeof listApiRoleMembersInput>): Promise<z.output<typeof apiRoleMembersPageSchema>> {
  const roleId = pathIdOrNotFound(id, NOT_FOUND);
  const query = parseInput(listApiRoleMembersInput, raw);
  const [role] = await db.select({ id: groups.id }).from(groups).where(and(eq(groups.tenantId, tenantId), eq(groups.id, roleId)));
  if (!role) throw new AppError("not_found", NOT_FOUND);
  const rows = await db
    .select({ member: sql<unknown>`${personJson("people")} || jsonb_build_object('joinedAt', ${groupMembers.createdAt})` })
    .from(groupMembers)
    .innerJoin(people, and(eq(people.id, groupMembers.personId), eq(people.tenantId, tenantId)))
    .where(and(eq(groupMembers.tenantId, tenantId), eq(groupMembers.groupId, roleId), query.after ? gt(groupMembers.personId, query.after) : undefined))
    .orderBy(asc(groupMembers.personId))
    .limit(query.limit + 1);
  return pageOf(rows.map((row) => apiRoleMemberSchema.parse(row.member)), query.limit);
}
