import { BlockList, isIP } from "node:net";
import { z } from "zod";
import { env } from "@/lib/env";

/**
 * Addresses a webhook must never reach unless WEBHOOKS_ALLOW_PRIVATE=1: loopback, private,
 * link-local (cloud metadata at 169.254.169.254), shared, reserved and multicast ranges
 * (RFC 6890's special-purpose registry), so an admin's URL cannot probe the console's network.
 */
const refused = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) refused.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) refused.addSubnet(net, prefix, "ipv6");

/** True for an address a webhook may not be sent to (IPv4-mapped IPv6 judged by its IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPrivateAddress(mapped[1]);
  const family = isIP(address);
  if (family === 0) return true;
  return refused.check(address, family === 4 ? "ipv4" : "ipv6");
}

export function privateAddressesAllowed(): boolean {
  return env().WEBHOOKS_ALLOW_PRIVATE === "1";
}

/** The host of a URL as an IP address when it is one (brackets of IPv6 removed), else null. */
function literalAddress(hostname: string): string | null {
  const bare = hostname.replace(/^\[|\]$/g, "");
  return isIP(bare) ? bare : null;
}

/**
 * What is wrong with an http(s) URL as a webhook's target, or null: credentials in it, or a
 * private or loopback address (or localhost) written in it. A name is resolved again at
 * every delivery (send-webhook.ts), since DNS can change.
 */
export function webhookUrlProblem(value: string, allowPrivate: boolean): string | null {
  const url = new URL(value);
  if (url.username || url.password) return "Leave user names and passwords out of the URL";
  const address = literalAddress(url.hostname);
  const local = url.hostname === "localhost" || url.hostname.endsWith(".localhost");
  if ((local || (address && isPrivateAddress(address))) && !allowPrivate) {
    return "Private, loopback and link-local addresses are refused (WEBHOOKS_ALLOW_PRIVATE=1 allows them)";
  }
  return null;
}

export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000, "Use a URL of at most 2000 characters")
  .pipe(z.url({ protocol: /^https?$/, error: "Use an http:// or https:// URL" }))
  .superRefine((value, context) => {
    const problem = webhookUrlProblem(value, privateAddressesAllowed());
    if (problem) context.addIssue({ code: "custom", message: problem });
  });
