import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { consoleSessions } from "@/db/schema";
import { parseInput } from "@/lib/errors";
import { hashSessionToken } from "./session-token";

/** Sign-out: the session this token names stops working on every instance at once. */
export async function endSessionByToken(db: Db, token: string): Promise<void> {
  await db.delete(consoleSessions).where(eq(consoleSessions.tokenHash, hashSessionToken(token)));
}

export const endSessionInput = z.object({ sessionId: z.uuid({ error: "No such session" }) });

/** One of the user's own sessions, chosen on My Profile; another user's id ends nothing. */
export async function endSessionOfUser(db: Db, userId: string, raw: z.input<typeof endSessionInput>): Promise<boolean> {
  const { sessionId } = parseInput(endSessionInput, raw);
  const ended = await db
    .delete(consoleSessions)
    .where(and(eq(consoleSessions.id, sessionId), eq(consoleSessions.userId, userId)))
    .returning({ id: consoleSessions.id });
  return ended.length > 0;
}

/** Every session of the user but the one in use, as after a password change. */
export async function endOtherSessions(db: Db, userId: string, keepSessionId: string): Promise<number> {
  const ended = await db
    .delete(consoleSessions)
    .where(and(eq(consoleSessions.userId, userId), ne(consoleSessions.id, keepSessionId)))
    .returning({ id: consoleSessions.id });
  return ended.length;
}

/** "Sign out everywhere": every session of the user, this one included. */
export async function endAllSessions(db: Db, userId: string): Promise<number> {
  const ended = await db
    .delete(consoleSessions)
    .where(eq(consoleSessions.userId, userId))
    .returning({ id: consoleSessions.id });
  return ended.length;
}
