import { createHash } from "node:crypto";
import { and, asc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInThrottle, type SignInThrottleScope } from "@/db/schema";

/**
 * Growing delays instead of a lockout. After `freeFailures` failures in a row, each further
 * attempt must wait twice as long as the one before, up to `capSeconds`. The account's cap is
 * short, so an attack on an address elsewhere never keeps the owner out for more than a minute;
 * an address that keeps failing, across any accounts, waits up to a quarter of an hour.
 */
export const throttleRules: Record<SignInThrottleScope, { freeFailures: number; baseSeconds: number; capSeconds: number }> = {
  account: { freeFailures: 5, baseSeconds: 2, capSeconds: 60 },
  address: { freeFailures: 10, baseSeconds: 2, capSeconds: 15 * 60 },
};
/** Failures older than this, with no failure since, are forgotten. */
export const FORGET_AFTER_SECONDS = 60 * 60;

export type ThrottleKey = { scope: SignInThrottleScope; keyHash: string };
export type Reservation = { ok: true } | { ok: false; retryAfterSeconds: number };

/** The counters an attempt counts against: the typed email (known or not) and, when known, the address. */
export function throttleKeys(email: string, sourceAddress: string | null): ThrottleKey[] {
  const key = (scope: SignInThrottleScope, value: string) => ({
    scope,
    keyHash: createHash("sha256").update(`${scope}:${value}`).digest("hex"),
  });
  const keys = [key("account", email.trim().toLowerCase())];
  if (sourceAddress) keys.push(key("address", sourceAddress));
  // One lock order for every transaction, so two attempts never wait on each other in a cycle.
  return keys.sort((a, b) => a.keyHash.localeCompare(b.keyHash));
}

export function delaySeconds(scope: SignInThrottleScope, failures: number): number {
  const rule = throttleRules[scope];
  if (failures < rule.freeFailures) return 0;
  return Math.min(rule.baseSeconds * 2 ** (failures - rule.freeFailures), rule.capSeconds);
}

/**
 * Counts an attempt as failed before the password is checked, in one transaction, so a burst
 * of parallel attempts cannot all slip through before the first failure is written. A refused
 * attempt changes nothing and checks no password. `forgiveAttempt` takes the count back.
 */
export async function reserveAttempt(db: Db, keys: ThrottleKey[], now: Date = new Date()): Promise<Reservation> {
  const forgotten = new Date(now.getTime() - FORGET_AFTER_SECONDS * 1000);
  await db
    .delete(signInThrottle)
    .where(and(lt(signInThrottle.lastFailureAt, forgotten), or(isNull(signInThrottle.blockedUntil), lt(signInThrottle.blockedUntil, now))));
  return db.transaction(async (tx) => {
    await tx
      .insert(signInThrottle)
      .values(keys.map((k) => ({ ...k, failures: 0, lastFailureAt: now })))
      .onConflictDoNothing();
    const rows = await tx
      .select()
      .from(signInThrottle)
      .where(inArray(signInThrottle.keyHash, keys.map((k) => k.keyHash)))
      .orderBy(asc(signInThrottle.keyHash))
      .for("update");
    const waitMs = Math.max(0, ...rows.map((r) => (r.blockedUntil ? r.blockedUntil.getTime() - now.getTime() : 0)));
    if (waitMs > 0) return { ok: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
    for (const row of rows) {
      const failures = (row.lastFailureAt < forgotten ? 0 : row.failures) + 1;
      const delay = delaySeconds(row.scope, failures);
      await tx
        .update(signInThrottle)
        .set({ failures, lastFailureAt: now, blockedUntil: delay ? new Date(now.getTime() + delay * 1000) : null })
        .where(eq(signInThrottle.keyHash, row.keyHash));
    }
    return { ok: true };
  });
}

/**
 * The password was right: the account starts afresh. The address only gets this one attempt
 * back, so signing in to an account of one's own does not wipe the failures against others.
 */
export async function forgiveAttempt(db: Db, keys: ThrottleKey[]): Promise<void> {
  for (const key of keys) {
    if (key.scope === "account") {
      await db.delete(signInThrottle).where(eq(signInThrottle.keyHash, key.keyHash));
    } else {
      await db
        .update(signInThrottle)
        .set({
          failures: sql`greatest(${signInThrottle.failures} - 1, 0)`,
          blockedUntil: sql`case when ${signInThrottle.failures} - 1 < ${throttleRules.address.freeFailures} then null else ${signInThrottle.blockedUntil} end`,
        })
        .where(eq(signInThrottle.keyHash, key.keyHash));
    }
  }
}
