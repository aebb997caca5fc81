import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, people } from "@/db/schema";
import {
  entraCreateUser,
  entraPatchAddManager,
  entraPatchAddNickName,
  entraPatchDeactivate,
  entraPatchDisable,
  entraPatchReplaceDotted,
  entraPatchReplaceMany,
  entraPatchReplaceMultiValued,
  entraPatchReplaceUserName,
} from "@/lib/scim/fixtures/entra";
import { createScimHarness, type ScimHarness } from "./testing";
import { ENTERPRISE_USER_SCHEMA, PATCH_OP } from "@/lib/scim/schemas/urns";

/**
 * The requests Microsoft Entra ID's provisioning service sends, end to end through the route's
 * adapter against the real database. Shapes: lib/scim/fixtures/entra.ts, copied from
 * https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups
 * and https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
 */

let h: ScimHarness;
let users: string;
beforeAll(async () => {
  h = await createScimHarness();
  users = `${h.a.entra.integration.appKey}/Users`;
});
afterAll(() => h.close());

/** Entra's create body with fresh identifiers, so tests never collide. */
function entraUser(overrides: Record<string, unknown> = {}) {
  const tag = randomUUID();
  return { ...structuredClone(entraCreateUser), externalId: tag, userName: `Test_User_${tag}`, ...overrides };
}

async function created(overrides: Record<string, unknown> = {}) {
  const res = await h.scim("POST", users, { body: entraUser(overrides) });
  expect(res.status).toBe(201);
  return res.body as { id: string; userName: string; externalId: string } & Record<string, unknown>;
}

const patch = (id: string, Operations: unknown[]) =>
  h.patchAndRead(`${users}/${id}`, { body: { schemas: [PATCH_OP], Operations } });

describe("Entra Test Connection", () => {
  it("answers the random-guid userName probe with an empty ListResponse, not 404", async () => {
    const res = await h.scim("GET", `${users}?filter=${encodeURIComponent(`userName eq "${randomUUID()}"`)}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
      totalResults: 0,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });
  });

  it("answers the probe the same when the Tenant URL's aadOptscim062020 flag is appended", async () => {
    const filter = encodeURIComponent(`userName eq "${randomUUID()}"`);
    for (const path of [`${users}?aadOptscim062020&filter=${filter}`, `${users}?filter=${filter}&aadOptscim062020`]) {
      const res = await h.scim("GET", path);
      expect(res.status).toBe(200);
      expect(res.body.totalResults).toBe(0);
    }
  });
});

describe("Entra create and match", () => {
  it("creates the documented user and returns it with id, meta and Location", async () => {
    const body = entraUser();
    const res = await h.scim("POST", users, { body });
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.userName).toBe(body.userName);
    expect(res.body.externalId).toBe(body.externalId);
    expect(res.body.active).toBe(true);
    expect(res.body.name).toEqual(entraCreateUser.name);
    expect(res.body.emails).toEqual(entraCreateUser.emails);
    expect(res.body.meta).toMatchObject({ resourceType: "User", location: `http://localhost:3000/api/scim/v2/${users}/${res.body.id}` });
    expect(res.headers.get("location")).toBe(res.body.meta.location);
    expect(res.headers.get("content-type")).toMatch(/^application\/scim\+json/);
  });

  it("matches an existing user by userName, case-insensitively", async () => {
    const user = await created();
    const res = await h.scim("GET", `${users}?filter=${encodeURIComponent(`userName eq "${user.userName.toUpperCase()}"`)}`);
    expect(res.status).toBe(200);
    expect(res.body.totalResults).toBe(1);
    expect(res.body.Resources[0].id).toBe(user.id);
  });

  it("matches an existing user by externalId", async () => {
    const user = await created();
    await created();
    const res = await h.scim("GET", `${users}?filter=${encodeURIComponent(`externalId eq "${user.externalId}"`)}`);
    expect(res.body.totalResults).toBe(1);
    expect(res.body.Resources[0].id).toBe(user.id);
  });
});

describe("Entra PATCH forms", () => {
  it("replaces a work email by filtered path and name.familyName by dotted path", async () => {
    const user = await created();
    const res = await h.patchAndRead(`${users}/${user.id}`, { body: entraPatchReplaceMultiValued });
    expect(res.status).toBe(204);
    expect(res.body.emails).toEqual([{ primary: true, type: "work", value: "updatedEmail@microsoft.com" }]);
    expect(res.body.name.familyName).toBe("updatedFamilyName");
    expect(res.body.name.givenName).toBe("givenName");
  });

  it("replaces userName by path", async () => {
    const user = await created();
    const res = await h.patchAndRead(`${users}/${user.id}`, { body: entraPatchReplaceUserName });
    expect(res.status).toBe(204);
    expect(res.body.userName).toBe(entraPatchReplaceUserName.Operations[0].value);
    const [row] = await h.db.select().from(people).where(eq(people.id, user.id));
    expect(row.userName).toBe(entraPatchReplaceUserName.Operations[0].value);
  });

  it("applies one path per attribute, including a URN-qualified enterprise path", async () => {
    const user = await created();
    const res = await h.patchAndRead(`${users}/${user.id}`, { body: entraPatchReplaceMany });
    expect(res.status).toBe(204);
    expect(res.body).toMatchObject({
      displayName: "Pvlo",
      externalId: "Eqpj",
      name: { givenName: "Gtfd", familyName: "Pkqf" },
      [ENTERPRISE_USER_SCHEMA]: { employeeNumber: "Eqpj" },
    });
    expect(res.body.emails[0].value).toBe("TestBcwqnm@test.microsoft.com");
    expect(res.body.schemas).toContain(ENTERPRISE_USER_SCHEMA);
  });

  it("applies a path-less replace whose keys are plain, dotted and URN-qualified", async () => {
    const user = await created();
    const res = await h.patchAndRead(`${users}/${user.id}`, { body: entraPatchReplaceDotted });
    expect(res.status).toBe(204);
    expect(res.body).toMatchObject({
      displayName: "Bjfe",
      name: { givenName: "Kkom", familyName: "Unua", formatted: "givenName familyName" },
      [ENTERPRISE_USER_SCHEMA]: { employeeNumber: "Aklq" },
    });
    expect(res.body).not.toHaveProperty(["name.givenName"]);
    expect(res.body.emails[0].value).toBe("TestMhvaes@test.microsoft.com");
  });

  it("treats add on a single-valued attribute as replace", async () => {
    const user = await created();
    expect((await h.patchAndRead(`${users}/${user.id}`, { body: entraPatchAddNickName })).body.nickName).toBe("Babs");
    const again = await patch(user.id, [{ op: "Add", path: "nickName", value: "Barbara" }]);
    expect(again.status).toBe(204);
    expect(again.body.nickName).toBe("Barbara");
  });

  it("takes the manager as a plain id string", async () => {
    const user = await created();
    const res = await h.patchAndRead(`${users}/${user.id}`, { body: entraPatchAddManager });
    expect(res.status).toBe(204);
    expect(res.body[ENTERPRISE_USER_SCHEMA].manager).toEqual({ value: entraPatchAddManager.Operations[0].value });
  });

  it("takes the manager as an object, and by path-less URN-qualified key", async () => {
    const user = await created();
    const manager = await created();
    const res = await patch(user.id, [{ op: "replace", path: `${ENTERPRISE_USER_SCHEMA}:manager`, value: { value: manager.id } }]);
    expect(res.status).toBe(204);
    expect(res.body[ENTERPRISE_USER_SCHEMA].manager.value).toBe(manager.id);
    const pathless = await patch(user.id, [{ op: "Replace", value: { [`${ENTERPRISE_USER_SCHEMA}:manager`]: "other-manager-id", [`${ENTERPRISE_USER_SCHEMA}:department`]: "Sales" } }]);
    expect(pathless.status).toBe(204);
    expect(pathless.body[ENTERPRISE_USER_SCHEMA]).toMatchObject({ manager: { value: "other-manager-id" }, department: "Sales" });
  });

  it("creates the missing item of a filtered path phoneNumbers[type eq \"mobile\"].value", async () => {
    const user = await created();
    const res = await patch(user.id, [{ op: "Add", path: 'phoneNumbers[type eq "mobile"].value', value: "+1 555 0100" }]);
    expect(res.status).toBe(204);
    expect(res.body.phoneNumbers).toEqual([{ type: "mobile", value: "+1 555 0100" }]);
    const replaced = await patch(user.id, [{ op: "Replace", path: 'phoneNumbers[type eq "mobile"].value', value: "+1 555 0199" }]);
    expect(replaced.body.phoneNumbers).toEqual([{ type: "mobile", value: "+1 555 0199" }]);
  });

  it("removes only the values a value filter selects", async () => {
    const user = await created({
      emails: [
        { type: "work", value: "keep@example.com", primary: true },
        { type: "home", value: "drop@example.com" },
      ],
    });
    const res = await patch(user.id, [{ op: "Remove", path: 'emails[value eq "drop@example.com"]' }]);
    expect(res.status).toBe(204);
    expect(res.body.emails).toEqual([{ type: "work", value: "keep@example.com", primary: true }]);
  });

  it('deactivates with the string "False" and with a compliant boolean', async () => {
    const user = await created();
    const res = await h.patchAndRead(`${users}/${user.id}`, { body: entraPatchDeactivate });
    expect(res.status).toBe(204);
    expect(res.body.active).toBe(false);
    const [row] = await h.db.select().from(people).where(eq(people.id, user.id));
    expect(row.active).toBe(false);
    const other = await created();
    expect((await h.patchAndRead(`${users}/${other.id}`, { body: entraPatchDisable })).body.active).toBe(false);
  });

  it.each(["replace", "Replace", "REPLACE", "rEpLaCe"])("reads op %s in any case", async (op) => {
    const user = await created();
    const res = await patch(user.id, [{ op, path: "displayName", value: `Shown ${op}` }]);
    expect(res.status).toBe(204);
    expect(res.body.displayName).toBe(`Shown ${op}`);
  });

  it("applies nothing when the second operation of a request is invalid", async () => {
    const user = await created({ displayName: "Before" });
    const before = await h.scim("GET", `${users}/${user.id}`);
    const res = await patch(user.id, [
      { op: "Replace", path: "displayName", value: "After" },
      { op: "Replace", path: "noSuchAttribute", value: "x" },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.scimType).toBe("invalidPath");
    const after = await h.scim("GET", `${users}/${user.id}`);
    expect(after.body).toEqual(before.body);
    const history = await h.db.select().from(events).where(and(eq(events.subjectId, user.id)));
    expect(history.map((e) => e.action)).toEqual(["created"]);
  });
});

describe("Entra delete", () => {
  it("answers 204, then GET 404, and the userName is free for a new user", async () => {
    const user = await created();
    const res = await h.scim("DELETE", `${users}/${user.id}`);
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    const gone = await h.scim("GET", `${users}/${user.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.status).toBe("404");
    const listed = await h.scim("GET", `${users}?filter=${encodeURIComponent(`userName eq "${user.userName}"`)}`);
    expect(listed.body.totalResults).toBe(0);
    const again = await h.scim("POST", users, { body: entraUser({ userName: user.userName }) });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(user.id);
  });

  it("answers 404 to a second DELETE of the same user", async () => {
    const user = await created();
    expect((await h.scim("DELETE", `${users}/${user.id}`)).status).toBe(204);
    expect((await h.scim("DELETE", `${users}/${user.id}`)).status).toBe(404);
  });
});
