import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { commands } from "./commands";
import { describeError, runCommand, type Values } from "./cli";

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

const run = (name: string, values: Values) => runCommand(database.db, commands, name, values);
const password = "correct horse battery";

/** The one line the CLI would print for a refusal. */
async function refusal(name: string, values: Values): Promise<string> {
  try {
    await run(name, values);
  } catch (error) {
    const { message, exitCode } = describeError(error);
    expect(exitCode).toBe(2);
    return message;
  }
  throw new Error(`${name} succeeded`);
}

describe("admin CLI commands", () => {
  const slug = `acme-${uniqueSuffix()}`;
  const email = `ops-${uniqueSuffix()}@acme.test`;

  it("create a tenant, a user and an Entra integration, then disable, enable and rotate its tokens", async () => {
    expect((await run("tenant:create", { slug, name: "Acme Corp" })).data).toMatchObject({ slug, name: "Acme Corp" });
    const user = await run("user:create", { email, password, tenant: slug, role: "admin" });
    expect(user.data).toMatchObject({ email, tenant: slug, role: "admin", staff: false });
    expect(user.text).toBe(`Created console user ${email} (admin of ${slug})`);

    const installed = (await run("integration:create", { tenant: slug, provider: "entra", lowercase: true })).data as Record<string, string>;
    expect(Object.keys(installed).sort()).toEqual(["appKey", "integrationId", "tenantUrl", "token"]);
    expect(installed.tenantUrl).toMatch(new RegExp(`/api/scim/v2/${installed.appKey}\\?aadOptscim062020$`));
    expect(installed.token).toMatch(/^scim_[A-Za-z0-9_-]{43}$/);

    const disabled = await run("integration:disable", { integration: installed.appKey });
    expect(disabled.data).toEqual({ integrationId: installed.integrationId, status: "disabled" });
    expect((await run("integration:enable", { integration: installed.integrationId })).text).toMatch(/is now active$/);

    const minted = (await run("token:create", { integration: installed.integrationId, description: "second", expires: "90d" })).data as { hint: string };
    const revoked = await run("token:revoke", { "token-hint": minted.hint });
    expect((revoked.data as { hint: string }).hint).toBe(minted.hint);

    const listed = (await run("integration:list", { tenant: slug })).data as { settings: unknown; tokens: { status: string }[] }[];
    expect(listed).toHaveLength(1);
    expect(listed[0].settings).toMatchObject({ lowercaseIdentifiers: true });
    expect(listed[0].tokens.map((t) => t.status).sort()).toEqual(["active", "revoked"]);
  });

  it("create an API key for a tenant, printed once as {id, key}", async () => {
    const created = await run("apikey:create", { tenant: slug, description: "Session revoker" });
    expect(Object.keys(created.data as object).sort()).toEqual(["id", "key"]);
    expect((created.data as { key: string }).key).toMatch(/^sck_/);
    expect(created.text).toContain((created.data as { key: string }).key);
    expect(await refusal("apikey:create", { tenant: slug })).toBe("--description is required");
  });

  it("create platform staff without a tenant", async () => {
    const staff = await run("user:create", { email: `sam-${uniqueSuffix()}@platform.test`, password, staff: true });
    expect(staff.data).toMatchObject({ tenant: null, role: null, staff: true });
  });

  it.each<[string, Values, RegExp]>([
    ["tenant:create", { slug: "acme-dup", name: "Again" }, /already exists/],
    ["user:create", { email: "dup@acme.test", password, staff: true }, /already exists/],
    ["user:create", { email: "x@acme.test", password: "short", staff: true }, /^password: Use at least 12 characters/],
    ["user:create", { email: "x@acme.test", password, tenant: "acme-dup", role: "boss" }, /--role must be one of/],
    ["user:create", { email: "x@acme.test", password, tenant: "acme-dup" }, /--tenant and --role go together/],
    ["integration:create", { tenant: "acme-dup", provider: "azure" }, /--provider must be one of/],
    ["tenant:create", { slug: "Bad Slug!", name: "x" }, /^Slug: /],
    ["tenant:create", { name: "x" }, /^--slug is required$/],
    ["token:revoke", { "token-hint": "zzzzzz" }, /No live token matches/],
    ["token:create", { integration: "no-such-key" }, /no integration with id or app key "no-such-key"/],
  ])("%s refuses %j with one clear line", async (name, values, message) => {
    await run("tenant:create", { slug: "acme-dup", name: "Dup" }).catch(() => {});
    await run("user:create", { email: "dup@acme.test", password, staff: true }).catch(() => {});
    expect(await refusal(name, values)).toMatch(message);
  });

  it("checks values again when they come over the admin socket, not from the parser", async () => {
    expect(await refusal("tenant:create", { slug: "x", name: "x", colour: "red" })).toBe("unknown option --colour for tenant:create");
    expect(await refusal("integration:create", { tenant: "x", provider: "okta", "no-groups": "yes" })).toBe("--no-groups has a value of the wrong kind");
    expect(await refusal("tenant:create", { slug: true, name: "x" })).toBe("--slug has a value of the wrong kind");
    expect(await refusal("user:create", { email: "x@acme.test", "password-stdin": true })).toBe("unknown option --password-stdin for user:create");
    expect(await refusal("drop:everything", {})).toBe('unknown command "drop:everything"');
  });
});
