import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { REQUEST_PATH_HEADER } from "@/lib/http/request-path-header";
import { newNonce, pageContentSecurityPolicy, strictTransportSecurity } from "@/lib/http/security-headers";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie";

/** Pages that open signed out; every other page is the console. */
const PUBLIC_PAGES = /^\/(sign-in|setup|no-access|invitations)(\/|$)/;

/**
 * Coarse redirect of signed-out console pages to sign-in. Every page and action checks the
 * session and role again on the server; this only saves a round trip.
 */
function signedOutRedirect(request: NextRequest): NextResponse | null {
  const signedIn = SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
  if (signedIn) return null;
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = "";
  return NextResponse.redirect(url);
}

/**
 * Every page gets a Content-Security-Policy with a fresh nonce. Next reads the policy from
 * the request headers and puts the nonce on the scripts it renders; the same policy goes
 * out on the response. HSTS only where the console is served over https. The page's path
 * goes along for the audit of staff page views.
 */
export function proxy(request: NextRequest) {
  const https = env().APP_URL.startsWith("https://");
  const policy = pageContentSecurityPolicy(newNonce(), { https, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  requestHeaders.set(REQUEST_PATH_HEADER, request.nextUrl.pathname);
  const redirect = PUBLIC_PAGES.test(request.nextUrl.pathname) ? null : signedOutRedirect(request);
  const response = redirect ?? NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", strictTransportSecurity);
  return response;
}

// Pages only: API routes and static files take their headers from next.config.ts.
export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|icon.svg|robots.txt).*)"],
};
