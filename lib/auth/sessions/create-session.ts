import { lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { consoleSessions, type ConsoleSession } from "@/db/schema";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS, secondsLater } from "./lifetimes";
import { hashSessionToken, newSessionToken } from "./session-token";

export type SessionOrigin = { sourceAddress: string | null; userAgent: string | null };

/** Bounded: a user agent is whatever the client sent. */
const MAX_USER_AGENT = 512;

/** Opens a session for a user who just proved who they are; returns the token for the cookie. */
export async function createSession(
  db: Db,
  userId: string,
  origin: SessionOrigin,
  now: Date = new Date(),
): Promise<{ token: string; session: ConsoleSession }> {
  const token = newSessionToken();
  // Sign-ins are rare next to page views: a good moment to drop sessions past their absolute end.
  await db.delete(consoleSessions).where(lt(consoleSessions.expiresAt, now));
  const [session] = await db
    .insert(consoleSessions)
    .values({
      tokenHash: hashSessionToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt: secondsLater(now, SESSION_IDLE_SECONDS),
      expiresAt: secondsLater(now, SESSION_ABSOLUTE_SECONDS),
      sourceAddress: origin.sourceAddress,
      userAgent: origin.userAgent?.slice(0, MAX_USER_AGENT) || null,
    })
    .returning();
  return { token, session };
}
