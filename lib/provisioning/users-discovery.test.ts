import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_OPERATIONS, MAX_PAYLOAD_BYTES, MAX_RESULTS } from "@/lib/scim-limits";
import { createScimHarness, type ScimHarness } from "./testing";
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from "@/lib/scim/schemas/urns";

/**
 * Discovery (RFC 7644 section 4): /ServiceProviderConfig, /ResourceTypes and /Schemas,
 * checked against what the Users endpoint actually does, so they stay truthful.
 */

type Attribute = {
  name: string;
  type: string;
  multiValued: boolean;
  mutability: string;
  returned: string;
  uniqueness?: string;
  caseExact?: boolean;
  canonicalValues?: string[];
  subAttributes?: Attribute[];
};

let h: ScimHarness;
let key: string;
beforeAll(async () => {
  h = await createScimHarness();
  key = h.a.entra.integration.appKey;
});
afterAll(() => h.close());

/** A value of the advertised type, so a resource can be built from the schema alone. */
function sample(attribute: Attribute): unknown {
  const one = (): unknown => {
    switch (attribute.type) {
      case "boolean":
        return true;
      case "integer":
        return 1;
      case "decimal":
        return 1.5;
      case "dateTime":
        return "2024-01-31T12:00:00Z";
      case "binary":
        return "QUJD";
      case "reference":
        return "https://example.com/ref";
      case "complex":
        return Object.fromEntries(writable(attribute.subAttributes ?? []).map((sub) => [sub.name, sample(sub)]));
      default:
        return attribute.canonicalValues?.[0] ?? `${attribute.name}-${randomUUID().slice(0, 8)}`;
    }
  };
  return attribute.multiValued ? [one()] : one();
}

const writable = (attributes: Attribute[]) => attributes.filter((a) => a.mutability === "readWrite" || a.mutability === "immutable");

describe("ServiceProviderConfig", () => {
  it("advertises what works: PATCH, filter with the real maxResults, sort, ETag; no bulk, no password change", async () => {
    const res = await h.scim("GET", `${key}/ServiceProviderConfig`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
      patch: { supported: true },
      bulk: { supported: false, maxOperations: MAX_OPERATIONS, maxPayloadSize: MAX_PAYLOAD_BYTES },
      filter: { supported: true, maxResults: MAX_RESULTS },
      changePassword: { supported: false },
      sort: { supported: true },
      etag: { supported: true },
    });
    expect(res.body.authenticationSchemes.map((s: { type: string }) => s.type)).toEqual(["oauthbearertoken", "httpbasic"]);
    expect((await h.scim("GET", `${key}/Bulk`)).status).toBe(501);
  });

  it("answers the keyless form and refuses writes with 405", async () => {
    expect((await h.scim("GET", "ServiceProviderConfig", { as: h.a.entra })).status).toBe(200);
    expect((await h.scim("POST", `${key}/ServiceProviderConfig`, { body: {} })).status).toBe(405);
  });
});

describe("ResourceTypes", () => {
  it("lists User with the enterprise extension, and Group only while groups are on", async () => {
    const res = await h.scim("GET", `${key}/ResourceTypes`);
    expect(res.body.Resources.map((r: { name: string }) => r.name).sort()).toEqual(["Group", "User"]);
    const user = await h.scim("GET", `${key}/ResourceTypes/User`);
    expect(user.body).toMatchObject({ name: "User", endpoint: "/Users", schema: USER_SCHEMA, schemaExtensions: [{ schema: ENTERPRISE_USER_SCHEMA, required: false }] });
    const usersOnly = await h.install(h.a.tenant, "generic", { groupsEnabled: false });
    const types = await h.scim("GET", `${usersOnly.integration.appKey}/ResourceTypes`, { as: usersOnly });
    expect(types.body.Resources.map((r: { name: string }) => r.name)).toEqual(["User"]);
    expect(types.body.totalResults).toBe(1);
    const schemas = await h.scim("GET", `${usersOnly.integration.appKey}/Schemas`, { as: usersOnly });
    expect(schemas.body.Resources.map((s: { id: string }) => s.id)).not.toContain(GROUP_SCHEMA);
    expect((await h.scim("GET", `${usersOnly.integration.appKey}/Groups`, { as: usersOnly })).status).toBe(501);
    expect((await h.scim("GET", `${key}/ResourceTypes/Nothing`)).status).toBe(404);
  });
});

describe("Schemas", () => {
  it("describes userName as unique and case-insensitive, password as write-only and never returned", async () => {
    const res = await h.scim("GET", `${key}/Schemas/${USER_SCHEMA}`);
    expect(res.status).toBe(200);
    const byName = new Map((res.body.attributes as Attribute[]).map((a) => [a.name, a]));
    expect(byName.get("userName")).toMatchObject({ uniqueness: "server", caseExact: false, required: true });
    expect(byName.get("password")).toMatchObject({ mutability: "writeOnly", returned: "never" });
    expect(byName.get("groups")).toMatchObject({ mutability: "readOnly" });
    expect((await h.scim("GET", `${key}/Schemas/urn:nope`)).status).toBe(404);
  });

  it("accepts and returns every writable attribute the User schemas advertise", async () => {
    const core = (await h.scim("GET", `${key}/Schemas/${USER_SCHEMA}`)).body.attributes as Attribute[];
    const enterprise = (await h.scim("GET", `${key}/Schemas/${ENTERPRISE_USER_SCHEMA}`)).body.attributes as Attribute[];
    const body: Record<string, unknown> = { schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA] };
    for (const attribute of writable(core)) body[attribute.name] = sample(attribute);
    body[ENTERPRISE_USER_SCHEMA] = Object.fromEntries(writable(enterprise).map((a) => [a.name, sample(a)]));
    const made = await h.scim("POST", `${key}/Users`, { body });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const got = await h.scim("GET", `${key}/Users/${made.body.id}`);
    for (const attribute of writable(core).filter((a) => a.returned !== "never")) {
      expect(got.body[attribute.name], attribute.name).toEqual(body[attribute.name]);
    }
    expect(got.body[ENTERPRISE_USER_SCHEMA]).toEqual(body[ENTERPRISE_USER_SCHEMA]);
    expect(got.body).not.toHaveProperty("password");
  });
});
