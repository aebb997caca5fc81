import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/db/client";
import { integrations, providers, type Integration, type IntegrationSettings, type Provider } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError, isUniqueViolation, parseInput } from "@/lib/errors";
import { mintToken, type MintedToken } from "@/lib/tokens/mint-token";
import { freeIntegrationName, INTEGRATION_NAME_KEY, integrationNameField, integrationNameTaken } from "./internal/integration-name";
import { defaultSettings, providerLabels } from "./provider-defaults";
import { defaultRegionField, deleteModeField, matchExistingField } from "./update-integration-settings";

export const createIntegrationInput = z.object({
  provider: z.enum(providers, { error: "Choose entra, okta or generic" }),
  /** Shown in every list; unique in the tenant. Blank: the provider's label, numbered if taken. */
  name: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), integrationNameField.optional()),
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

/**
 * Installs an integration for a tenant and mints its first token, in one transaction. A name
 * another integration of the tenant has is refused on the name field.
 */
export async function createIntegration(
  db: Db,
  tenantId: string,
  raw: { provider: Provider | string; name?: string; settings?: Partial<IntegrationSettings> },
  actor: AuditActor,
): Promise<{ integration: Integration } & MintedToken> {
  const { provider, name, settings } = parseInput(createIntegrationInput, raw);
  const chosen = name ?? (await freeIntegrationName(db, tenantId, providerLabels[provider]));
  const taken = () => new AppError("conflict", `Another integration is already named “${chosen}”. Choose another name.`, "name");
  if (name && (await integrationNameTaken(db, tenantId, name))) throw taken();
  try {
    return await insertIntegration(db, tenantId, { provider, name: chosen, settings }, actor);
  } catch (error) {
    // Two installs at once chose the same name: the unique index refused the second.
    if (isUniqueViolation(error, INTEGRATION_NAME_KEY)) throw taken();
    throw error;
  }
}

function insertIntegration(
  db: Db,
  tenantId: string,
  { provider, name, settings }: { provider: Provider; name: string; settings?: Partial<IntegrationSettings> },
  actor: AuditActor,
): Promise<{ integration: Integration } & MintedToken> {
  return db.transaction(async (tx) => {
    const [integration] = await tx
      .insert(integrations)
      .values({ tenantId, provider, name, appKey: newAppKey(), settings: { ...defaultSettings(provider), ...settings } })
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
