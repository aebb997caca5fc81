import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/db/client";
import { integrations, providers, type Integration, type IntegrationSettings, type Provider } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { parseInput } from "@/lib/errors";
import { mintToken, type MintedToken } from "@/lib/tokens/mint-token";
import { defaultSettings, providerLabels } from "./provider-defaults";
import { defaultRegionField, deleteModeField, matchExistingField } from "./update-integration-settings";

export const createIntegrationInput = z.object({
  provider: z.enum(providers, { error: "Choose entra, okta or generic" }),
  name: z.string().trim().min(1).max(120).optional(),
  /** Settings other than the provider's defaults (the CLI's flags). */
  settings: z
    .strictObject({
      groupsEnabled: z.boolean(),
      lowercaseIdentifiers: z.boolean(),
      coupleUserNameAndEmail: z.boolean(),
      defaultRegion: defaultRegionField,
      deleteMode: deleteModeField,
      matchExisting: matchExistingField,
    })
    .partial()
    .optional(),
});

const KEY_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

/** A public app key: 20 lowercase base32 characters, never mistaken for /Users or /Groups. */
export function newAppKey(): string {
  return Array.from(randomBytes(20), (byte) => KEY_ALPHABET[byte % 32]).join("");
}

/** Installs an integration for a tenant and mints its first token, in one transaction. */
export async function createIntegration(
  db: Db,
  tenantId: string,
  raw: { provider: Provider | string; name?: string; settings?: Partial<IntegrationSettings> },
  actor: AuditActor,
): Promise<{ integration: Integration } & MintedToken> {
  const { provider, name, settings } = parseInput(createIntegrationInput, raw);
  return db.transaction(async (tx) => {
    const [integration] = await tx
      .insert(integrations)
      .values({
        tenantId,
        provider,
        name: name ?? providerLabels[provider],
        appKey: newAppKey(),
        settings: { ...defaultSettings(provider), ...settings },
      })
      .returning();
    const minted = await mintToken(tx, { tenantId, integrationId: integration.id, description: "Created with the integration", createdByUserId: actor.userId });
    await recordAudit(tx, {
      tenantId,
      actor,
      action: "integration.created",
      detail: { integrationId: integration.id, provider, name: integration.name, tokenHint: minted.token.hint },
    });
    return { integration, ...minted };
  });
}
