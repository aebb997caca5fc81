import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDb } from "@/db/testing";
import { AppError } from "@/lib/errors";
import { isSetupOpen, setupFirstOwner } from "./setup-first-owner";

let database: Database;
beforeEach(async () => {
  database = await createTestDb();
});
afterEach(() => database.close());

const owner = { organisation: "Acme Corp.", name: "Ada Owner", email: "Ada@Acme.test", password: "a long passphrase here" };

describe("setupFirstOwner", () => {
  it("creates the organisation, its admin and closes setup", async () => {
    expect(await isSetupOpen(database.db)).toBe(true);
    const { tenant, user } = await setupFirstOwner(database.db, owner);
    expect(tenant).toMatchObject({ slug: "acme-corp", name: "Acme Corp." });
    expect(user.email).toBe("ada@acme.test");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await isSetupOpen(database.db)).toBe(false);
  });

  it("refuses a second setup once an owner exists", async () => {
    await setupFirstOwner(database.db, owner);
    await expect(setupFirstOwner(database.db, { ...owner, email: "eve@evil.test" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("creates exactly one owner when two first runs race", async () => {
    const results = await Promise.allSettled([
      setupFirstOwner(database.db, owner),
      setupFirstOwner(database.db, { ...owner, organisation: "Other", email: "other@acme.test" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(AppError);
  });

  it("names the field of a bad input", async () => {
    await expect(setupFirstOwner(database.db, { ...owner, password: "short" })).rejects.toMatchObject({ field: "password" });
    await expect(setupFirstOwner(database.db, { ...owner, email: "nope" })).rejects.toMatchObject({ field: "email" });
  });
});
