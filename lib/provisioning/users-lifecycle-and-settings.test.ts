import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, people } from "@/db/schema";
import { createScimHarness, type Installed, type ScimHarness } from "./testing";
import { PATCH_OP, USER_SCHEMA } from "@/lib/scim/schemas/urns";

/**
 * A person's lifecycle (DESIGN.md: active <-> inactive -> deleted), userName uniqueness, and
 * the per-integration behaviour settings from the seed guides: lowercase identifiers (Proxy,
 * seed 003), userName/email coupling (Proxyclick, seeds 000/001), default region (TrackTik,
 * seed 004) and delete mode.
 */

let h: ScimHarness;
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(() => h.close());

const usersOf = (dir: Installed) => `${dir.integration.appKey}/Users`;
const body = (userName: string, extra: Record<string, unknown> = {}) => ({ schemas: [USER_SCHEMA], userName, ...extra });
const ops = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });
const rowOf = async (id: string) => (await h.db.select().from(people).where(eq(people.id, id)))[0];

async function create(dir: Installed, userName: string, extra: Record<string, unknown> = {}) {
  const res = await h.scim("POST", usersOf(dir), { body: body(userName, extra), as: dir });
  expect(res.status).toBe(201);
  return res.body as { id: string } & Record<string, unknown>;
}

describe("active and inactive", () => {
  it("deactivates and reactivates in any order, naming each History event", async () => {
    const dir = h.a.entra;
    const user = await create(dir, `life-${randomUUID()}`);
    const setActive = (value: unknown) => h.patchAndRead(`${usersOf(dir)}/${user.id}`, { body: ops({ op: "replace", path: "active", value }), as: dir });
    for (const value of [false, "False", true, "TRUE", false]) expect((await setActive(value)).status).toBe(204);
    expect((await rowOf(user.id)).active).toBe(false);
    const history = await h.db.select().from(events).where(eq(events.subjectId, user.id)).orderBy(events.id);
    expect(history.map((e) => e.action)).toEqual(["created", "deactivated", "reactivated", "deactivated"]);
  });

  it("creates a user that is inactive from the start", async () => {
    const user = await create(h.a.entra, `inactive-${randomUUID()}`, { active: "False" });
    expect(user.active).toBe(false);
    expect((await rowOf(user.id)).active).toBe(false);
  });
});

describe("userName uniqueness", () => {
  it("answers 409 uniqueness to the same userName in another case, and returns the first exactly as sent", async () => {
    const dir = h.a.entra;
    const userName = `Mixed.Case-${randomUUID()}@Example.COM`;
    const first = await create(dir, userName);
    expect(first.userName).toBe(userName);
    expect((await rowOf(first.id)).userName).toBe(userName);
    const clash = await h.scim("POST", usersOf(dir), { body: body(userName.toLowerCase()), as: dir });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "409", scimType: "uniqueness" });
    expect((await h.scim("GET", `${usersOf(dir)}/${first.id}`, { as: dir })).body.userName).toBe(userName);
  });

  it("is per tenant: another tenant may use the same userName, another integration of the same tenant may not", async () => {
    const userName = `shared-${randomUUID()}@example.com`;
    await create(h.a.entra, userName);
    expect((await h.scim("POST", usersOf(h.b.entra), { body: body(userName), as: h.b.entra })).status).toBe(201);
    expect((await h.scim("POST", usersOf(h.a.okta), { body: body(userName.toUpperCase()), as: h.a.okta })).status).toBe(409);
  });
});

describe("delete mode", () => {
  it("soft: hides the person from SCIM but keeps the row with deletedAt, and writes a deleted event", async () => {
    const dir = h.a.entra;
    const user = await create(dir, `soft-${randomUUID()}`);
    expect((await h.scim("DELETE", `${usersOf(dir)}/${user.id}`, { as: dir })).status).toBe(204);
    const row = await rowOf(user.id);
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect((await h.scim("GET", `${usersOf(dir)}/${user.id}`, { as: dir })).status).toBe(404);
    expect((await h.scim("PUT", `${usersOf(dir)}/${user.id}`, { body: body("x"), as: dir })).status).toBe(404);
    expect((await h.patchAndRead(`${usersOf(dir)}/${user.id}`, { body: ops({ op: "replace", path: "nickName", value: "x" }), as: dir })).status).toBe(404);
    const listed = await h.scim("GET", `${usersOf(dir)}?filter=${encodeURIComponent(`id eq "${user.id}"`)}`, { as: dir });
    expect(listed.body.totalResults).toBe(0);
    const actions = (await h.db.select().from(events).where(eq(events.subjectId, user.id))).map((e) => e.action);
    expect(actions).toContain("deleted");
  });

  it("hard: removes the row, keeps the History event", async () => {
    const dir = await h.install(h.a.tenant, "generic", { deleteMode: "hard" });
    const user = await create(dir, `hard-${randomUUID()}`);
    expect((await h.scim("DELETE", `${usersOf(dir)}/${user.id}`, { as: dir })).status).toBe(204);
    expect(await rowOf(user.id)).toBeUndefined();
    const actions = (await h.db.select().from(events).where(eq(events.subjectId, user.id))).map((e) => e.action);
    expect(actions).toEqual(["created", "deleted_hard"]);
  });
});

describe("lowercase identifiers", () => {
  it("stores userName and emails lowercased on create, PUT and PATCH", async () => {
    const dir = await h.install(h.a.tenant, "generic", { lowercaseIdentifiers: true });
    const tag = randomUUID();
    const user = await create(dir, `Upper.${tag}@Example.COM`, { emails: [{ value: `Upper.${tag}@Example.COM`, type: "work", primary: true }] });
    expect(user.userName).toBe(`upper.${tag}@example.com`);
    expect(user.emails).toEqual([{ value: `upper.${tag}@example.com`, type: "work", primary: true }]);
    const row = await rowOf(user.id);
    expect([row.userName, row.primaryEmail]).toEqual([`upper.${tag}@example.com`, `upper.${tag}@example.com`]);
    const patched = await h.patchAndRead(`${usersOf(dir)}/${user.id}`, { body: ops({ op: "replace", path: "userName", value: `PATCHED.${tag}` }), as: dir });
    expect(patched.body.userName).toBe(`patched.${tag}`);
    const put = await h.scim("PUT", `${usersOf(dir)}/${user.id}`, { body: body(`PUT.${tag}`, { emails: [{ value: "Home@Example.COM", type: "home" }] }), as: dir });
    expect(put.body.userName).toBe(`put.${tag}`);
    expect(put.body.emails[0].value).toBe("home@example.com");
  });

  it("leaves identifiers as sent when the setting is off", async () => {
    const user = await create(h.a.entra, `As.Sent-${randomUUID()}@Example.COM`, { emails: [{ value: "Keep@Case.COM" }] });
    expect(user.userName).toMatch(/^As\.Sent-/);
    expect((user.emails as { value: string }[])[0].value).toBe("Keep@Case.COM");
  });

  it("is on for a new Okta integration, as Proxy's Okta app lowercases (seed 003)", async () => {
    const user = await create(h.a.okta, `Okta.Person-${randomUUID()}@Example.COM`, { emails: [{ value: "Okta.Person@Example.COM" }] });
    expect(user.userName).toMatch(/^okta\.person-/);
    expect((user.emails as { value: string }[])[0].value).toBe("okta.person@example.com");
  });
});

describe("coupled userName and primary email", () => {
  let dir: Installed;
  beforeAll(async () => {
    dir = await h.install(h.a.tenant, "generic", { coupleUserNameAndEmail: true });
  });

  it("sets the primary email from the userName on create", async () => {
    const userName = `couple-${randomUUID()}@example.com`;
    const user = await create(dir, userName, { emails: [{ value: "other@example.com", type: "work", primary: true }] });
    expect(user.emails).toEqual([{ value: userName, type: "work", primary: true }]);
    expect((await rowOf(user.id)).primaryEmail).toBe(userName);
  });

  it("moves the primary email when userName changes", async () => {
    const user = await create(dir, `before-${randomUUID()}@example.com`);
    const next = `after-${randomUUID()}@example.com`;
    const res = await h.patchAndRead(`${usersOf(dir)}/${user.id}`, { body: ops({ op: "replace", path: "userName", value: next }), as: dir });
    expect(res.status).toBe(204);
    expect(res.body.emails).toEqual([{ value: next, type: "work", primary: true }]);
  });

  it("moves userName when only the primary email changes", async () => {
    const user = await create(dir, `mail-${randomUUID()}@example.com`);
    const next = `newmail-${randomUUID()}@example.com`;
    const res = await h.patchAndRead(`${usersOf(dir)}/${user.id}`, {
      body: ops({ op: "replace", path: "emails[primary eq true].value", value: next }),
      as: dir,
    });
    expect(res.status).toBe(204);
    expect(res.body.userName).toBe(next);
    expect((await rowOf(user.id)).userName).toBe(next);
  });

  it("couples after lowercasing when both settings are on, on PUT too", async () => {
    const both = await h.install(h.a.tenant, "generic", { coupleUserNameAndEmail: true, lowercaseIdentifiers: true });
    const tag = randomUUID();
    const user = await create(both, `Both.${tag}@Example.io`, { emails: [{ value: "Else@Example.io", primary: true }] });
    expect([user.userName, (user.emails as { value: string }[])[0].value]).toEqual([`both.${tag}@example.io`, `both.${tag}@example.io`]);
    const put = await h.scim("PUT", `${usersOf(both)}/${user.id}`, {
      body: body(`both.${tag}@example.io`, { emails: [{ value: `NEW.${tag}@Example.io`, primary: true }] }),
      as: both,
    });
    expect(put.body.userName).toBe(`new.${tag}@example.io`);
    expect((await rowOf(user.id)).primaryEmail).toBe(`new.${tag}@example.io`);
  });

  it("does not couple when the setting is off", async () => {
    const userName = `apart-${randomUUID()}@example.com`;
    const user = await create(h.a.okta, userName, { emails: [{ value: "elsewhere@example.com", type: "work", primary: true }] });
    expect((user.emails as { value: string }[])[0].value).toBe("elsewhere@example.com");
  });
});

describe("default region", () => {
  it("puts new people in the integration's default region, HQ unless set otherwise", async () => {
    const hq = await create(h.a.entra, `hq-${randomUUID()}`);
    expect((await rowOf(hq.id)).region).toBe("HQ");
    const dir = await h.install(h.b.tenant, "generic", { defaultRegion: "EMEA" });
    const emea = await create(dir, `emea-${randomUUID()}`);
    expect((await rowOf(emea.id)).region).toBe("EMEA");
    const none = await h.install(h.b.tenant, "generic", { defaultRegion: "" });
    expect((await rowOf((await create(none, `none-${randomUUID()}`)).id)).region).toBeNull();
  });
});
