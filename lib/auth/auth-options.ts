import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { authSecret } from "./secret";
import { verifyCredentials } from "./verify-credentials";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export function usesSecureCookies(): boolean {
  return env().APP_URL.startsWith("https://");
}

/** next-auth's own cookie name, so its session endpoints and ours read the same cookie. */
export function sessionCookieName(): string {
  return usesSecureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/**
 * JWT sessions signed with the console's secret. The sign-in form is a server action
 * (field-level messages, lockout) that issues the same token next-auth reads back.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: usesSecureCookies(),
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials) {
          if (!credentials?.email || !credentials.password) return null;
          const result = await verifyCredentials(await getDb(), credentials.email, credentials.password);
          return result.ok ? { id: result.user.id, email: result.user.email, name: result.user.name } : null;
        },
      }),
    ],
    callbacks: {
      session({ session, token }) {
        return { ...session, userId: token.sub };
      },
    },
  };
}
