import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, integrations, people, tokens } from "@/db/schema";
import { cliActor } from "@/lib/audit/record-audit";
import { createScimHarness, type Installed, type ScimHarness } from "@/lib/provisioning/testing";
import { USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { uninstallIntegration, type UninstallChoice } from "./uninstall-integration";

/** Uninstalling an integration, with each choice of what becomes of its people. */

let h: ScimHarness;
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(() => h.close());

async function installWithPeople(label: string): Promise<{ installed: Installed; ids: string[] }> {
  const installed = await h.install(h.a.tenant, "generic");
  const ids: string[] = [];
  for (const n of [1, 2]) {
    const created = await h.scim("POST", `${installed.integration.appKey}/Users`, { as: installed, body: { schemas: [USER_SCHEMA], userName: `${label}-${n}@acme.test` } });
    expect(created.status).toBe(201);
    ids.push(created.body.id);
  }
  return { installed, ids };
}

const peopleOf = (ids: string[]) =>
  Promise.all(ids.map(async (id) => (await h.db.select().from(people).where(eq(people.id, id)))[0]));

async function uninstall(installed: Installed, choice: UninstallChoice) {
  return uninstallIntegration(h.db, h.a.tenant.id, { integrationId: installed.integration.id, people: choice, confirmName: installed.integration.name }, cliActor);
}

describe("uninstallIntegration", () => {
  it("keeps the people, no longer managed, and removes the integration and its tokens", async () => {
    const { installed, ids } = await installWithPeople("keep");
    expect(await uninstall(installed, "keep")).toEqual({ name: installed.integration.name, affected: 0 });
    const kept = await peopleOf(ids);
    expect(kept.map((p) => [p.integrationId, p.active, p.deletedAt, p.purgedAt])).toEqual([[null, true, null, null], [null, true, null, null]]);
    expect(await h.db.select().from(integrations).where(eq(integrations.id, installed.integration.id))).toEqual([]);
    expect(await h.db.select().from(tokens).where(eq(tokens.integrationId, installed.integration.id))).toEqual([]);
    expect((await h.scim("GET", `${installed.integration.appKey}/Users`, { as: installed })).status).toBe(401);
    const [audit] = await h.db.select().from(auditLog).where(and(eq(auditLog.tenantId, h.a.tenant.id), eq(auditLog.action, "integration.uninstalled")));
    expect(audit.detail).toMatchObject({ name: installed.integration.name, people: "keep", affected: 0 });
  });

  it("deactivates the people it provisioned, with the reason in History", async () => {
    const { installed, ids } = await installWithPeople("deactivate");
    expect((await uninstall(installed, "deactivate")).affected).toBe(2);
    expect((await peopleOf(ids)).map((p) => [p.active, p.purgedAt])).toEqual([[false, null], [false, null]]);
  });

  it("permanently deletes the people it provisioned", async () => {
    const { installed, ids } = await installWithPeople("delete");
    expect((await uninstall(installed, "delete")).affected).toBe(2);
    expect((await peopleOf(ids)).every((p) => p.purgedAt !== null)).toBe(true);
  });

  it("refuses without the typed name, and another tenant's integration is not found", async () => {
    const { installed } = await installWithPeople("refused");
    await expect(
      uninstallIntegration(h.db, h.a.tenant.id, { integrationId: installed.integration.id, people: "keep", confirmName: "something else" }, cliActor),
    ).rejects.toMatchObject({ code: "bad_input", field: "confirmName" });
    await expect(
      uninstallIntegration(h.db, h.b.tenant.id, { integrationId: installed.integration.id, people: "delete", confirmName: installed.integration.name }, cliActor),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await h.db.select({ status: integrations.status }).from(integrations).where(eq(integrations.id, installed.integration.id))).toEqual([{ status: "active" }]);
  });
});
