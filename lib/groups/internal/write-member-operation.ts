import { and, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groupMembers, groups, people, type Group } from "@/db/schema";
import { outboxInsert } from "@/lib/events/record-history-with-change-events";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { isUuid } from "@/lib/is-uuid";
import { notFound } from "@/lib/scim/errors";
import { isLiveInScope } from "@/lib/scim-resources/find-live-resource";
import { inIdList } from "@/lib/sql/in-id-list";
import { liveMembersAmong, refuseUnknownMembers } from "./check-member-ids";
import { membershipHistoryInsert, type MembershipChange } from "./record-membership-events";

/** One operation adding or removing the listed members: the PATCH identity providers send most. */
export type MemberOperationOnly = { kind: "add" | "remove"; ids: readonly string[] };

/**
 * Applies one member-only operation to a group in ONE statement, so no transaction is opened
 * around it: the membership rows, the History of both sides with their outbox events, and
 * the group's version bump commit together or not at all. Otherwise it stores what
 * applyMemberOperations and commitGroupChange store: an add whose ids are not all live
 * people of the integration writes nothing and fails as checkMemberIds says; adding a member
 * or removing a non-member changes, records and bumps nothing.
 *
 * The locks are those of the transaction it replaces, taken in the same order:
 * - the group FOR KEY SHARE as it is read, so a write that locks the group FOR UPDATE
 *   (patchGroup, a PUT, a DELETE) waits for this statement, or makes it wait and then find
 *   the group as that write left it (deleted: 404, nothing stored);
 * - the people to add FOR SHARE, as checkMemberIds;
 * - the membership rows;
 * - the group FOR NO KEY UPDATE by the bump, last: its condition reads every changed row
 *   first, so the statement never holds that lock while it waits for a person.
 * Returns the group as bumped, or as read when nothing changed.
 */
export async function writeMemberOperation(
  db: Db,
  scope: IntegrationScope,
  id: string,
  operation: MemberOperationOnly,
): Promise<Group> {
  if (!isUuid(id)) throw notFound(`Group ${id} not found`);
  const requested = new Set(operation.ids.map((member) => member.toLowerCase()));
  const candidates = [...requested].filter(isUuid);
  const change: MembershipChange = operation.kind === "add" ? "added" : "removed";

  const target = db.$with("target").as(
    db.select().from(groups).where(isLiveInScope(groups, scope, id)).for("key share"),
  );
  const live = db.$with("live").as(liveMembersAmong(db, scope, operation.kind === "add" ? candidates : []));
  const changed = db.$with("changed", {}).as(
    operation.kind === "add"
      ? sql`
        insert into ${groupMembers} (group_id, person_id, tenant_id, created_at)
        select target.id, live.id, live.tenant_id, now()
        from target cross join live
        where (select count(*) from live) = ${requested.size}
        order by live.id
        on conflict do nothing
        returning person_id`
      : sql`
        delete from ${groupMembers}
        where group_id = (select id from target) and tenant_id = ${scope.tenantId}::uuid
          and ${inIdList(groupMembers.personId, candidates)}
        returning person_id`,
  );
  const history = db.$with("h", {}).as(
    sql`${membershipHistoryInsert(
      { id: sql`(select id from target)`, tenantId: scope.tenantId, displayName: sql`(select display_name from target)` },
      change,
      sql`${people.id} in (select person_id from changed)`,
      scope.actor,
    )} returning *`,
  );
  const outbox = db.$with("outbox", {}).as(outboxInsert({ people: sql`people`, groups: true }));
  const bumped = db.$with("bumped").as(
    db
      .update(groups)
      .set({ version: sql`${groups.version} + 1`, updatedAt: new Date() })
      .where(and(sql`${groups.id} = (select id from target)`, sql`(select count(*) from changed) > 0`))
      .returning(),
  );
  const found = db.$with("found").as(
    db.select({ ids: sql<string[]>`coalesce(array_agg(live.id), '{}')`.as("ids") }).from(live),
  );

  const [row] = await db
    .with(target, live, changed, history, outbox, bumped, found)
    .select()
    .from(target)
    .leftJoin(bumped, sql`true`)
    .crossJoin(found);
  if (!row) throw notFound(`Group ${id} not found`);
  if (operation.kind === "add" && row.found.ids.length < requested.size) {
    await refuseUnknownMembers(db, scope, operation.ids, row.found.ids);
  }
  return row.bumped ?? row.target;
}
