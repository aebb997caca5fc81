import { isIP } from "node:net";

/**
 * The address a request came from, or null when it cannot be known. Server actions do not see
 * the socket, and `next start` fills X-Forwarded-For from it only when the client sent none, so
 * the header is trusted only when TRUST_PROXY says how many proxies in front append to it: the
 * entry the outermost trusted proxy wrote is then the client's address.
 */
export function clientAddress(headers: Headers, trustedProxies: number | undefined): string | null {
  if (!trustedProxies) return null;
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const candidate = hops[hops.length - trustedProxies];
  if (!candidate) return null;
  const address = candidate.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return isIP(address) ? address : null;
}
