import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groupMembers, groups, integrations } from "@/db/schema";
import { isUuid } from "@/lib/is-uuid";
import { groupLastModified } from "./group-version";

export type GroupProfile = {
  id: string;
  name: string;
  externalId: string | null;
  memberCount: number;
  integration: { id: string; name: string; provider: string } | null;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
};

/** A group of this tenant shown as a role, or null: another tenant's id is not found. */
export async function getGroupProfile(db: Db, tenantId: string, groupId: string): Promise<GroupProfile | null> {
  if (!isUuid(groupId)) return null;
  const [row] = await db
    .select({
      id: groups.id,
      name: groups.displayName,
      externalId: groups.externalId,
      memberCount: sql<number>`(select count(*)::int from ${groupMembers} where ${groupMembers.groupId} = ${groups.id} and ${groupMembers.tenantId} = ${tenantId})`,
      integration: { id: integrations.id, name: integrations.name, provider: integrations.provider },
      createdAt: groups.createdAt,
      updatedAt: groupLastModified,
      deletedAt: groups.deletedAt,
    })
    .from(groups)
    .leftJoin(integrations, eq(integrations.id, groups.integrationId))
    .where(and(eq(groups.tenantId, tenantId), eq(groups.id, groupId)));
  if (!row) return null;
  return { ...row, integration: row.integration?.id ? row.integration : null };
}
