import { asc, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { cliActor } from "@/lib/audit/record-audit";
import { at } from "@/lib/groups/testing";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import { deleteWebhookEndpoint } from "./delete-webhook-endpoint";
import { deliverWebhooks } from "./deliver-webhooks";
import { enableWebhookEndpoint } from "./enable-webhook-endpoint";
import { findWebhookEndpoint, listWebhookDeliveries, listWebhookEndpoints } from "./list-webhook-endpoints";
import { redeliverWebhook } from "./redeliver-webhook";
import { sendTestWebhook } from "./send-test-webhook";
import { startWebhookReceiver } from "./testing";

let h: ScimHarness;
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("managing webhook endpoints", () => {
  it("sends a signed test event and redelivers a logged event with its original id, leaving the cursor alone", async () => {
    const receiver = await startWebhookReceiver();
    const { endpoint, secret } = await createWebhookEndpoint(h.db, h.a.tenant.id, { url: receiver.url }, cliActor);
    expect(await sendTestWebhook(h.db, h.a.tenant.id, { endpointId: endpoint.id })).toMatchObject({ ok: true, status: 204 });
    const res = await h.scim("POST", at(h.a.entra, "Users"), { as: h.a.entra, body: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "again@example.com" } });
    expect(res.status).toBe(201);
    await deliverWebhooks(h.db, { owner: "test", clock: () => new Date(), mailer: null });
    const [before] = await h.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    const [, delivered] = await h.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id)).orderBy(asc(webhookDeliveries.id));
    expect(await redeliverWebhook(h.db, h.a.tenant.id, { deliveryId: delivered.id })).toMatchObject({ ok: true });
    await receiver.close();

    const ids = receiver.received.map((r) => String(r.headers["webhook-id"]));
    expect(ids).toEqual([expect.stringMatching(/^test_/), delivered.messageId, delivered.messageId]);
    const verify = (n: number) =>
      new Webhook(secret).verify(receiver.received[n].body, {
        "webhook-id": ids[n],
        "webhook-timestamp": String(receiver.received[n].headers["webhook-timestamp"]),
        "webhook-signature": String(receiver.received[n].headers["webhook-signature"]),
      });
    expect(verify(0)).toMatchObject({ type: "webhook.test", data: { endpointId: endpoint.id } });
    expect(verify(2)).toEqual(verify(1));
    expect((await listWebhookDeliveries(h.db, h.a.tenant.id, endpoint.id)).map((d) => d.attempt)).toEqual([2, 1, 1]);
    const [after] = await h.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect([after.cursorTxId, after.cursorId]).toEqual([before.cursorTxId, before.cursorId]);
  });

  it("enables a disabled endpoint to retry at once, audited", async () => {
    const { endpoint } = await createWebhookEndpoint(h.db, h.a.tenant.id, { url: "https://hooks.example.com/a" }, cliActor);
    await h.db.update(webhookEndpoints).set({ enabled: false, disabledAt: new Date(), failedAttempts: 40, failingSince: new Date(0) }).where(eq(webhookEndpoints.id, endpoint.id));
    await enableWebhookEndpoint(h.db, h.a.tenant.id, { endpointId: endpoint.id }, cliActor);
    expect(await findWebhookEndpoint(h.db, h.a.tenant.id, endpoint.id)).toMatchObject({ enabled: true, disabledAt: null, failedAttempts: 0, failingSince: null });
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.action, "webhook.enabled"));
    expect(audits.map((a) => a.detail)).toContainEqual({ webhookId: endpoint.id, url: endpoint.url });
  });

  it("keeps each tenant's endpoints and deliveries from the other", async () => {
    const receiver = await startWebhookReceiver();
    const { endpoint } = await createWebhookEndpoint(h.db, h.a.tenant.id, { url: receiver.url }, cliActor);
    await sendTestWebhook(h.db, h.a.tenant.id, { endpointId: endpoint.id });
    const [delivery] = await listWebhookDeliveries(h.db, h.a.tenant.id, endpoint.id);
    const b = h.b.tenant.id;
    expect((await listWebhookEndpoints(h.db, b)).map((e) => e.id)).not.toContain(endpoint.id);
    expect(await findWebhookEndpoint(h.db, b, endpoint.id)).toBeNull();
    expect(await listWebhookDeliveries(h.db, b, endpoint.id)).toEqual([]);
    await expect(sendTestWebhook(h.db, b, { endpointId: endpoint.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(redeliverWebhook(h.db, b, { deliveryId: delivery.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(enableWebhookEndpoint(h.db, b, { endpointId: endpoint.id }, cliActor)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteWebhookEndpoint(h.db, b, { endpointId: endpoint.id }, cliActor)).rejects.toMatchObject({ code: "not_found" });
    await receiver.close();
    expect(receiver.received).toHaveLength(1);
    expect(await findWebhookEndpoint(h.db, h.a.tenant.id, endpoint.id)).not.toBeNull();
  });
});
