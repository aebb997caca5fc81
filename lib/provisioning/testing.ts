import type { Integration, IntegrationSettings, Provider, Tenant } from "@/db/schema";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { cliActor } from "@/lib/audit/record-audit";
import { createIntegration } from "@/lib/integrations/create-integration";
import { createTenant } from "@/lib/tenants/create-tenant";
import { handleFetchRequest } from "./fetch-adapter";
import { RequestGuards, type GuardLimits } from "./request-guards";

export type Installed = { integration: Integration; secret: string };

export type ScimCall = {
  body?: unknown;
  /** Sent as-is instead of JSON.stringify(body). */
  rawBody?: string;
  /** Which integration's credentials to send; defaults to the integration named in the path. */
  as?: Installed;
  /** Okta style: HTTP Basic appKey:secret instead of Bearer. */
  basic?: boolean;
  /** No Authorization header at all. */
  anonymous?: boolean;
  headers?: Record<string, string>;
};

// SCIM bodies are JSON that tests assert field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ScimResult = { status: number; headers: Headers; body: any };

/**
 * A fresh database with two tenants (a, b), each with an Entra and an Okta integration, and
 * a `scim` function that sends real Requests through the same adapter the route uses.
 */
export async function createScimHarness(options: { limits?: Partial<GuardLimits> } = {}) {
  const database = await createTestDb();
  const { db } = database;
  /** The harness's clock for rate limits and log sampling: tests move it with `advance`. */
  let now = Date.now();
  const guards = new RequestGuards(() => now, options.limits);
  const advance = (ms: number) => {
    now += ms;
  };

  async function install(tenant: Tenant, provider: Provider, settings?: Partial<IntegrationSettings>): Promise<Installed> {
    const { integration, secret } = await createIntegration(db, tenant.id, { provider, settings }, cliActor);
    return { integration, secret };
  }
  async function makeTenant(label: string) {
    const tenant = await createTenant(db, { slug: `${label}-${uniqueSuffix()}`, name: `Tenant ${label.toUpperCase()}` });
    return { tenant, entra: await install(tenant, "entra"), okta: await install(tenant, "okta") };
  }
  const a = await makeTenant("a");
  const b = await makeTenant("b");

  /** `path` is below /api/scim/v2/, e.g. `${a.entra.integration.appKey}/Users?filter=...`. */
  async function scim(method: string, path: string, call: ScimCall = {}): Promise<ScimResult> {
    const headers = new Headers(call.headers);
    const key = path.split(/[/?]/)[0];
    const who = call.as ?? [a.entra, a.okta, b.entra, b.okta].find((i) => i.integration.appKey === key) ?? a.entra;
    if (!call.anonymous && !headers.has("authorization")) {
      headers.set(
        "authorization",
        call.basic
          ? `Basic ${Buffer.from(`${who.integration.appKey}:${who.secret}`).toString("base64")}`
          : `Bearer ${who.secret}`,
      );
    }
    const payload = call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
    if (payload !== undefined && !headers.has("content-type")) headers.set("content-type", "application/scim+json");
    const url = `http://localhost:3000/api/scim/v2/${path}`;
    const segments = new URL(url).pathname.replace(/^\/api\/scim\/v2\/?/, "").split("/");
    const response = await handleFetchRequest(new Request(url, { method, headers, body: payload }), segments, db, guards);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  /**
   * A PATCH as an identity provider sends it, then the resource as a GET reads it: a
   * successful PATCH answers 204 with no body (resource-endpoint.ts). The result carries the
   * PATCH's status and headers, and the GET's body when the PATCH succeeded.
   */
  async function patchAndRead(path: string, call: ScimCall = {}): Promise<ScimResult> {
    const patched = await scim("PATCH", path, call);
    if (patched.status !== 204) return patched;
    const read = await scim("GET", path.split("?")[0], { as: call.as, basic: call.basic });
    return { ...patched, body: read.body };
  }

  return { db, close: database.close, a, b, install, makeTenant, scim, patchAndRead, guards, advance };
}

export type ScimHarness = Awaited<ReturnType<typeof createScimHarness>>;
