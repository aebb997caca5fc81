import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { createTenant } from "@/lib/tenants/create-tenant";
import { describeError, runCommand, type Values } from "./cli";
import { commands } from "./commands";

let database: Database;
const slug = `hooks-${uniqueSuffix()}`;
beforeAll(async () => {
  database = await createTestDb();
  await createTenant(database.db, { slug, name: "Hooks" });
});
afterAll(() => database.close());

const run = (name: string, values: Values) => runCommand(database.db, commands, name, values);

async function refusal(name: string, values: Values): Promise<string> {
  try {
    await run(name, values);
  } catch (error) {
    return describeError(error).message;
  }
  throw new Error(`${name} succeeded`);
}

describe("webhook commands", () => {
  it("create an endpoint printed once as {id, secret}, list it, and delete it", async () => {
    const created = await run("webhook:create", { tenant: slug, url: "https://hooks.example.com/scim", events: "person.deactivated, person.deleted" });
    expect(Object.keys(created.data as object).sort()).toEqual(["id", "secret"]);
    const { id, secret } = created.data as { id: string; secret: string };
    expect(secret).toMatch(/^whsec_/);
    expect(created.text).toContain(secret);
    const listed = (await run("webhook:list", { tenant: slug })).data as { id: string; eventTypes: string[]; enabled: boolean }[];
    expect(listed).toEqual([expect.objectContaining({ id, eventTypes: ["person.deactivated", "person.deleted"], enabled: true })]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    await run("webhook:delete", { tenant: slug, id });
    expect((await run("webhook:list", { tenant: slug })).data).toEqual([]);
  });

  it("refuse a URL that is not http(s), and an unknown event type", async () => {
    expect(await refusal("webhook:create", { tenant: slug, url: "file:///etc/passwd" })).toMatch(/http:\/\/ or https:\/\//);
    expect(await refusal("webhook:create", { tenant: slug, url: "https://hooks.example.com", events: "person.created,person.exploded" })).toMatch(/Event types are/);
  });
});
