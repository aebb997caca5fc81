import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokens } from "@/db/schema";
import { cliActor } from "@/lib/audit/record-audit";
import { setAlertSettings } from "@/lib/integrations/set-alert-settings";
import { smtpMailer, type Mailer } from "@/lib/mail/mailer";
import { startMailCatcher, type CaughtMail } from "@/lib/mail/testing";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { createToken } from "@/lib/tokens/create-token";
import { evaluateAlerts } from "./evaluate-alerts";
import { listActiveAlerts, listAlertHistory } from "./list-alerts";

let h: ScimHarness;
let mailer: Mailer;
let received: CaughtMail[];
let closeMail: () => Promise<void>;
beforeAll(async () => {
  h = await createScimHarness();
  const catcher = await startMailCatcher();
  ({ received, close: closeMail } = catcher);
  mailer = smtpMailer(catcher.url, "console@example.test");
});
afterAll(async () => {
  await closeMail();
  await h.close();
});

describe("evaluateAlerts", () => {
  it("raises token expiring once, emails it once, and clears it when a lasting token is made", async () => {
    const entra = await h.install(h.a.tenant, "entra");
    const which = { integrationId: entra.integration.id };
    await setAlertSettings(h.db, h.a.tenant.id, { ...which, notificationEmail: "it@a.test", massChangeThreshold: "", pauseOnMassChange: false }, cliActor);
    await createToken(h.db, h.a.tenant.id, { ...which, description: "Soon", expiresAt: new Date(Date.now() + 3 * 86_400_000) }, cliActor);
    await h.db.update(tokens).set({ revokedAt: new Date() }).where(eq(tokens.hint, entra.secret.slice(-6)));

    await evaluateAlerts(h.db, { now: new Date(), mailer });
    await evaluateAlerts(h.db, { now: new Date(), mailer });
    const history = await listAlertHistory(h.db, h.a.tenant.id, entra.integration.id);
    expect(history.map((a) => [a.topic, a.state])).toEqual([["connection", "token_expiring"]]);
    expect(history[0].emailedAt).not.toBeNull();
    const mails = received.filter((m) => m.to.includes("it@a.test"));
    expect(mails).toHaveLength(1);
    expect(mails[0].data).toContain("Token expiring");
    expect(mails[0].data).toContain(`/settings/integrations/${entra.integration.id}`);
    expect((await listActiveAlerts(h.db, h.a.tenant.id)).map((a) => [a.integrationId, a.state])).toContainEqual([entra.integration.id, "token_expiring"]);
    expect((await listActiveAlerts(h.db, h.b.tenant.id)).map((a) => a.integrationId)).not.toContain(entra.integration.id);

    await createToken(h.db, h.a.tenant.id, { ...which, description: "Lasting" }, cliActor);
    await evaluateAlerts(h.db, { now: new Date(), mailer });
    expect((await listAlertHistory(h.db, h.a.tenant.id, entra.integration.id)).map((a) => a.state)).toEqual([null, "token_expiring"]);
    expect((await listActiveAlerts(h.db, h.a.tenant.id)).map((a) => a.integrationId)).not.toContain(entra.integration.id);
    expect(received.filter((m) => m.to.includes("it@a.test"))).toHaveLength(1);
  });

  it("raises failing with its reason, without email when no address is set", async () => {
    const okta = await h.install(h.b.tenant, "okta");
    for (let i = 0; i < 3; i++) await h.scim("GET", `${okta.integration.appKey}/Users`, { as: okta, headers: { authorization: "Bearer wrong" } });
    const before = received.length;
    await evaluateAlerts(h.db, { now: new Date(), mailer });
    const [alert] = await listAlertHistory(h.db, h.b.tenant.id, okta.integration.id);
    expect(alert).toMatchObject({ topic: "connection", state: "failing", emailedAt: null });
    expect(alert.detail).toContain('"401 The token is not valid or has been revoked"');
    expect(received.length).toBe(before);
  });

  it("raises a mass change over the threshold even without the pause", async () => {
    const entra = await h.install(h.b.tenant, "entra");
    await setAlertSettings(h.db, h.b.tenant.id, { integrationId: entra.integration.id, notificationEmail: "", massChangeThreshold: "1", pauseOnMassChange: false }, cliActor);
    const users = `${entra.integration.appKey}/Users`;
    for (const name of ["x", "y"]) {
      const created = await h.scim("POST", users, { as: entra, body: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: `${name}-${entra.integration.id}@b.test` } });
      await h.scim("DELETE", `${users}/${created.body.id}`, { as: entra });
    }
    await evaluateAlerts(h.db, { now: new Date(), mailer: null });
    const alerts = await listAlertHistory(h.db, h.b.tenant.id, entra.integration.id);
    expect(alerts.find((a) => a.topic === "mass_change")).toMatchObject({ state: "tripped", detail: "2 deactivations and deletions within an hour, more than the threshold of 1." });
  });
});
