import type { Provider } from "@/db/schema";

export const connectionStates = ["waiting", "connected", "provisioning", "idle", "stale", "failing", "disabled", "token_expiring", "expired"] as const;
export type ConnectionState = (typeof connectionStates)[number];

/** The states that raise an alert (banner and email) while they last. */
export const alertingStates: readonly ConnectionState[] = ["failing", "stale", "token_expiring", "expired"];

/** Entra quarantines a provisioning job when more than 40% of its calls fail, and so do we call it failing. */
export const FAILURE_RATE_THRESHOLD = 0.4;
/** Fewer failures than this in an hour are a blip, not a failing connection. */
export const MIN_FAILURES = 3;
export const EXPIRY_WARNING_DAYS = 14;

/**
 * How often each identity provider comes back on its own. Entra runs an incremental cycle
 * about every 40 minutes (https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works);
 * Okta and generic clients push on change and have no cycle, so silence from them is not stale.
 */
export const providerCycleMinutes: Record<Provider, number | null> = { entra: 40, okta: null, generic: null };

export type FailureReason = { status: number; reason: string; count: number };

/** Everything the state is derived from, read by readConnectionFacts. */
export type ConnectionFacts = {
  provider: Provider;
  status: "active" | "disabled";
  /** The latest expiry among tokens not revoked; null when one never expires or there is none. */
  latestTokenExpiry: Date | null;
  liveTokens: number;
  firstSuccessAt: Date | null;
  /** The first success was Entra's Test Connection probe (GET /Users?filter=userName eq "..."). */
  firstSuccessWasProbe: boolean;
  lastRequestAt: Date | null;
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
  lastWriteAt: Date | null;
  /** Counts over the hour before `now`. */
  hour: { requests: number; failures: number; writes: number };
  topReasons: FailureReason[];
};

export type ConnectionHealth = {
  state: ConnectionState;
  /** One sentence for an admin: what the state means here, in words. */
  summary: string;
  failureRate: number | null;
  /** Entra's quarantine arithmetic, when the integration is Entra's and failed in the last hour. */
  quarantine: string | null;
};

const DAY_MS = 86_400_000;

function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

function reasonList(reasons: FailureReason[]): string {
  return reasons.map((r) => `"${r.status} ${r.reason}"`).join(", ");
}

/**
 * Derives an integration's connection state from its facts at `now`. Order matters: an
 * admin's own decision (disabled) first, then what stops provisioning for certain (expired
 * tokens), then what is going wrong (failing), then what will go wrong (expiring, stale), then
 * the healthy states.
 */
export function connectionState(facts: ConnectionFacts, now: Date): ConnectionHealth {
  const { hour } = facts;
  const failureRate = hour.requests > 0 ? hour.failures / hour.requests : null;
  const quarantine =
    facts.provider === "entra" && failureRate !== null && hour.failures > 0
      ? `${percent(failureRate)} of requests in the last hour failed; Entra quarantines a job above ${percent(FAILURE_RATE_THRESHOLD)}${
          failureRate > FAILURE_RATE_THRESHOLD ? ", so it may already be quarantined: it then retries only once a day and stops after four weeks" : ""
        }.`
      : null;
  const health = (state: ConnectionState, summary: string): ConnectionHealth => ({ state, summary, failureRate, quarantine });
  const expiry = facts.latestTokenExpiry;

  if (facts.status === "disabled") return health("disabled", "Disabled: requests with its tokens are refused with 401.");
  if (facts.liveTokens > 0 && expiry && expiry <= now) return health("expired", "Every token has expired: requests are refused with 401 until you create a new one.");
  if (hour.failures >= MIN_FAILURES && failureRate !== null && failureRate > FAILURE_RATE_THRESHOLD) {
    return health("failing", `${percent(failureRate)} of ${hour.requests} requests in the last hour failed. Top reasons: ${reasonList(facts.topReasons)}.`);
  }
  if (facts.liveTokens > 0 && expiry && expiry.getTime() - now.getTime() <= EXPIRY_WARNING_DAYS * DAY_MS) {
    const days = Math.ceil((expiry.getTime() - now.getTime()) / DAY_MS);
    return health("token_expiring", `The last token expires in ${days} ${days === 1 ? "day" : "days"}: create a new one and paste it into your identity provider.`);
  }
  if (!facts.firstSuccessAt || !facts.lastRequestAt) {
    return health(
      "waiting",
      facts.lastFailureAt ? "Waiting for a successful request: the last one failed (see below)." : "Waiting for the first request from your identity provider.",
    );
  }
  const cycle = providerCycleMinutes[facts.provider];
  if (cycle !== null && now.getTime() - facts.lastRequestAt.getTime() > 2 * cycle * 60_000) {
    return health("stale", `No request for more than two of the identity provider's cycles (about ${cycle} minutes each): check that provisioning is on.`);
  }
  if (hour.writes > 0) return health("provisioning", `${hour.writes} ${hour.writes === 1 ? "change" : "changes"} in the last hour.`);
  if (!facts.lastWriteAt) {
    return health(
      "connected",
      facts.firstSuccessWasProbe
        ? "Connected: the Test Connection probe was recognised and answered 200. Start provisioning in your identity provider."
        : "Connected: the identity provider's first call was answered 200. No changes yet.",
    );
  }
  return health("idle", "Healthy and quiet: no changes in the last hour.");
}
