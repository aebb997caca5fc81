import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tokens, type Token } from "@/db/schema";

/** Last-used times are written at most once a minute per token, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Records that a token authenticated a request. `token` is the copy read to authenticate: the
 * row is rewritten only when that copy's time is older than the interval.
 */
export async function noteTokenUsed(db: Db, token: Pick<Token, "id" | "lastUsedAt">, now = new Date()): Promise<void> {
  if (token.lastUsedAt && now.getTime() - token.lastUsedAt.getTime() <= TOUCH_INTERVAL_MS) return;
  await db.update(tokens).set({ lastUsedAt: now }).where(eq(tokens.id, token.id));
}
