import { and, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groupMembers, groups, people, type Group } from "@/db/schema";
import { outboxInsert } from "@/lib/events/record-history-with-change-events";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { isUuid } from "@/lib/is-uuid";
import { notFound } from "@/lib/scim/errors";
import { isLiveInScope, liveInScopeValues, tenantIdPlaceholder } from "@/lib/scim-resources/find-live-resource";
import { idListValue, inIdListPlaceholder } from "@/lib/sql/in-id-list";
import { preparedPerDatabase } from "@/lib/sql/prepared-per-database";
import { liveMembersAmong, liveMembersValues, refuseUnknownMembers } from "./check-member-ids";
import { membershipHistoryInsert } from "./record-membership-events";

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
  return row.bumped ?? row.target;
}

/** The statement, built once per database and kind with placeholders for every value. */
function buildStatement(db: Db, kind: MemberOperationOnly["kind"]) {
  const target = db.$with("target").as(db.select().from(groups).where(isLiveInScope(groups)).for("key share"));
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
      sql`${people.id} = any(array(select person_id from changed))`,
      sql`${sql.placeholder("actorType")}::text, ${sql.placeholder("actorId")}::uuid, ${sql.placeholder("actorLabel")}::text, ${sql.placeholder("requestId")}::text`,
    )} returning *`,
  );
  const outbox = db.$with("outbox", {}).as(outboxInsert({ people: "people", groups: true }));
  const bumped = db.$with("bumped").as(
    db
      .update(groups)
      .set({ version: sql`${groups.version} + 1`, updatedAt: sql`now()` })
      .where(and(sql`${groups.id} = (select id from target)`, sql`(select count(*) from changed) > 0`))
      .returning(),
  );
  const found = db.$with("found").as(db.select({ ids: sql<string[]>`coalesce(array_agg(live.id), '{}')`.as("ids") }).from(live));
  return db
    .with(target, live, changed, history, outbox, bumped, found)
    .select()
    .from(target)
    .leftJoin(bumped, sql`true`)
    .crossJoin(found)
    .prepare(`write_member_${kind}`);
}

const statements = {
  add: preparedPerDatabase((db) => buildStatement(db, "add")),
  remove: preparedPerDatabase((db) => buildStatement(db, "remove")),
};
