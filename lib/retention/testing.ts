import { randomUUID } from "node:crypto";
import { cliActor } from "@/lib/audit/record-audit";
import { setRetentionPolicy, type RetentionPolicy } from "@/lib/integrations/set-retention-policy";
import type { Installed, ScimHarness } from "@/lib/provisioning/testing";
import { PATCH_OP, USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { createTenant } from "@/lib/tenants/create-tenant";

const DAY = 86_400_000;

/** A moment `days` days from now (fractions allowed): the clock a retention run is given. */
export const daysFromNow = (days: number) => new Date(Date.now() + days * DAY);

/** A tenant of its own with an Entra integration under `policy`, and SCIM calls through it. */
export async function tenantWithPolicy(h: ScimHarness, policy: Partial<RetentionPolicy>) {
  const tag = randomUUID().slice(0, 8);
  const tenant = await createTenant(h.db, { slug: `r-${tag}`, name: `Retention ${tag}` });
  const entra: Installed = await h.install(tenant, "entra");
  const which = { tenantId: tenant.id, integrationId: entra.integration.id };
  await setRetentionPolicy(h.db, which, { purgeDaysAfterDeletion: null, purgeDaysAfterDeactivation: null, ...policy }, cliActor);
  const key = entra.integration.appKey;
  const call = (method: string, path: string, body?: unknown) => h.scim(method, `${key}${path}`, { as: entra, body });

  async function provision(label: string): Promise<{ id: string; userName: string }> {
    const userName = `${label}-${randomUUID().slice(0, 8)}@r.example`;
    const res = await call("POST", "/Users", { schemas: [USER_SCHEMA], userName, displayName: `${label} ${tag}`, emails: [{ value: userName, primary: true }] });
    if (res.status !== 201) throw new Error(`provisioning failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id as string, userName };
  }
  async function expectStatus(res: Promise<{ status: number; body: unknown }>, status: number) {
    const done = await res;
    if (done.status !== status) throw new Error(`expected ${status}, got ${done.status} ${JSON.stringify(done.body)}`);
  }
  const setActive = (id: string, active: boolean) =>
    expectStatus(call("PATCH", `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "active", value: active }] }), 204);
  const remove = (id: string) => expectStatus(call("DELETE", `/Users/${id}`), 204);
  return { tenant, entra, which, call, provision, setActive, remove };
}
