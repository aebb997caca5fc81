/** A well-behaved SCIM client (node's fetch) for the writers, the seed data and the checks. */
import type { Installed } from "./setup";
import { backoffMs, sleep } from "./timing";

export type ScimReply = { status: number; body: Record<string, unknown> | undefined; retryAfter: string | null };

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

export class ScimClient {
  constructor(
    readonly origin: string,
    readonly integration: Installed,
  ) {}

  url(path: string): string {
    return `${this.origin}/api/scim/v2/${this.integration.appKey}${path}`;
  }

  /** Throws only when no HTTP answer came (connection refused or reset, timeout). */
  async request(method: string, path: string, body?: unknown, timeoutMs = 30_000): Promise<ScimReply> {
    const response = await fetch(this.url(path), {
      method,
      headers: { authorization: `Bearer ${this.integration.token}`, "content-type": "application/scim+json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let parsed: Record<string, unknown> | undefined;
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed, retryAfter: response.headers.get("retry-after") };
  }

  /** For set-up and checks, not load: waits out a 429 (up to ~30 s) instead of returning it. */
  async patient(method: string, path: string, body?: unknown): Promise<ScimReply> {
    for (let attempt = 0; ; attempt++) {
      const reply = await this.request(method, path, body);
      if (reply.status !== 429 || attempt >= 30) return reply;
      await sleep(backoffMs(reply.retryAfter));
    }
  }
}

export function userPayload(userName: string, displayName: string): Record<string, unknown> {
  return {
    schemas: [USER_SCHEMA],
    userName,
    displayName,
    name: { givenName: "Chaos", familyName: displayName },
    emails: [{ value: userName, type: "work", primary: true }],
    active: true,
  };
}

export function displayNamePatch(displayName: string): Record<string, unknown> {
  return { schemas: [PATCH_SCHEMA], Operations: [{ op: "replace", path: "displayName", value: displayName }] };
}
