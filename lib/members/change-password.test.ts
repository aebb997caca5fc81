import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { validatedAction } from "@/lib/auth/form-action";
import { createSession } from "@/lib/auth/sessions/create-session";
import { resolveSession } from "@/lib/auth/sessions/resolve-session";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { changePassword, changePasswordInput } from "./change-password";
import { createConsoleUser } from "./create-console-user";

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

const password = "correct horse battery staple";
const origin = { sourceAddress: null, userAgent: null };

async function someone() {
  return createConsoleUser(database.db, { email: `p-${uniqueSuffix()}@example.test`, name: "P", password, isStaff: true });
}

describe("changePassword", () => {
  it("changes the password and ends every other session of the user, keeping the one in use", async () => {
    const user = await someone();
    const here = await createSession(database.db, user.id, origin);
    const elsewhere = await createSession(database.db, user.id, origin);
    const next = "a brand new passphrase here";
    const result = await changePassword(database.db, user, { currentPassword: password, newPassword: next }, here.session.id);
    expect(result).toEqual({ endedSessions: 1 });
    expect(await resolveSession(database.db, elsewhere.token)).toBeNull();
    expect(await resolveSession(database.db, here.token)).not.toBeNull();
    expect((await verifyCredentials(database.db, user.email, next)).ok).toBe(true);
    expect((await verifyCredentials(database.db, user.email, password)).ok).toBe(false);
  });

  it("refuses a wrong current password and a common new one, ending nothing", async () => {
    const user = await someone();
    const here = await createSession(database.db, user.id, origin);
    const elsewhere = await createSession(database.db, user.id, origin);
    await expect(
      changePassword(database.db, user, { currentPassword: "not my password", newPassword: "a brand new passphrase here" }, here.session.id),
    ).rejects.toMatchObject({ field: "currentPassword" });
    await expect(
      changePassword(database.db, user, { currentPassword: password, newPassword: "password1234" }, here.session.id),
    ).rejects.toMatchObject({ field: "newPassword" });
    expect(await resolveSession(database.db, elsewhere.token)).not.toBeNull();
  });

  it("never puts either password in the form's state, refused or not", async () => {
    const user = await someone();
    const here = await createSession(database.db, user.id, origin);
    const action = validatedAction(changePasswordInput, async (input) => {
      await changePassword(database.db, user, input, here.session.id);
      return { success: "Password changed." };
    });
    const form = (currentPassword: string, next: string) => {
      const data = new FormData();
      data.set("currentPassword", currentPassword);
      data.set("newPassword", next);
      return data;
    };
    const attempts: [string, string][] = [
      ["my wrong current one", "a brand new passphrase here"],
      [password, "password1234"],
      [password, "another fine passphrase"],
    ];
    for (const [current, next] of attempts) {
      const state = JSON.stringify(await action({}, form(current, next)));
      expect(state).not.toContain(current);
      expect(state).not.toContain(next);
    }
  });
});
