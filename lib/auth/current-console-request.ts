import { headers } from "next/headers";
import { REQUEST_PATH_HEADER } from "@/lib/http/request-path-header";

export type RequestOrigin = { sourceAddress: string | null; userAgent: string | null };

export type ConsoleRequest = RequestOrigin & {
  /** The page's path as proxy.ts saw it (a server action posts to its page's path). */
  path: string | null;
  /** A server action, audited as an action rather than as a page view. */
  isAction: boolean;
  /** A <Link> prefetch: nobody has opened the page yet. */
  isPrefetch: boolean;
};

/**
 * The address the request came from: the last X-Forwarded-For entry, which is what the
 * nearest hop saw (a reverse proxy appends the client's address; Next fills it in from the
 * connection when no proxy sent one). Earlier entries are whatever the client claimed.
 */
function sourceAddress(forwardedFor: string | null): string | null {
  const last = forwardedFor?.split(",").at(-1)?.trim();
  return last ? last.slice(0, 64) : null;
}

/** Who sent the current console request and from where, for the audit log. */
export async function currentConsoleRequest(): Promise<ConsoleRequest> {
  const h = await headers();
  return {
    sourceAddress: sourceAddress(h.get("x-forwarded-for")),
    userAgent: h.get("user-agent")?.slice(0, 512) || null,
    path: h.get(REQUEST_PATH_HEADER),
    isAction: h.has("next-action"),
    isPrefetch: h.has("next-router-prefetch"),
  };
}
