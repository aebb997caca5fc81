import { cookies } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { ConsoleUser } from "@/db/schema";
import { requestOrigin } from "./request-origin";
import { cookieOptions, sessionCookieName } from "./session-cookie";
import { createSession } from "./sessions/create-session";
import { endSessionByToken } from "./sessions/end-sessions";
import { SESSION_ABSOLUTE_SECONDS } from "./sessions/lifetimes";
import { resolveSession, type ResolvedSession } from "./sessions/resolve-session";

export const ACTIVE_TENANT_COOKIE = "active-tenant";

/** Opens a server-side session for a console user who just proved who they are. */
export async function startSession(user: Pick<ConsoleUser, "id">): Promise<void> {
  const { token } = await createSession(await getDb(), user.id, await requestOrigin());
  (await cookies()).set(sessionCookieName(), token, cookieOptions(SESSION_ABSOLUTE_SECONDS));
}

/** Sign-out: the session row goes, so a copy of the cookie is worthless too. */
export async function endSession(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(sessionCookieName())?.value;
  if (token) await endSessionByToken(await getDb(), token);
  jar.delete(sessionCookieName());
  jar.delete(ACTIVE_TENANT_COOKIE);
}

/** The live session of this request and its user, re-read from the database once per request. */
export const currentSession = cache(async (): Promise<ResolvedSession | null> => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  if (!token) return null;
  return resolveSession(await getDb(), token);
});

/** The signed-in console user, or null. */
export const currentUser = cache(async (): Promise<ConsoleUser | null> => (await currentSession())?.user ?? null);
