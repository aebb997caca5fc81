import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { createConsoleUser } from "@/lib/members/create-console-user";
import { verifyCredentials } from "./verify-credentials";

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

const password = "correct horse battery staple";

async function someone() {
  const email = `user-${uniqueSuffix()}@example.test`;
  await createConsoleUser(database.db, { email, name: "Someone", password, isStaff: true });
  return email;
}

describe("verifyCredentials", () => {
  it("accepts the right password with the email in any case", async () => {
    const email = await someone();
    const result = await verifyCredentials(database.db, email.toUpperCase(), password);
    expect(result.ok).toBe(true);
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    const email = await someone();
    expect(await verifyCredentials(database.db, email, "wrong password")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(database.db, "nobody@example.test", password)).toEqual({ ok: false, reason: "invalid" });
  });

  it("never locks the account: failures slow attempts down instead (see signInWithPassword)", async () => {
    const email = await someone();
    for (let i = 1; i <= 6; i++) {
      expect(await verifyCredentials(database.db, email, `wrong ${i}`)).toEqual({ ok: false, reason: "invalid" });
    }
    expect((await verifyCredentials(database.db, email, password)).ok).toBe(true);
  });
});
