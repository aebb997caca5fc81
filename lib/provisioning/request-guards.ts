import { createHash } from "node:crypto";
import { TokenBuckets } from "./token-bucket";

/**
 * The limits one app instance applies to SCIM traffic. All of them live in this process's
 * memory, so with several instances on one PostgreSQL each limit holds per instance: the
 * load balancer's spread multiplies them. Nothing here is needed for correctness, only to keep
 * a flood from costing the database a query or a row per request.
 */
export type GuardLimits = {
  /** Requests per second of an integration whose own setting is unset; bursts of twice that. */
  integrationPerSecond: number;
  /** Failed authentications one source address may make at once, then `failedAuthPerSecond`. */
  failedAuthBurst: number;
  failedAuthPerSecond: number;
  /** Log rows per minute for requests refused before any work (401, 429), per app key. */
  summariesPerMinute: number;
  /** The same, for all app keys together (a flood naming a new key each time). */
  allSummariesPerMinute: number;
  /** Bytes of request bodies the log keeps per tenant per UTC day. */
  bodyBytesPerTenantPerDay: number;
};

/** Entra ID sends at most 25 requests per second per tenant; the default is well above it. */
export const DEFAULT_LIMITS: GuardLimits = {
  integrationPerSecond: 100,
  failedAuthBurst: 30,
  failedAuthPerSecond: 0.5,
  summariesPerMinute: 20,
  allSummariesPerMinute: 120,
  bodyBytesPerTenantPerDay: 64 * 1024 * 1024,
};

/** A credential that authenticated recently is never held back by its address's failures. */
const TRUSTED_FOR_MS = 24 * 60 * 60_000;
const MAX_KEYS = 10_000;

export class RequestGuards {
  readonly limits: GuardLimits;
  private readonly integrationBuckets: TokenBuckets;
  private readonly failureBuckets: TokenBuckets;
  private readonly trusted = new Map<string, number>();
  private readonly summaries = new Map<string, { minute: number; count: number; suppressed: number }>();
  private readonly bodyBytes = new Map<string, { day: number; bytes: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    limits: Partial<GuardLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.integrationBuckets = new TokenBuckets(now, MAX_KEYS);
    this.failureBuckets = new TokenBuckets(now, MAX_KEYS);
  }

  /** Takes one request of the integration's allowance: 0, or the seconds to wait. */
  integrationWait(integration: { id: string; rateLimitPerSecond: number | null }): number {
    const perSecond = integration.rateLimitPerSecond ?? this.limits.integrationPerSecond;
    return this.integrationBuckets.take(integration.id, perSecond * 2, perSecond);
  }

  /**
   * Seconds a request from `address` waits before its credentials are even looked up (0: go
   * on). A credential that authenticated recently passes, so a spoofed or shared address
   * cannot lock a working identity provider out.
   */
  failedAuthWait(address: string, authorization: string | null): number {
    if (authorization && (this.trusted.get(fingerprint(authorization)) ?? 0) > this.now()) return 0;
    return this.failureBuckets.wait(address, this.limits.failedAuthBurst, this.limits.failedAuthPerSecond);
  }

  recordFailedAuth(address: string): void {
    this.failureBuckets.take(address, this.limits.failedAuthBurst, this.limits.failedAuthPerSecond);
  }

  recordAuthenticated(authorization: string): void {
    const key = fingerprint(authorization);
    this.trusted.delete(key);
    this.trusted.set(key, this.now() + TRUSTED_FOR_MS);
    if (this.trusted.size > MAX_KEYS) this.trusted.delete(this.trusted.keys().next().value!);
  }

  /**
   * Whether a refused request gets its own log row. Past `summariesPerMinute` in a minute
   * for one key, requests are only counted; the next row written for that key says how many.
   */
  admitSummary(key: string): { admitted: boolean; suppressed: number } {
    const all = this.summaryWindow("*");
    const entry = this.summaryWindow(`key:${key}`);
    if (entry.count >= this.limits.summariesPerMinute || all.count >= this.limits.allSummariesPerMinute) {
      entry.suppressed++;
      return { admitted: false, suppressed: 0 };
    }
    all.count++;
    entry.count++;
    const suppressed = entry.suppressed;
    entry.suppressed = 0;
    return { admitted: true, suppressed };
  }

  private summaryWindow(key: string) {
    const minute = Math.floor(this.now() / 60_000);
    const entry = this.summaries.get(key) ?? { minute, count: 0, suppressed: 0 };
    if (entry.minute !== minute) Object.assign(entry, { minute, count: 0 });
    this.summaries.delete(key);
    this.summaries.set(key, entry);
    if (this.summaries.size > MAX_KEYS) this.summaries.delete(this.summaries.keys().next().value!);
    return entry;
  }

  /** Counts `bytes` against the tenant's daily allowance of logged bodies; false when used up. */
  allowBody(tenantId: string, bytes: number): boolean {
    const day = Math.floor(this.now() / 86_400_000);
    const entry = this.bodyBytes.get(tenantId);
    const used = entry && entry.day === day ? entry.bytes : 0;
    if (used + bytes > this.limits.bodyBytesPerTenantPerDay) return false;
    this.bodyBytes.set(tenantId, { day, bytes: used + bytes });
    return true;
  }
}

function fingerprint(authorization: string): string {
  return createHash("sha256").update(authorization).digest("base64url");
}

const globalGuards = globalThis as unknown as { scimRequestGuards?: RequestGuards };

/** The guards of this process, shared by every request it serves. */
export function processGuards(): RequestGuards {
  globalGuards.scimRequestGuards ??= new RequestGuards();
  return globalGuards.scimRequestGuards;
}
