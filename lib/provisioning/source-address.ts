/**
 * The client's address, from X-Forwarded-For, only when `trustedHops` proxies in front of the
 * app append to it (TRUST_PROXY): the entry the outermost trusted proxy added. Without a
 * trusted proxy the header is whatever the client chose (Next fills it in only when the
 * client sent none), so no address is known and undefined is returned.
 */
export function sourceAddress(headers: Headers, trustedHops: number): string | undefined {
  if (trustedHops < 1) return undefined;
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim());
  const entry = entries[entries.length - trustedHops];
  return entry && /^[0-9A-Fa-f.:[\]]{2,64}$/.test(entry) ? entry : undefined;
}
