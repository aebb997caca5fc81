import { and, desc, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { consoleSessions } from "@/db/schema";

export type SessionSummary = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  sourceAddress: string | null;
  userAgent: string | null;
};

/** The user's sessions that still work, most recently used first. */
export async function listSessions(db: Db, userId: string, now: Date = new Date()): Promise<SessionSummary[]> {
  return db
    .select({
      id: consoleSessions.id,
      createdAt: consoleSessions.createdAt,
      lastSeenAt: consoleSessions.lastSeenAt,
      sourceAddress: consoleSessions.sourceAddress,
      userAgent: consoleSessions.userAgent,
    })
    .from(consoleSessions)
    .where(and(eq(consoleSessions.userId, userId), gt(consoleSessions.expiresAt, now), gt(consoleSessions.idleExpiresAt, now)))
    .orderBy(desc(consoleSessions.lastSeenAt));
}
