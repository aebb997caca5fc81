import { env } from "@/lib/env";

/** Both names the session cookie can have; the proxy's coarse check accepts either. */
export const SESSION_COOKIE_NAMES = ["__Host-console-session", "console-session"] as const;

export function usesSecureCookies(): boolean {
  return env().APP_URL.startsWith("https://");
}

/**
 * `__Host-` when served over https: the browser then only accepts the cookie if it is Secure,
 * for the whole site and bound to this host, so a sibling subdomain cannot plant one.
 */
export function sessionCookieName(): string {
  return usesSecureCookies() ? SESSION_COOKIE_NAMES[0] : SESSION_COOKIE_NAMES[1];
}

/** The options of every cookie the console sets: never readable by scripts, same-site. */
export function cookieOptions(maxAgeSeconds?: number) {
  return {
    httpOnly: true,
    secure: usesSecureCookies(),
    sameSite: "lax" as const,
    path: "/",
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}
