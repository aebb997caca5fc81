"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { integrationStatuses, providers } from "@/db/schema";
import { consoleAction } from "@/lib/auth/form-action";
import { createIntegration } from "@/lib/integrations/create-integration";
import { setIntegrationStatus } from "@/lib/integrations/set-integration-status";
import { updateIntegrationSettings } from "@/lib/integrations/update-integration-settings";
import { createToken } from "@/lib/tokens/create-token";
import { revokeToken } from "@/lib/tokens/revoke-token";

const LIST = "/settings/integrations";
const page = (integrationId: string) => `${LIST}/${integrationId}`;

const integrationId = z.uuid({ error: "No such integration" });
/** An unticked checkbox sends nothing; a ticked one sends "on". */
const checkbox = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");
/** A date from <input type="date">: the token works until the end of that day (UTC). */
const expiryDate = z
  .union([z.literal(""), z.iso.date({ error: "Enter a date such as 2027-01-31" })])
  .optional()
  .transform((value) => (value ? new Date(`${value}T23:59:59.999Z`) : null));

/** Marketplace > Install now: the integration and its first token, whose secret comes back once. */
export const installIntegrationAction = consoleAction(
  "integrations:manage",
  z.object({ provider: z.enum(providers, { error: "Choose an app from the marketplace" }) }),
  async ({ provider }, { tenant, actor }) => {
    const { integration, secret } = await createIntegration(await getDb(), { tenantId: tenant.id, provider }, actor);
    revalidatePath(LIST);
    return { success: `${integration.name} is installed.`, reveal: { integrationId: integration.id, secret } };
  },
);

export const createTokenAction = consoleAction(
  "integrations:manage",
  z.object({ integrationId, description: z.string(), expiresAt: expiryDate }),
  async (input, { tenant, actor }) => {
    const { token, secret } = await createToken(await getDb(), { tenantId: tenant.id, ...input }, actor);
    revalidatePath(page(input.integrationId));
    revalidatePath(LIST);
    return { success: `Token …${token.hint} created.`, reveal: { secret } };
  },
);

export const revokeTokenAction = consoleAction(
  "integrations:manage",
  z.object({ integrationId, tokenId: z.uuid({ error: "No such token" }) }),
  async ({ integrationId, tokenId }, { tenant, actor }) => {
    const token = await revokeToken(await getDb(), { id: tokenId, tenantId: tenant.id }, actor);
    revalidatePath(page(integrationId));
    revalidatePath(LIST);
    return { success: `Token …${token.hint} revoked.` };
  },
);

export const updateSettingsAction = consoleAction(
  "integrations:manage",
  z.object({
    integrationId,
    groupsEnabled: checkbox,
    lowercaseIdentifiers: checkbox,
    coupleUserNameAndEmail: checkbox,
    defaultRegion: z.string().default(""),
    deleteMode: z.string(),
    matchExisting: z.string(),
  }),
  async ({ integrationId, ...settings }, { tenant, actor }) => {
    const { changed } = await updateIntegrationSettings(
      await getDb(),
      { tenantId: tenant.id, integrationId },
      settings as Parameters<typeof updateIntegrationSettings>[2],
      actor,
    );
    revalidatePath(page(integrationId));
    return { success: changed.length ? "Settings saved. They apply from the next request on." : "Nothing changed." };
  },
);

export const setStatusAction = consoleAction(
  "integrations:manage",
  z.object({ integrationId, status: z.enum(integrationStatuses) }),
  async ({ integrationId, status }, { tenant, actor }) => {
    const updated = await setIntegrationStatus(await getDb(), { integrationId, tenantId: tenant.id }, status, actor);
    revalidatePath(page(integrationId));
    revalidatePath(LIST);
    return { success: updated.status === "disabled" ? `${updated.name} is disabled.` : `${updated.name} is enabled.` };
  },
);
