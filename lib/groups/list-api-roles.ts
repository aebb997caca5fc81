import { and, asc, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { groupMembers, groups } from "@/db/schema";
import { apiLimitSchema, apiPageSchema, apiQuery, pageCursorSchema, pageOf } from "@/lib/api-v1/api-page";
import { apiRoleSchema, roleJson } from "@/lib/api-v1/resource-json";
import { parseInput } from "@/lib/errors";

export const listApiRolesInput = apiQuery({ after: pageCursorSchema.optional(), limit: apiLimitSchema });

export const apiRoleListItemSchema = apiRoleSchema
  .extend({ memberCount: z.number().int().describe("How many people the role has now") })
  .describe("A role with its member count");

export const apiRolesPageSchema = apiPageSchema(apiRoleListItemSchema);

/**
 * GET /api/v1/roles: one page of the tenant's roles, deleted ones included (deletedAt set),
 * in id order for the reason people are (list-api-people.ts). Each count reads only its own
 * role's slice of the membership's primary key, so a page costs its roles' members' index
 * entries, never a scan of every membership of the tenant.
 */
export async function listApiRoles(db: Db, tenantId: string, raw: z.input<typeof listApiRolesInput>): Promise<z.output<typeof apiRolesPageSchema>> {
  const query = parseInput(listApiRolesInput, raw);
  const memberCount = sql<number>`(select count(*)::int from ${groupMembers} where ${groupMembers.groupId} = ${groups.id} and ${groupMembers.tenantId} = ${tenantId})`;
  const rows = await db
    .select({ role: sql<unknown>`${roleJson("groups")}`, memberCount })
    .from(groups)
    .where(and(eq(groups.tenantId, tenantId), query.after ? gt(groups.id, query.after) : undefined))
    .orderBy(asc(groups.id))
    .limit(query.limit + 1);
  const roles = rows.map((row) => apiRoleListItemSchema.parse({ ...(row.role as object), memberCount: row.memberCount }));
  return pageOf(roles, query.limit);
}
