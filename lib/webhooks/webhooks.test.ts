import { and, asc, eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, changeEventPruneMarks, changeEvents, consoleUsers, memberships, webhookDeliveries, webhookEndpoints, type WebhookEndpoint } from "@/db/schema";
import { onPostgresServer } from "@/db/testing";
import { cliActor } from "@/lib/audit/record-audit";
import { eventIdOf } from "@/lib/events/event-cursor";
import { at } from "@/lib/groups/testing";
import { smtpMailer } from "@/lib/mail/mailer";
import { startMailCatcher } from "@/lib/mail/testing";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import { deliverWebhooks, type DeliveryOptions } from "./deliver-webhooks";
import { DISABLE_AFTER_MS } from "./internal/endpoint-failures";
import { sendWebhook } from "./internal/send-webhook";
import { startWebhookReceiver } from "./testing";
import { isPrivateAddress, webhookUrlProblem } from "./webhook-url";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";

let h: ScimHarness;
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(async () => {
  await h?.close();
});

async function createUser(userName: string, installed = h.a.entra): Promise<string> {
  const res = await h.scim("POST", at(installed, "Users"), { as: installed, body: { schemas: [USER], userName } });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** Tenant A's event ids after an endpoint's starting point, in feed order, read from the table. */
async function eventIdsSince(endpoint: WebhookEndpoint): Promise<string[]> {
  const rows = await h.db.select().from(changeEvents).where(eq(changeEvents.tenantId, endpoint.tenantId)).orderBy(asc(changeEvents.txId), asc(changeEvents.id));
  const start = eventIdOf({ txId: endpoint.cursorTxId, id: endpoint.cursorId });
  return rows.map(eventIdOf).filter((id) => id > start);
}

const options = (at: Date, owner = "test-instance"): DeliveryOptions => ({ owner, clock: () => at, mailer: null });
const later = (ms: number) => new Date(Date.now() + ms);

describe("webhook delivery", () => {
  it("signs each event so Standard Webhooks' Webhook.verify accepts it, and refuses an altered body", async () => {
    const receiver = await startWebhookReceiver();
    const { endpoint, secret } = await createWebhookEndpoint(h.db, h.a.tenant.id, { url: receiver.url }, cliActor);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const personId = await createUser("signed@example.com");
    expect(await deliverWebhooks(h.db, options(new Date()))).toMatchObject({ sent: 1, failed: 0 });
    await receiver.close();

    const [request] = receiver.received;
    const headers = { "webhook-id": String(request.headers["webhook-id"]), "webhook-timestamp": String(request.headers["webhook-timestamp"]), "webhook-signature": String(request.headers["webhook-signature"]) };
    const event = new Webhook(secret).verify(request.body, headers) as { id: string; type: string; data: { resource: { id: string } } };
    expect(event).toMatchObject({ id: headers["webhook-id"], type: "person.created", data: { resource: { id: personId } } });
    expect(() => new Webhook(secret).verify(request.body.replace("signed@", "forged@"), headers)).toThrow();
    const [logged] = await h.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(logged).toMatchObject({ messageId: event.id, eventType: "person.created", attempt: 1, status: 204, ok: true });
  });

  it("retries a receiver that fails five times with growing waits, then sends every event once more, in order", async () => {
    const receiver = await startWebhookReceiver((n) => (n <= 5 ? 503 : 200));
    const { endpoint } = await createWebhookEndpoint(h.db, h.a.tenant.id, { url: receiver.url }, cliActor);
    for (const name of ["r1", "r2", "r3"]) await createUser(`${name}@example.com`);
    const expected = await eventIdsSince(endpoint);
    expect(expected).toHaveLength(3);

    const waits: number[] = [];
    let now = new Date();
    for (let round = 0; receiver.accepted().length < 3 && round < 10; round++) {
      await deliverWebhooks(h.db, options(now));
      // Nothing is due before the endpoint's next attempt.
      const [row] = await h.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
      if (row.failedAttempts > 0) {
        waits.push(row.nextAttemptAt.getTime() - now.getTime());
        expect(await deliverWebhooks(h.db, options(new Date(row.nextAttemptAt.getTime() - 1)))).toEqual({ sent: 0, failed: 0 });
        now = row.nextAttemptAt;
      }
    }
    await receiver.close();
    expect(waits).toEqual([5_000, 10_000, 20_000, 40_000, 80_000]);
    expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual([...Array(5).fill(expected[0]), ...expected]);
    expect(receiver.accepted()).toEqual(expected);
    const log = await h.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id)).orderBy(asc(webhookDeliveries.id));
    expect(log.map((d) => [d.attempt, d.status])).toEqual([[1, 503], [2, 503], [3, 503], [4, 503], [5, 503], [6, 200], [1, 200], [1, 200]]);
    expect(log[0].responseExcerpt).toBe("receiver says no");
  });

  it("resumes an endpoint a killed instance had claimed once its lease lapses, sending the event in hand", async () => {
    const receiver = await startWebhookReceiver();
    const { endpoint } = await createWebhookEndpoint(h.db, h.a.tenant.id, { url: receiver.url }, cliActor);
    await createUser("killed@example.com");
    const now = new Date();
    // Claimed by an instance that then died: the lease stands, the cursor never moved.
    await h.db.update(webhookEndpoints).set({ leaseOwner: "killed-instance", leaseUntil: new Date(now.getTime() + 60_000) }).where(eq(webhookEndpoints.id, endpoint.id));
    expect(await deliverWebhooks(h.db, options(now, "restarted"))).toEqual({ sent: 0, failed: 0 });
    expect(await deliverWebhooks(h.db, options(new Date(now.getTime() + 61_000), "restarted"))).toEqual({ sent: 1, failed: 0 });
    await receiver.close();
    expect(receiver.accepted()).toEqual(await eventIdsSince(endpoint));
    const [row] = await h.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row).toMatchObject({ leaseOwner: null, leaseUntil: null });
  });

  it("sends each event once when several instances deliver at the same time", async () => {
    const receiver = await startWebhookReceiver();
    const { endpoint } = await createWebhookEndpoint(h.db, h.a.tenant.id, { url: receiver.url }, cliActor);
    for (let i = 0; i < 6; i++) await createUser(`parallel-${i}@example.com`);
    const now = new Date();
    await Promise.all(["one", "two", "three"].map((owner) => deliverWebhooks(h.db, options(now, owner))));
    await receiver.close();
    expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual(await eventIdsSince(endpoint));
  });

  it("sends only subscribed types, moving past the others", async () => {
    const receiver = await startWebhookReceiver();
    const { endpoint } = await createWebhookEndpoint(h.db, h.a.tenant.id, { url: receiver.url, eventTypes: ["person.deactivated"] }, cliActor);
    const id = await createUser("subscribed@example.com");
    expect((await h.scim("PATCH", at(h.a.entra, `Users/${id}`), { as: h.a.entra, body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "active", value: false }] } })).status).toBeLessThan(300);
    await deliverWebhooks(h.db, options(new Date()));
    await receiver.close();
    expect(receiver.received.map((r) => JSON.parse(r.body).type)).toEqual(["person.deactivated"]);
    const [row] = await h.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(eventIdOf({ txId: row.cursorTxId, id: row.cursorId })).toBe((await eventIdsSince(endpoint)).at(-1));
  });

  it("disables an endpoint failing for three days and emails the tenant's admins", async () => {
    const receiver = await startWebhookReceiver(() => 500);
    const mail = await startMailCatcher();
    const [admin] = await h.db.insert(consoleUsers).values({ email: `admin-${endpointSuffix()}@example.com`, name: "Admin", passwordHash: "x" }).returning();
    await h.db.insert(memberships).values({ tenantId: h.b.tenant.id, userId: admin.id, role: "admin" });
    const { endpoint } = await createWebhookEndpoint(h.db, h.b.tenant.id, { url: receiver.url }, cliActor);
    await createUser("failing@example.com", h.b.entra);
    const mailer = smtpMailer(mail.url, "console@example.com");
    const start = new Date();
    await deliverWebhooks(h.db, { ...options(start), mailer });
    await deliverWebhooks(h.db, { ...options(new Date(start.getTime() + DISABLE_AFTER_MS - 1)), mailer });
    const [failing] = await h.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(failing).toMatchObject({ enabled: true, failingSince: start });
    expect(mail.received).toEqual([]);
    await deliverWebhooks(h.db, { ...options(failing.nextAttemptAt), mailer });
    await receiver.close();
    await mail.close();
    const [row] = await h.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row).toMatchObject({ enabled: false, failedAttempts: 3 });
    expect(mail.received.map((m) => m.to)).toEqual([[admin.email]]);
    expect(mail.received[0].data).toContain(`Webhook endpoint disabled: ${receiver.url}`);
    const audits = await h.db.select().from(auditLog).where(and(eq(auditLog.tenantId, h.b.tenant.id), eq(auditLog.action, "webhook.disabled")));
    expect(audits).toHaveLength(1);
    // Disabled, it is not tried again.
    await deliverWebhooks(h.db, { ...options(later(10 * DISABLE_AFTER_MS)), mailer });
    expect(await h.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id))).toHaveLength(3);
  });

  it("keeps delivering to another endpoint while one receiver is slow to answer", async () => {
    let answerSlowly = () => {};
    const slow = await startWebhookReceiver(() => 204, new Promise<void>((resolve) => (answerSlowly = resolve)));
    const fast = await startWebhookReceiver();
    await createWebhookEndpoint(h.db, h.a.tenant.id, { url: slow.url }, cliActor);
    const { endpoint } = await createWebhookEndpoint(h.db, h.a.tenant.id, { url: fast.url }, cliActor);
    await createUser("before-slow@example.com");
    // The slow receiver answers when this test says so, however long the fast one takes to get
    // the second event on a busy machine (a transaction open in another database of the same
    // server holds every new event back from the feed until it ends): it must not time out.
    const run = deliverWebhooks(h.db, { ...options(new Date()), responseTimeoutMs: 10 * 60_000 });
    await Promise.all([slow.arrived(1), fast.arrived(1)]);
    // The slow receiver still has its first event in hand when the next change happens.
    await createUser("during-slow@example.com");
    await fast.arrived(2);
    expect(slow.received).toHaveLength(1);
    answerSlowly();
    await run;
    await Promise.all([slow.close(), fast.close()]);
    expect(fast.accepted()).toEqual(await eventIdsSince(endpoint));
    expect(slow.accepted()).toEqual(fast.accepted());
  });

  it("resumes an endpoint whose position retention pruned past at the oldest kept event, instead of failing every run", async () => {
    const receiver = await startWebhookReceiver();
    const { endpoint } = await createWebhookEndpoint(h.db, h.b.tenant.id, { url: receiver.url }, cliActor);
    await createUser("pruned@example.com", h.b.entra);
    await createUser("kept@example.com", h.b.entra);
    const [pruned, kept] = await eventIdsSince(endpoint);
    // Retention removed the first event while the endpoint was disabled: its mark says so.
    const rows = await h.db.select().from(changeEvents).where(eq(changeEvents.tenantId, h.b.tenant.id));
    const first = rows.find((row) => eventIdOf(row) === pruned)!;
    await h.db.delete(changeEvents).where(eq(changeEvents.id, first.id));
    await h.db.insert(changeEventPruneMarks).values({ tenantId: h.b.tenant.id, txId: first.txId, id: first.id });
    expect(await deliverWebhooks(h.db, options(new Date()))).toMatchObject({ failed: 0 });
    await receiver.close();
    expect(receiver.accepted()).toEqual([kept]);
  });
});

// PGlite runs one transaction at a time, so an event there is in the feed once committed; on
// PostgreSQL a transaction still open holds back every event committed after it began.
if (onPostgresServer) describe("on PostgreSQL, an event the feed still holds back", () => {
  it("is waited for and sent by the run, instead of the run ending without it", async () => {
    const { tenant, entra } = await h.makeTenant("held-back");
    const receiver = await startWebhookReceiver();
    const { endpoint } = await createWebhookEndpoint(h.db, tenant.id, { url: receiver.url }, cliActor);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let began!: () => void;
    const open = new Promise<void>((resolve) => (began = resolve));
    const older = h.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_current_xact_id()`);
      began();
      await gate;
    });
    await open;
    await createUser("held-back@example.com", entra);
    // Each claim reads the clock once. The second comes after the run found the endpoint's
    // event held back: only then does the older transaction end.
    const now = new Date();
    let reads = 0;
    const clock = () => {
      if (++reads === 2) release();
      return now;
    };
    const tally = await deliverWebhooks(h.db, { ...options(now), clock });
    await older;
    await receiver.close();
    expect(tally).toEqual({ sent: 1, failed: 0 });
    expect(receiver.accepted()).toEqual(await eventIdsSince(endpoint));
    expect(receiver.accepted()).toHaveLength(1);
  });
});

function endpointSuffix() {
  return Math.random().toString(36).slice(2, 10);
}

describe("webhook addresses", () => {
  it.each([
    ["http://127.0.0.1:8080/x"],
    ["http://localhost/x"],
    ["http://10.1.2.3/x"],
    ["http://172.20.0.1/x"],
    ["http://192.168.1.1/x"],
    ["http://169.254.169.254/latest/meta-data"],
    ["http://[::1]/x"],
    ["http://[fd00::1]/x"],
    ["http://[::ffff:127.0.0.1]/x"],
    ["http://0.0.0.0/x"],
  ])("refuses %s unless private addresses are allowed", (url) => {
    expect(webhookUrlProblem(url, false)).toMatch(/Private, loopback and link-local addresses are refused/);
    expect(webhookUrlProblem(url, true)).toBeNull();
  });

  it("accepts public addresses and names", () => {
    expect(webhookUrlProblem("https://hooks.example.com/scim", false)).toBeNull();
    expect(webhookUrlProblem("http://93.184.216.34/x", false)).toBeNull();
    expect(isPrivateAddress("2606:4700::1111")).toBe(false);
  });

  it("refuses other schemes, credentials and unknown event types when an endpoint is added", async () => {
    await expect(createWebhookEndpoint(h.db, h.a.tenant.id, { url: "ftp://example.com/x" }, cliActor)).rejects.toMatchObject({ code: "bad_input", message: expect.stringContaining("http:// or https://") });
    await expect(createWebhookEndpoint(h.db, h.a.tenant.id, { url: "https://u:p@example.com/x" }, cliActor)).rejects.toMatchObject({ code: "bad_input" });
    await expect(createWebhookEndpoint(h.db, h.a.tenant.id, { url: "https://example.com/x", eventTypes: "person.created,person.exploded" }, cliActor)).rejects.toMatchObject({ code: "bad_input" });
  });

  it("resolves a name at delivery and refuses it when it points at a private address", async () => {
    const receiver = await startWebhookReceiver();
    const message = { id: "msg_private", type: "webhook.test", payload: "{}" };
    const secret = `whsec_${Buffer.alloc(24, 1).toString("base64")}`;
    const byName = await sendWebhook(`http://localhost:${receiver.port}/hooks`, secret, message, { now: new Date(), allowPrivate: false });
    const byAddress = await sendWebhook(receiver.url, secret, message, { now: new Date(), allowPrivate: false });
    const allowed = await sendWebhook(`http://localhost:${receiver.port}/hooks`, secret, message, { now: new Date(), allowPrivate: true });
    await receiver.close();
    expect(byName).toMatchObject({ ok: false, status: null });
    expect(byAddress).toMatchObject({ ok: false, status: null });
    expect(allowed).toMatchObject({ ok: true, status: 204 });
    expect(receiver.received).toHaveLength(1);
  });
});
