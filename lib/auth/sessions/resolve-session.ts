import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { consoleSessions, consoleUsers, type ConsoleSession, type ConsoleUser } from "@/db/schema";
import { SESSION_IDLE_SECONDS, SESSION_TOUCH_SECONDS, secondsLater } from "./lifetimes";
import { hashSessionToken } from "./session-token";

export type ResolvedSession = { session: ConsoleSession; user: ConsoleUser };

/**
 * The live session a cookie's token names, with its user, or null when it was ended, idled
 * out or reached its absolute end. Extends the idle end, writing at most once a minute.
 */
export async function resolveSession(db: Db, token: string, now: Date = new Date()): Promise<ResolvedSession | null> {
  if (!token) return null;
  const [row] = await db
    .select({ session: consoleSessions, user: consoleUsers })
    .from(consoleSessions)
    .innerJoin(consoleUsers, eq(consoleUsers.id, consoleSessions.userId))
    .where(eq(consoleSessions.tokenHash, hashSessionToken(token)));
  if (!row) return null;
  const { session } = row;
  if (session.expiresAt <= now || session.idleExpiresAt <= now) {
    await db.delete(consoleSessions).where(eq(consoleSessions.id, session.id));
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_SECONDS * 1000) {
    const idle = secondsLater(now, SESSION_IDLE_SECONDS);
    const touched = { lastSeenAt: now, idleExpiresAt: idle < session.expiresAt ? idle : session.expiresAt };
    await db.update(consoleSessions).set(touched).where(eq(consoleSessions.id, session.id));
    return { user: row.user, session: { ...session, ...touched } };
  }
  return row;
}
