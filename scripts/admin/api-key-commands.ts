import { cliActor } from "@/lib/audit/record-audit";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { findTenantBySlug } from "@/lib/tenants/find-tenant";
import type { Command } from "./cli";

export const apiKeyCommands: Command[] = [
  {
    name: "apikey:create",
    summary: "Create a key to a tenant's /api/v1 (events, people, roles); shown once.",
    options: [
      { flag: "tenant", value: "slug", description: "The tenant.", required: true },
      { flag: "description", value: "text", description: "What the key is for.", required: true },
    ],
    async run(db, options) {
      const tenant = await findTenantBySlug(db, options.require("tenant"));
      const { apiKey, key } = await createApiKey(db, tenant.id, { description: options.require("description") }, cliActor);
      return {
        text: `API key ${apiKey.id} (…${apiKey.hint}) for ${tenant.slug}:\n  ${key}\nThe key is shown once.`,
        data: { id: apiKey.id, key },
      };
    },
  },
  {
    name: "apikey:revoke",
    summary: "Revoke one of a tenant's API keys by id.",
    options: [
      { flag: "tenant", value: "slug", description: "The tenant.", required: true },
      { flag: "id", value: "id", description: "The key's id.", required: true },
    ],
    async run(db, options) {
      const tenant = await findTenantBySlug(db, options.require("tenant"));
      const revoked = await revokeApiKey(db, tenant.id, { apiKeyId: options.require("id") }, cliActor);
      return { text: `Revoked API key ${revoked.id} (…${revoked.hint})`, data: { id: revoked.id, revokedAt: revoked.revokedAt } };
    },
  },
];
