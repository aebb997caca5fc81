import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, providers } from "@/db/schema";
import { cliActor } from "@/lib/audit/record-audit";
import { createIntegration } from "@/lib/integrations/create-integration";
import { setIntegrationRateLimit } from "@/lib/integrations/set-integration-rate-limit";
import { setIntegrationStatus } from "@/lib/integrations/set-integration-status";
import { tenantUrl } from "@/lib/integrations/tenant-url";
import { isUuid } from "@/lib/is-uuid";
import { createToken } from "@/lib/tokens/create-token";
import { listTokens, type TokenRow } from "@/lib/tokens/list-tokens";
import { revokeToken } from "@/lib/tokens/revoke-token";
import { findTenantBySlug } from "@/lib/tenants/find-tenant";
import { CliError, type Command } from "./cli";

async function findIntegration(db: Db, idOrKey: string) {
  const [row] = await db
    .select()
    .from(integrations)
    .where(isUuid(idOrKey) ? eq(integrations.id, idOrKey) : eq(integrations.appKey, idOrKey));
  if (!row) throw new CliError(`no integration with id or app key "${idOrKey}"`);
  return row;
}

function parseExpiry(value: string | undefined): Date | null {
  if (value === undefined) return null;
  const days = /^(\d+)d$/.exec(value);
  const date = days ? new Date(Date.now() + Number(days[1]) * 86_400_000) : new Date(value);
  if (Number.isNaN(date.getTime()) || date <= new Date()) {
    throw new CliError("--expires must be a future date (2027-01-31) or a number of days (90d)");
  }
  return date;
}

export const integrationCommands: Command[] = [
  {
    name: "integration:create",
    summary: "Install an integration (entra, okta or generic) for a tenant; prints its Tenant URL, app key and first token.",
    options: [
      { flag: "tenant", value: "slug", description: "The tenant.", required: true },
      { flag: "provider", value: providers.join("|"), description: "The identity provider.", required: true },
      { flag: "name", value: "name", description: "Display name; defaults to the provider's name." },
      { flag: "no-groups", description: "Users only: the Groups endpoints answer 501." },
      { flag: "lowercase", description: "Store userName and emails lowercased." },
      { flag: "couple-email", description: "An update of userName or the primary email sets both." },
      { flag: "region", value: "region", description: 'Region of new people (default "HQ").' },
      { flag: "hard-delete", description: "SCIM DELETE removes people instead of retaining them." },
    ],
    async run(db, options) {
      const tenant = await findTenantBySlug(db, options.require("tenant"));
      const provider = options.require("provider");
      if (!providers.includes(provider as never)) throw new CliError(`--provider must be one of ${providers.join(", ")}`);
      const { integration, secret } = await createIntegration(
        db,
        tenant.id,
        {
          provider,
          name: options.get("name"),
          settings: {
            ...(options.has("no-groups") ? { groupsEnabled: false } : {}),
            ...(options.has("lowercase") ? { lowercaseIdentifiers: true } : {}),
            ...(options.has("couple-email") ? { coupleUserNameAndEmail: true } : {}),
            ...(options.get("region") !== undefined ? { defaultRegion: options.get("region")! } : {}),
            ...(options.has("hard-delete") ? { deleteMode: "hard" as const } : {}),
          },
        },
        cliActor,
      );
      const url = tenantUrl(integration);
      return {
        text: [
          `Installed ${integration.name} for ${tenant.slug}`,
          `  Tenant URL:   ${url}`,
          `  App key:      ${integration.appKey}`,
          `  Secret token: ${secret}`,
          "The secret is shown once; store it in the identity provider now.",
        ].join("\n"),
        data: { integrationId: integration.id, tenantUrl: url, appKey: integration.appKey, token: secret },
      };
    },
  },
  {
    name: "token:create",
    summary: "Mint another provisioning token for an integration (shown once).",
    options: [
      { flag: "integration", value: "id|appKey", description: "The integration.", required: true },
      { flag: "description", value: "text", description: "What the token is for." },
      { flag: "expires", value: "date|Nd", description: "Expiry, e.g. 2027-01-31 or 90d; never by default." },
    ],
    async run(db, options) {
      const integration = await findIntegration(db, options.require("integration"));
      const expiresAt = parseExpiry(options.get("expires"));
      const { token, secret } = await createToken(
        db,
        integration.tenantId,
        {
          integrationId: integration.id,
          description: options.get("description") ?? "Minted by support",
          expiresAt,
        },
        cliActor,
      );
      return {
        text: `Token ${token.id} (…${token.hint}) for ${integration.name}:\n  ${secret}\nThe secret is shown once.`,
        data: { tokenId: token.id, hint: token.hint, token: secret, integrationId: integration.id, expiresAt },
      };
    },
  },
  {
    name: "token:revoke",
    summary: "Revoke a token by id or by its hint (the last six characters).",
    options: [
      { flag: "token", value: "id", description: "The token's id." },
      { flag: "token-hint", value: "hint", description: "The token's hint." },
    ],
    async run(db, options) {
      const id = options.get("token");
      const hint = options.get("token-hint");
      if (!id === !hint) throw new CliError("give exactly one of --token or --token-hint");
      if (id && !isUuid(id)) throw new CliError("--token must be a token id (a UUID)");
      const token = await revokeToken(db, null, { tokenId: id, hint }, cliActor);
      return { text: `Revoked token ${token.id} (…${token.hint})`, data: { tokenId: token.id, hint: token.hint, revokedAt: token.revokedAt } };
    },
  },
  ...(["disable", "enable"] as const).map(
    (verb): Command => ({
      name: `integration:${verb}`,
      summary:
        verb === "disable"
          ? "Disable an integration: its tokens get 401, what it provisioned stays."
          : "Enable a disabled integration again.",
      options: [{ flag: "integration", value: "id|appKey", description: "The integration.", required: true }],
      async run(db, options) {
        const found = await findIntegration(db, options.require("integration"));
        const status = verb === "disable" ? "disabled" : "active";
        const updated = await setIntegrationStatus(db, found.tenantId, { integrationId: found.id, status }, cliActor);
        return { text: `${updated.name} is now ${updated.status}`, data: { integrationId: updated.id, status: updated.status } };
      },
    }),
  ),
  {
    name: "integration:rate-limit",
    summary: "Set how many SCIM requests per second an integration may make (bursts of twice that) before 429; per app instance.",
    options: [
      { flag: "integration", value: "id or app key", description: "The integration.", required: true },
      { flag: "per-second", value: "n|default", description: "Requests per second, 1 to 10000, or default (100).", required: true },
    ],
    async run(db, options) {
      const found = await findIntegration(db, options.require("integration"));
      const value = options.require("per-second");
      if (value !== "default" && !/^\d+$/.test(value)) throw new CliError("--per-second must be a whole number or default");
      const updated = await setIntegrationRateLimit(db, { integrationId: found.id }, value === "default" ? null : Number(value), cliActor);
      const shown = updated.rateLimitPerSecond === null ? "the default" : `${updated.rateLimitPerSecond} requests per second`;
      return { text: `${updated.name} may make ${shown}`, data: { integrationId: updated.id, rateLimitPerSecond: updated.rateLimitPerSecond } };
    },
  },
  {
    name: "integration:list",
    summary: "List a tenant's integrations with their Tenant URLs and live tokens.",
    options: [{ flag: "tenant", value: "slug", description: "The tenant.", required: true }],
    async run(db, options) {
      const tenant = await findTenantBySlug(db, options.require("tenant"));
      const rows = await db.select().from(integrations).where(eq(integrations.tenantId, tenant.id)).orderBy(asc(integrations.createdAt));
      const tokensOf = new Map<string, TokenRow[]>();
      for (const token of await listTokens(db, tenant.id)) {
        tokensOf.set(token.integrationId, [...(tokensOf.get(token.integrationId) ?? []), token]);
      }
      const data = rows.map((integration) => ({
        integrationId: integration.id,
        provider: integration.provider,
        name: integration.name,
        status: integration.status,
        tenantUrl: tenantUrl(integration),
        appKey: integration.appKey,
        settings: integration.settings,
        tokens: (tokensOf.get(integration.id) ?? []).map(({ id, hint, status, lastUsedAt }) => ({ id, hint, status, lastUsedAt })),
      }));
      const text = data.length
        ? data.map((i) => `${i.name} [${i.provider}, ${i.status}] ${i.tenantUrl}  tokens: ${i.tokens.filter((t) => t.status === "active").map((t) => `…${t.hint}`).join(", ") || "none"}`).join("\n")
        : `${tenant.slug} has no integrations`;
      return { text, data };
    },
  },
];
