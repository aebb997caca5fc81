import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, integrations } from "@/db/schema";
import { cliActor } from "@/lib/audit/record-audit";
import { confirmMassChange } from "@/lib/integrations/confirm-mass-change";
import { setAlertSettings } from "@/lib/integrations/set-alert-settings";
import { createScimHarness, type Installed, type ScimHarness } from "@/lib/provisioning/testing";
import { PATCH_OP, USER_SCHEMA } from "@/lib/scim/schemas/urns";

/** The mass-change guard on the SCIM write path, through the same adapter as the route. */
let h: ScimHarness;
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(() => h.close());

async function guarded(pauseOnMassChange: boolean): Promise<{ entra: Installed; users: string; ids: string[] }> {
  const entra = await h.install(h.a.tenant, "entra");
  await setAlertSettings(h.db, h.a.tenant.id, { integrationId: entra.integration.id, notificationEmail: "", massChangeThreshold: "2", pauseOnMassChange }, cliActor);
  const users = `${entra.integration.appKey}/Users`;
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const created = await h.scim("POST", users, { as: entra, body: { schemas: [USER_SCHEMA], userName: `p${i}-${entra.integration.id}@a.test` } });
    expect(created.status).toBe(201);
    ids.push(created.body.id);
  }
  return { entra, users, ids };
}
const deactivate = { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "active", value: false }] };

describe("mass-change guard", () => {
  it("refuses the removal past the threshold with a 409 that says why, pauses, and resumes once an admin confirms", async () => {
    const { entra, users, ids } = await guarded(true);
    expect((await h.scim("DELETE", `${users}/${ids[0]}`, { as: entra })).status).toBe(204);
    expect((await h.scim("PATCH", `${users}/${ids[1]}`, { as: entra, body: deactivate })).status).toBe(204);

    const refused = await h.scim("DELETE", `${users}/${ids[2]}`, { as: entra });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/^Deactivations and deletions from this integration are paused: more than 2 within an hour/);
    expect((await h.scim("GET", `${users}/${ids[2]}`, { as: entra })).status).toBe(200);
    const [paused] = await h.db.select().from(integrations).where(eq(integrations.id, entra.integration.id));
    expect(paused.removalsPausedAt).not.toBeNull();

    // While paused, deactivations by PATCH and PUT are refused too; other writes go through.
    expect((await h.scim("PATCH", `${users}/${ids[3]}`, { as: entra, body: deactivate })).status).toBe(409);
    const put = await h.scim("PUT", `${users}/${ids[3]}`, { as: entra, body: { schemas: [USER_SCHEMA], userName: `p3-${entra.integration.id}@a.test`, active: false } });
    expect(put.status).toBe(409);
    expect((await h.scim("PATCH", `${users}/${ids[3]}`, { as: entra, body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "displayName", value: "Still here" }] } })).status).toBe(204);

    await expect(confirmMassChange(h.db, h.b.tenant.id, { integrationId: entra.integration.id }, cliActor)).rejects.toThrow("No such integration");
    await confirmMassChange(h.db, h.a.tenant.id, { integrationId: entra.integration.id }, cliActor);
    expect((await h.scim("DELETE", `${users}/${ids[2]}`, { as: entra })).status).toBe(204);
    const [audit] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, h.a.tenant.id), eq(auditLog.action, "integration.mass_change_confirmed")));
    expect(audit.detail).toMatchObject({ integrationId: entra.integration.id, pausedSince: paused.removalsPausedAt!.toISOString() });
  });

  it("lets every removal through when the guard only alerts", async () => {
    const { entra, users, ids } = await guarded(false);
    for (const id of ids) expect((await h.scim("DELETE", `${users}/${id}`, { as: entra })).status).toBe(204);
  });

  it("counts only the integration's own removals", async () => {
    const { entra, ids } = await guarded(true);
    const other = await guarded(true);
    for (const id of other.ids.slice(0, 2)) expect((await h.scim("DELETE", `${other.users}/${id}`, { as: other.entra })).status).toBe(204);
    expect((await h.scim("DELETE", `${entra.integration.appKey}/Users/${ids[0]}`, { as: entra })).status).toBe(204);
  });

  it("refuses a pause without a threshold", async () => {
    await expect(
      setAlertSettings(h.db, h.a.tenant.id, { integrationId: h.a.entra.integration.id, notificationEmail: "", massChangeThreshold: "", pauseOnMassChange: true }, cliActor),
    ).rejects.toThrow("Set a threshold to pause deletions when it is crossed");
  });
});
