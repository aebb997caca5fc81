import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, groups } from "@/db/schema";
import { holdingLock, onPostgresServer, waitingOnLocks } from "@/db/testing";
import type { Installed, ScimHarness } from "@/lib/provisioning/testing";
import { PATCH_OP } from "@/lib/scim/schemas/urns";

/** Test helpers for the Groups API, on top of the SCIM harness: data is set up through SCIM itself. */

export const patchBody = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });

/** A PATCH adding these people, as Entra sends it: one operation with a value array. */
export const addMembersBody = (ids: string[]) => patchBody({ op: "add", path: "members", value: ids.map((value) => ({ value })) });

/** A PATCH removing one member, as Okta sends it: a members filter on the value. */
export const removeMemberBody = (id: string) => patchBody({ op: "remove", path: `members[value eq "${id}"]` });

/** The path of an integration's resource: `${appKey}/Groups/...`. */
export const at = (installed: Installed, rest: string) => `${installed.integration.appKey}/${rest}`;

/** POSTs `count` users to the integration and returns their ids. */
export async function provisionUsers(h: ScimHarness, installed: Installed, count: number, prefix = "member"): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const userName = `${prefix}-${i}-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const res = await h.scim("POST", at(installed, "Users"), {
      as: installed,
      body: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName, displayName: `${prefix} ${i}` },
    });
    if (res.status !== 201) throw new Error(`user not created: ${JSON.stringify(res.body)}`);
    ids.push(res.body.id);
  }
  return ids;
}

/** POSTs a group (members given as ids) and returns its id. */
export async function provisionGroup(h: ScimHarness, installed: Installed, displayName: string, memberIds: string[] = []): Promise<string> {
  const res = await h.scim("POST", at(installed, "Groups"), {
    as: installed,
    body: {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      displayName,
      members: memberIds.map((value) => ({ value })),
    },
  });
  if (res.status !== 201) throw new Error(`group not created: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** The sorted member ids of a group, as GET /Groups/{id} returns them. */
export async function memberIdsOf(h: ScimHarness, installed: Installed, groupId: string): Promise<string[]> {
  const res = await h.scim("GET", at(installed, `Groups/${groupId}`), { as: installed });
  if (res.status !== 200) throw new Error(`group not read: ${JSON.stringify(res.body)}`);
  return ((res.body.members ?? []) as { value: string }[]).map((m) => m.value).sort();
}

/** A group's current version (meta.version), to check that no-ops bump nothing. */
export async function versionOf(h: ScimHarness, installed: Installed, groupId: string): Promise<string> {
  const res = await h.scim("GET", at(installed, `Groups/${groupId}?excludedAttributes=members`), { as: installed });
  return res.headers.get("etag")!;
}

/**
 * Runs `work` while another transaction holds the group's row FOR NO KEY UPDATE, as any
 * update of the row does until it commits, and says whether `work` had to wait: whether a
 * session was seen waiting on a lock before `work` ended. On PostgreSQL (TEST_DATABASE_URL)
 * only: PGlite runs one transaction at a time, so there `work` runs alone.
 */
export async function whileGroupRowLocked<T>(db: Db, groupId: string, work: () => Promise<T>): Promise<{ result: T; waited: boolean }> {
  if (!onPostgresServer) return { result: await work(), waited: false };
  const release = await holdingLock(db, (tx) => tx.select({ id: groups.id }).from(groups).where(eq(groups.id, groupId)).for("no key update"));
  let ended = false;
  const running = work().finally(() => (ended = true));
  await waitingOnLocks(db, 1, () => ended);
  const waited = !ended;
  await release();
  return { result: await running, waited };
}

/** History of one person or group, oldest first, as action names (or whole rows). */
export async function historyOf(db: Db, subjectId: string) {
  return db.select().from(events).where(eq(events.subjectId, subjectId)).orderBy(asc(events.id));
}

export async function actionsOf(db: Db, subjectId: string, subjectType?: "person" | "group"): Promise<string[]> {
  const rows = await db
    .select({ action: events.action })
    .from(events)
    .where(subjectType ? and(eq(events.subjectId, subjectId), eq(events.subjectType, subjectType)) : eq(events.subjectId, subjectId))
    .orderBy(asc(events.id));
  return rows.map((r) => r.action);
}

/** A vendor fixture with its example ids swapped for real ones. */
export function withIds<T>(fixture: T, ids: Record<string, string>): T {
  let text = JSON.stringify(fixture);
  for (const [from, to] of Object.entries(ids)) text = text.split(from).join(to);
  return JSON.parse(text) as T;
}
