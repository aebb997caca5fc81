import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, groupMembers, groups, integrations, people, scimRequests } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/is-uuid";
import { containsAny } from "./internal/like-any";

export type PersonExport = Awaited<ReturnType<typeof collect>>;

async function collect(tx: Db, tenantId: string, personId: string) {
  const [row] = await tx
    .select({ person: people, integration: { id: integrations.id, name: integrations.name, provider: integrations.provider } })
    .from(people)
    .leftJoin(integrations, eq(integrations.id, people.integrationId))
    .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
  if (!row) throw new AppError("not_found", "No such person in this tenant.");
  const roles = await tx
    .select({ id: groups.id, displayName: groups.displayName, since: groupMembers.createdAt })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(and(eq(groupMembers.tenantId, tenantId), eq(groupMembers.personId, personId)))
    .orderBy(asc(groups.displayName));
  const history = await tx
    .select({
      at: events.createdAt,
      action: events.action,
      changes: events.changes,
      actor: events.actorLabel,
      actorType: events.actorType,
      reason: events.reason,
      requestId: events.requestId,
    })
    .from(events)
    .where(and(eq(events.tenantId, tenantId), eq(events.subjectType, "person"), eq(events.subjectId, personId)))
    .orderBy(asc(events.id));
  const requests = await tx
    .select({
      at: scimRequests.createdAt,
      requestId: scimRequests.requestId,
      method: scimRequests.method,
      path: scimRequests.path,
      status: scimRequests.status,
      body: scimRequests.requestBody,
    })
    .from(scimRequests)
    .where(and(eq(scimRequests.tenantId, tenantId), containsAny(scimRequests.path.getSQL(), [personId])))
    .orderBy(asc(scimRequests.id));
  const { resource, ...columns } = row.person;
  return { exportedAt: new Date(), person: columns, scimResource: resource, integration: row.integration, roles, history, requests };
}

/**
 * Everything stored about one person of this tenant (their row and SCIM resource, roles,
 * History, and the SCIM requests about them still in the log), as one JSON-ready value: the
 * answer to a data-subject access request. Audited, since it hands personal data out.
 */
export async function exportPerson(db: Db, tenantId: string, personId: string, actor: AuditActor): Promise<PersonExport> {
  if (!isUuid(personId)) throw new AppError("not_found", "No such person in this tenant.");
  return db.transaction(async (tx) => {
    const data = await collect(tx, tenantId, personId);
    await recordAudit(tx, { tenantId, actor, action: "person.exported", detail: { personId } });
    return data;
  });
}
