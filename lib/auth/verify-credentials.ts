import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { consoleUsers, type ConsoleUser } from "@/db/schema";
import { decoyPasswordHash, verifyPassword } from "./password";

/** After this many failures in a row the account is locked for LOCK_MINUTES. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

export type CredentialsResult =
  | { ok: true; user: ConsoleUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; until: Date };

export async function verifyCredentials(db: Db, email: string, password: string): Promise<CredentialsResult> {
  const [user] = await db
    .select()
    .from(consoleUsers)
    .where(eq(sql`lower(${consoleUsers.email})`, email.trim().toLowerCase()))
    .limit(1);
  if (!user) {
    await verifyPassword(await decoyPasswordHash(), password);
    return { ok: false, reason: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    return { ok: false, reason: "locked", until: user.lockedUntil };
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const [updated] = await db
      .update(consoleUsers)
      .set({
        failedSignIns: sql`${consoleUsers.failedSignIns} + 1`,
        lockedUntil: sql`case when ${consoleUsers.failedSignIns} + 1 >= ${MAX_FAILED_SIGN_INS}
          then now() + make_interval(mins => ${LOCK_MINUTES}) else null end`,
      })
      .where(eq(consoleUsers.id, user.id))
      .returning({ lockedUntil: consoleUsers.lockedUntil });
    return updated?.lockedUntil
      ? { ok: false, reason: "locked", until: updated.lockedUntil }
      : { ok: false, reason: "invalid" };
  }
  const [signedIn] = await db
    .update(consoleUsers)
    .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: new Date() })
    .where(eq(consoleUsers.id, user.id))
    .returning();
  return { ok: true, user: signedIn };
}
