import { headers } from "next/headers";
import { REQUEST_PATH_HEADER } from "@/lib/http/request-path-header";
import { requestOrigin } from "./request-origin";

export type ConsoleRequest = Awaited<ReturnType<typeof requestOrigin>> & {
  /** The page's path as proxy.ts saw it (a server action posts to its page's path). */
  path: string | null;
  /** A server action, audited as an action rather than as a page view. */
  isAction: boolean;
  /** A <Link> prefetch: nobody has opened the page yet. */
  isPrefetch: boolean;
};

/** Who sent the current console request and from where, for the audit log. */
export async function currentConsoleRequest(): Promise<ConsoleRequest> {
  const h = await headers();
  const { sourceAddress, userAgent } = await requestOrigin();
  return {
    sourceAddress,
    userAgent: userAgent?.slice(0, 512) || null,
    path: h.get(REQUEST_PATH_HEADER),
    isAction: h.has("next-action"),
    isPrefetch: h.has("next-router-prefetch"),
  };
}
