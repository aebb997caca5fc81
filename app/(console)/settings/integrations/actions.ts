"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { consoleAction } from "@/lib/auth/form-action";
import { createIntegration, createIntegrationInput } from "@/lib/integrations/create-integration";
import { setIntegrationStatus, setIntegrationStatusInput } from "@/lib/integrations/set-integration-status";
import { updateIntegrationSettings, updateIntegrationSettingsInput } from "@/lib/integrations/update-integration-settings";
import { createToken, createTokenInput } from "@/lib/tokens/create-token";
import { revokeToken, revokeTokenInput } from "@/lib/tokens/revoke-token";
import { setRetentionPolicy, setRetentionPolicyInput } from "@/lib/integrations/set-retention-policy";
import { renameIntegration, renameIntegrationInput } from "@/lib/integrations/rename-integration";
import { uninstallIntegration, uninstallIntegrationInput } from "@/lib/integrations/uninstall-integration";

const LIST = "/settings/integrations";
const page = (integrationId: string) => `${LIST}/${integrationId}`;

/**
 * Marketplace > an app > User Provisioning > Start integration: the integration and its first
 * token, whose secret comes back once. The console asks for the feature explicitly (the CLI
 * does not), so no live token is ever one click away.
 */
const startIntegrationInput = createIntegrationInput.extend({
  feature: z.literal("provisioning", { error: "Choose User Provisioning to install." }),
});

export const installIntegrationAction = consoleAction("integrations:manage", startIntegrationInput, async (input, { tenant, actor }) => {
  const { integration, secret } = await createIntegration(await getDb(), tenant.id, input, actor);
  revalidatePath(LIST);
  return { success: `${integration.name} is installed.`, reveal: { integrationId: integration.id, secret } };
});

export const createTokenAction = consoleAction("integrations:manage", createTokenInput, async (input, { tenant, actor }) => {
  const { token, secret } = await createToken(await getDb(), tenant.id, input, actor);
  revalidatePath(page(input.integrationId));
  revalidatePath(LIST);
  return { success: `Token …${token.hint} created.`, reveal: { secret } };
});

export const revokeTokenAction = consoleAction("integrations:manage", revokeTokenInput, async (input, { tenant, actor }) => {
  const token = await revokeToken(await getDb(), tenant.id, input, actor);
  revalidatePath(page(token.integrationId));
  revalidatePath(LIST);
  return { success: `Token …${token.hint} revoked.` };
});

export const updateSettingsAction = consoleAction("integrations:manage", updateIntegrationSettingsInput, async (input, { tenant, actor }) => {
  const { changed } = await updateIntegrationSettings(await getDb(), tenant.id, input, actor);
  revalidatePath(page(input.integrationId));
  return { success: changed.length ? "Settings saved. They apply from the next request on." : "Nothing changed." };
});

export const setRetentionPolicyAction = consoleAction("integrations:manage", setRetentionPolicyInput, async ({ integrationId, ...policy }, { tenant, actor }) => {
  const { changed } = await setRetentionPolicy(await getDb(), { tenantId: tenant.id, integrationId }, policy, actor);
  revalidatePath(page(integrationId));
  return { success: changed ? "Retention policy saved." : "Nothing changed." };
});

export const setStatusAction = consoleAction("integrations:manage", setIntegrationStatusInput, async (input, { tenant, actor }) => {
  const updated = await setIntegrationStatus(await getDb(), tenant.id, input, actor);
  revalidatePath(page(updated.id));
  revalidatePath(LIST);
  return { success: updated.status === "disabled" ? `${updated.name} is disabled.` : `${updated.name} is enabled.` };
});

export const renameIntegrationAction = consoleAction("integrations:manage", renameIntegrationInput, async (input, { tenant, actor }) => {
  const { integration, changed } = await renameIntegration(await getDb(), tenant.id, input, actor);
  revalidatePath(page(integration.id));
  revalidatePath(LIST);
  return { success: changed ? `Renamed to ${integration.name}.` : "Nothing changed." };
});

/** Uninstall: the integration is gone afterwards, so the admin lands on the list. */
export const uninstallIntegrationAction = consoleAction("integrations:manage", uninstallIntegrationInput, async (input, { tenant, actor }) => {
  await uninstallIntegration(await getDb(), tenant.id, input, actor);
  revalidatePath(LIST);
  redirect(LIST);
});
