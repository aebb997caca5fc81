import { and, asc, eq, gt, gte } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeEvents, events, tokens, webhookDeliveries, type ChangeEventRow } from "@/db/schema";
import { cliActor } from "@/lib/audit/record-audit";
import { evaluateAlerts } from "@/lib/connection-health/evaluate-alerts";
import { at, patchBody, provisionGroup, provisionUsers } from "@/lib/groups/testing";
import { setIntegrationStatus } from "@/lib/integrations/set-integration-status";
import { deactivatePerson } from "@/lib/people/deactivate-person";
import { purgePerson } from "@/lib/people/purge-person";
import { pruneChangeEvents } from "./prune-change-events";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { createToken } from "@/lib/tokens/create-token";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";

let h: ScimHarness;
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The tenant's newest outbox id, so a test reads only what its own step wrote. */
async function mark(tenantId = h.a.tenant.id): Promise<number> {
  const rows = await h.db.select({ id: changeEvents.id }).from(changeEvents).where(eq(changeEvents.tenantId, tenantId));
  return Math.max(0, ...rows.map((r) => r.id));
}

async function eventsAfter(since: number, tenantId = h.a.tenant.id): Promise<ChangeEventRow[]> {
  return h.db
    .select()
    .from(changeEvents)
    .where(and(eq(changeEvents.tenantId, tenantId), gt(changeEvents.id, since)))
    .orderBy(asc(changeEvents.id));
}

// Event data is JSON the tests read field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const data = (e: ChangeEventRow) => e.data as any;

async function createUser(userName: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await h.scim("POST", at(h.a.entra, "Users"), { body: { schemas: [USER], userName, name: { givenName: "Ada" }, ...extra } });
  expect(res.status).toBe(201);
  return res.body.id;
}

describe("each change writes exactly one outbox event in its transaction", () => {
  it("person.created carries the resource as it now is and the request's actor", async () => {
    const since = await mark();
    const id = await createUser("created@example.com");
    const [event, ...rest] = await eventsAfter(since);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ type: "person.created", personId: id, actorType: "integration", actorId: h.a.entra.integration.id });
    expect(event.requestId).toBeTruthy();
    expect(data(event).resource).toMatchObject({ id, userName: "created@example.com", active: true, givenName: "Ada" });
    expect(data(event).previous).toBeUndefined();
  });

  it("person.updated carries the changed fields' previous values, person.deactivated and reactivated too", async () => {
    const id = await createUser("updated@example.com", { title: "Engineer" });
    const since = await mark();
    const patch = patchBody({ op: "replace", path: "name.givenName", value: "Grace" }, { op: "remove", path: "title" });
    expect((await h.scim("PATCH", at(h.a.entra, `Users/${id}`), { body: patch })).status).toBe(204);
    expect((await h.scim("PATCH", at(h.a.entra, `Users/${id}`), { body: patchBody({ op: "replace", path: "active", value: false }) })).status).toBe(204);
    expect((await h.scim("PATCH", at(h.a.entra, `Users/${id}`), { body: patchBody({ op: "replace", path: "active", value: true }) })).status).toBe(204);
    const [updated, deactivated, reactivated, ...rest] = await eventsAfter(since);
    expect(rest).toEqual([]);
    expect(updated.type).toBe("person.updated");
    expect(data(updated).previous).toEqual({ "name.givenName": "Ada", title: "Engineer" });
    expect(data(updated).resource).toMatchObject({ id, givenName: "Grace" });
    expect(deactivated.type).toBe("person.deactivated");
    expect(data(deactivated).previous).toEqual({ active: true });
    expect(data(deactivated).resource.active).toBe(false);
    expect(reactivated.type).toBe("person.reactivated");
    expect(data(reactivated).previous).toEqual({ active: false });
  });

  it("a take-over by another integration is one person.updated naming the integration it came from", async () => {
    const id = await createUser("moving@example.com");
    const okta = await h.install(h.a.tenant, "okta", { matchExisting: "takeOver" });
    const since = await mark();
    const res = await h.scim("POST", at(okta, "Users"), { as: okta, body: { schemas: [USER], userName: "moving@example.com", name: { givenName: "Ada" } } });
    expect(res.body.id).toBe(id);
    const [event, ...rest] = await eventsAfter(since);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ type: "person.updated", personId: id, actorId: okta.integration.id });
    expect(data(event).previous).toMatchObject({ integration: h.a.entra.integration.name });
    expect(data(event).resource.integrationId).toBe(okta.integration.id);
  });

  it("writes nothing for a write that changes nothing", async () => {
    const id = await createUser("noop@example.com");
    const since = await mark();
    expect((await h.scim("PATCH", at(h.a.entra, `Users/${id}`), { body: patchBody({ op: "replace", path: "active", value: true }) })).status).toBe(204);
    expect(await eventsAfter(since)).toEqual([]);
  });

  it("a console deactivation names the console user and the change", async () => {
    const id = await createUser("console@example.com");
    const since = await mark();
    await deactivatePerson(h.db, h.a.tenant.id, { personId: id, reason: "left the company" }, cliActor);
    const [event, ...rest] = await eventsAfter(since);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ type: "person.deactivated", personId: id, actorType: "system", actorLabel: cliActor.label });
    expect(data(event).previous).toEqual({ active: true });
  });

  it("role events: created, one member_added per member and no person-side duplicate", async () => {
    const [u0, u1] = await provisionUsers(h, h.a.entra, 2, "role");
    const since = await mark();
    const roleId = await provisionGroup(h, h.a.entra, "Engineers", [u0, u1]);
    const created = await eventsAfter(since);
    expect(created.map((e) => e.type)).toEqual(["role.created", "role.member_added", "role.member_added"]);
    expect(data(created[0]).resource).toMatchObject({ id: roleId, displayName: "Engineers" });
    expect(created.slice(1).map((e) => e.personId).sort()).toEqual([u0, u1].sort());
    expect(created.slice(1).map((e) => data(e).member.display).sort()).toEqual(["role 0", "role 1"]);
    expect(created.every((e) => e.roleId === roleId)).toBe(true);
  });

  it("role.updated with the previous name, member_removed, role.deleted", async () => {
    const [u0] = await provisionUsers(h, h.a.entra, 1, "leaver");
    const roleId = await provisionGroup(h, h.a.entra, "Sales", [u0]);
    const since = await mark();
    const rename = patchBody({ op: "replace", path: "displayName", value: "Sales EMEA" });
    expect((await h.scim("PATCH", at(h.a.entra, `Groups/${roleId}`), { body: rename })).status).toBe(204);
    const remove = patchBody({ op: "remove", path: `members[value eq "${u0}"]` });
    expect((await h.scim("PATCH", at(h.a.entra, `Groups/${roleId}`), { body: remove })).status).toBe(204);
    expect((await h.scim("DELETE", at(h.a.entra, `Groups/${roleId}`))).status).toBe(204);
    const [renamed, removed, deleted, ...rest] = await eventsAfter(since);
    expect(rest).toEqual([]);
    expect(renamed.type).toBe("role.updated");
    expect(data(renamed).previous).toEqual({ displayName: "Sales" });
    expect(data(renamed).resource.displayName).toBe("Sales EMEA");
    expect(removed).toMatchObject({ type: "role.member_removed", personId: u0, roleId });
    expect(deleted).toMatchObject({ type: "role.deleted", roleId });
  });

  it("person.deleted, with the memberships it ended", async () => {
    const [u0] = await provisionUsers(h, h.a.entra, 1, "deleted");
    const roleId = await provisionGroup(h, h.a.entra, "Support", [u0]);
    const since = await mark();
    expect((await h.scim("DELETE", at(h.a.entra, `Users/${u0}`))).status).toBe(204);
    const types = (await eventsAfter(since)).map((e) => [e.type, e.personId, e.roleId]);
    expect(types.sort()).toEqual([
      ["person.deleted", u0, null],
      ["role.member_removed", u0, roleId],
    ]);
  });

  it("person.purged carries no personal data, and the person's earlier events lose theirs", async () => {
    const [u0] = await provisionUsers(h, h.a.entra, 1, "purged");
    const roleId = await provisionGroup(h, h.a.entra, "Purge role", [u0]);
    const since = await mark();
    await purgePerson(h.db, h.a.tenant.id, { personId: u0, reason: "GDPR request", confirmUserName: null }, cliActor);
    const purgeEvents = await eventsAfter(since);
    expect(purgeEvents.map((e) => e.type).sort()).toEqual(["person.purged", "role.member_removed"]);
    const purged = purgeEvents.find((e) => e.type === "person.purged")!;
    expect(purged.data).toEqual({ resource: { id: u0 } });
    const mentions = await h.db.select().from(changeEvents).where(eq(changeEvents.personId, u0));
    expect(mentions.length).toBeGreaterThan(2);
    expect(JSON.stringify(mentions.map((e) => e.data))).not.toMatch(/purged 0|purged-0/);
    expect(mentions.some((e) => e.type === "role.member_added" && e.roleId === roleId)).toBe(true);
  });

  it("person.deleted from an integration that deletes hard carries the id", async () => {
    const hard = await h.install(h.a.tenant, "generic", { deleteMode: "hard" });
    const [u0] = await provisionUsers(h, hard, 1, "hard");
    const since = await mark();
    expect((await h.scim("DELETE", at(hard, `Users/${u0}`), { as: hard })).status).toBe(204);
    const [event, ...rest] = await eventsAfter(since);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ type: "person.deleted", personId: u0, data: { resource: { id: u0 } } });
  });

  it("integration.state_changed when an admin disables an integration, not when it already was", async () => {
    const since = await mark(h.b.tenant.id);
    const input = { integrationId: h.b.okta.integration.id, status: "disabled" } as const;
    await setIntegrationStatus(h.db, h.b.tenant.id, input, cliActor);
    await setIntegrationStatus(h.db, h.b.tenant.id, input, cliActor);
    const [event, ...rest] = await eventsAfter(since, h.b.tenant.id);
    expect(rest).toEqual([]);
    expect(event.type).toBe("integration.state_changed");
    expect(event.data).toMatchObject({ aspect: "status", state: "disabled", previous: { state: "active" }, resource: { id: input.integrationId, status: "disabled" } });
  });

  it("integration.state_changed when its connection turns bad, once", async () => {
    const entra = await h.install(h.b.tenant, "entra");
    const which = { integrationId: entra.integration.id };
    await createToken(h.db, h.b.tenant.id, { ...which, description: "Soon", expiresAt: new Date(Date.now() + 3 * 86_400_000) }, cliActor);
    await h.db.update(tokens).set({ revokedAt: new Date() }).where(eq(tokens.hint, entra.secret.slice(-6)));
    const since = await mark(h.b.tenant.id);
    await evaluateAlerts(h.db, { now: new Date(), mailer: null });
    await evaluateAlerts(h.db, { now: new Date(), mailer: null });
    const mine = (await eventsAfter(since, h.b.tenant.id)).filter((e) => data(e).resource.id === entra.integration.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ type: "integration.state_changed", actorType: "system" });
    expect(mine[0].data).toMatchObject({ aspect: "connection", state: "token_expiring", previous: { state: null } });
  });

  it("every History entry except the person's side of a membership has its event", async () => {
    const history = await h.db.select({ action: events.action, subjectType: events.subjectType }).from(events).where(eq(events.tenantId, h.a.tenant.id));
    const outbox = await h.db.select({ type: changeEvents.type }).from(changeEvents).where(eq(changeEvents.tenantId, h.a.tenant.id));
    const membershipSide = history.filter((e) => e.subjectType === "person" && ["joined_role", "left_role"].includes(e.action));
    // A purge replaces the person's History with one tombstone, the outbox keeps their events.
    expect(outbox.length).toBeGreaterThanOrEqual(history.length - membershipSide.length);
    expect(outbox.filter((e) => e.type === "person.purged")).toHaveLength(history.filter((e) => e.action === "purged").length);
  });
});

describe("retention", () => {
  it("prunes events older than the retention period and keeps the rest", async () => {
    const id = await createUser("retained@example.com");
    const [old] = await h.db.select().from(changeEvents).where(eq(changeEvents.personId, id));
    const now = new Date(old.createdAt.getTime() + 30 * 86_400_000 + 1_000);
    const left = await h.db.select({ id: changeEvents.id }).from(changeEvents).where(gte(changeEvents.createdAt, new Date(now.getTime() - 30 * 86_400_000)));
    await pruneChangeEvents(h.db, { days: 30, now });
    const after = await h.db.select({ id: changeEvents.id }).from(changeEvents);
    expect(after.map((r) => r.id).sort()).toEqual(left.map((r) => r.id).sort());
    expect(after.some((r) => r.id === old.id)).toBe(false);
  });

  it("prunes the webhook delivery log with the events, keeping newer entries", async () => {
    const { endpoint } = await createWebhookEndpoint(h.db, h.a.tenant.id, { url: "https://hooks.example.com/prune" }, cliActor);
    const now = new Date();
    const entry = (daysAgo: number, messageId: string) => ({
      tenantId: h.a.tenant.id,
      endpointId: endpoint.id,
      messageId,
      eventType: "person.created",
      attempt: 1,
      status: 204,
      ok: true,
      latencyMs: 5,
      createdAt: new Date(now.getTime() - daysAgo * 86_400_000),
    });
    await h.db.insert(webhookDeliveries).values([entry(31, "old"), entry(29, "recent")]);
    const pruned = await pruneChangeEvents(h.db, { days: 30, now });
    expect(pruned.deliveries).toBe(1);
    const left = await h.db.select({ messageId: webhookDeliveries.messageId }).from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(left).toEqual([{ messageId: "recent" }]);
  });
});
