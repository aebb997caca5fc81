import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { consoleUsers, type ConsoleUser } from "@/db/schema";
import { authOptions, SESSION_MAX_AGE_SECONDS, sessionCookieName, usesSecureCookies } from "./auth-options";
import { authSecret } from "./secret";

/** Issues the next-auth session cookie for a console user who just proved who they are. */
export async function startSession(user: Pick<ConsoleUser, "id" | "email" | "name">): Promise<void> {
  const token = await encode({
    token: { sub: user.id, email: user.email, name: user.name },
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    secure: usesSecureCookies(),
    sameSite: "lax",
    path: "/",
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

export async function endSession(): Promise<void> {
  const jar = await cookies();
  jar.delete(sessionCookieName());
  jar.delete(ACTIVE_TENANT_COOKIE);
}

export const ACTIVE_TENANT_COOKIE = "active-tenant";

/** The signed-in console user, re-read from the database, or null. */
export async function currentUser(): Promise<ConsoleUser | null> {
  const session = (await getServerSession(authOptions())) as { userId?: string } | null;
  if (!session?.userId) return null;
  const [user] = await (await getDb()).select().from(consoleUsers).where(eq(consoleUsers.id, session.userId));
  return user ?? null;
}
