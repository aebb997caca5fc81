import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groupMembers, groupMembershipChanges, groups, type Group } from "@/db/schema";
import { outboxInsert } from "@/lib/events/record-history-with-change-events";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { isUuid } from "@/lib/is-uuid";
import { notFound } from "@/lib/scim/errors";
import { isLiveInScope, liveInScopeValues, tenantIdPlaceholder } from "@/lib/scim-resources/find-live-resource";
import { idListValue, inIdListPlaceholder } from "@/lib/sql/in-id-list";
import { preparedPerDatabase } from "@/lib/sql/prepared-per-database";
import { groupRow, MEMBERSHIP_SLOTS } from "../group-version";
import { liveMembersAmong, liveMembersValues, refuseUnknownMembers } from "./check-member-ids";
import { membershipHistoryInsert } from "./record-membership-events";

/** One operation adding or removing the listed members: the PATCH identity providers send most. */
export type MemberOperationOnly = { kind: "add" | "remove"; ids: readonly string[] };

/**
 * Applies one member-only operation to a group in ONE statement, so no transaction is opened
 * around it: the membership rows, the History of both sides with their outbox events, and
 * the count of the change in the group's version commit together or not at all. Otherwise
 * it stores what applyMemberOperations and commitGroupChange store: an add whose ids are
 * not all live people of the integration writes nothing and fails as checkMemberIds says;
 * adding a member or removing a non-member changes, records and counts nothing.
 *
 * The locks are those of the transaction it replaces, taken in the same order:
 * - the group FOR KEY SHARE as it is read, so a write that locks the group FOR UPDATE
 *   (patchGroup, a PUT, a DELETE) waits for this statement, or makes it wait and then find
 *   the group as that write left it (deleted: 404, nothing stored);
 * - the people to add FOR SHARE, as checkMemberIds;
 * - the membership rows;
 * - the connection's slot of the group's change count (lib/groups/group-version.ts), last:
 *   its condition reads every changed row first. The group's own row is not written, so a
 *   PATCH to the same group from another connection does not wait for this one's commit.
 * Returns the group as read, with the version and lastModified of this change when it
 * changed anything. A change another connection commits while this statement runs is not
 * counted in that version, which is then lower than the group's once both have committed:
 * an If-Match naming it is refused, as it should be, since the group has changed since.
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
  const [row] = await statements[operation.kind](db).execute({
    ...liveInScopeValues(scope, id),
    ...liveMembersValues(scope, operation.kind === "add" ? candidates : []),
    removed: idListValue(operation.kind === "remove" ? candidates : []),
    requested: requested.size,
    actorType: scope.actor.type,
    actorId: scope.actor.id,
    actorLabel: scope.actor.label,
    requestId: scope.actor.requestId ?? null,
  });
  if (!row) throw notFound(`Group ${id} not found`);
  if (operation.kind === "add" && row.found.ids.length < requested.size) {
    await refuseUnknownMembers(db, scope, operation.ids, row.found.ids);
  }
  const { changedAt } = row.found;
  return changedAt ? { ...row.target, version: row.target.version + 1, updatedAt: changedAt } : row.target;
}

/** The statement, built once per database and kind with placeholders for every value. */
function buildStatement(db: Db, kind: MemberOperationOnly["kind"]) {
  const target = db.$with("target").as(db.select(groupRow).from(groups).where(isLiveInScope(groups)).for("key share"));
  const live = db.$with("live").as(liveMembersAmong(db));
  const changed = db.$with("changed", {}).as(
    kind === "add"
      ? sql`
        insert into ${groupMembers} (group_id, person_id, tenant_id, created_at)
        select target.id, live.id, live.tenant_id, now()
        from target cross join live
        where (select count(*) from live) = ${sql.placeholder("requested")}
        order by live.id
        on conflict do nothing
        returning person_id`
      : sql`
        delete from ${groupMembers}
        where group_id = (select id from target) and tenant_id = ${tenantIdPlaceholder}
          and ${inIdListPlaceholder(groupMembers.personId, "removed")}
        returning person_id`,
  );
  const history = db.$with("h", {}).as(
    sql`${membershipHistoryInsert(
      { id: sql`(select id from target)`, tenantId: tenantIdPlaceholder, displayName: sql`(select display_name from target)` },
      kind === "add" ? "added" : "removed",
      sql`array(select person_id from changed)`,
      sql`${sql.placeholder("actorType")}::text, ${sql.placeholder("actorId")}::uuid, ${sql.placeholder("actorLabel")}::text, ${sql.placeholder("requestId")}::text`,
    )} returning *`,
  );
  const outbox = db.$with("outbox", {}).as(outboxInsert({ people: "people", groups: true }));
  const countChange = db.$with("count_change", {}).as(
    sql`
      insert into ${groupMembershipChanges} (group_id, slot, changes, changed_at)
      select id, pg_backend_pid() % ${sql.raw(String(MEMBERSHIP_SLOTS))}, 1, now() from target
      where (select count(*) from changed) > 0
      on conflict (group_id, slot) do update set changes = ${groupMembershipChanges.changes} + 1, changed_at = excluded.changed_at
      returning changed_at`,
  );
  const found = db.$with("found").as(
    db
      .select({
        ids: sql<string[]>`coalesce(array_agg(live.id), '{}')`.as("ids"),
        changedAt: sql<string | null>`(select changed_at from count_change)`.mapWith(groups.updatedAt).as("changed_at"),
      })
      .from(live),
  );
  return db.with(target, live, changed, history, outbox, countChange, found).select().from(target).crossJoin(found).prepare(`write_member_${kind}`);
}

const statements = {
  add: preparedPerDatabase((db) => buildStatement(db, "add")),
  remove: preparedPerDatabase((db) => buildStatement(db, "remove")),
};
