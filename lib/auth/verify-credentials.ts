import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { consoleUsers, type ConsoleUser } from "@/db/schema";
import { decoyPasswordHash, verifyPassword } from "./password";

export type CredentialsResult = { ok: true; user: ConsoleUser } | { ok: false; reason: "invalid" };

/**
 * Checks an email and password, and nothing else: throttling is `signInWithPassword`'s. An
 * unknown email costs the same hash as a known one, so the time taken does not tell them apart.
 */
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
  if (!(await verifyPassword(user.passwordHash, password))) return { ok: false, reason: "invalid" };
  const [signedIn] = await db
    .update(consoleUsers)
    .set({ lastSignInAt: new Date() })
    .where(eq(consoleUsers.id, user.id))
    .returning();
  return { ok: true, user: signedIn };
}
