"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireConsole } from "@/lib/auth/console-context";
import { consoleAction } from "@/lib/auth/form-action";
import { listLiveRequests, type LiveRequest } from "@/lib/activity/list-live-requests";
import { confirmMassChange, confirmMassChangeInput } from "@/lib/integrations/confirm-mass-change";
import { setAlertSettings, setAlertSettingsInput } from "@/lib/integrations/set-alert-settings";

const page = (integrationId: string) => `/settings/integrations/${integrationId}`;

/** The live panel's poll: the integration's requests newer than the newest it shows. */
export async function readLiveRequestsAction(input: { integrationId: string; afterId: number }): Promise<LiveRequest[]> {
  const { tenant } = await requireConsole("tenant:read");
  return listLiveRequests(await getDb(), tenant.id, input);
}

export const setAlertSettingsAction = consoleAction("integrations:manage", setAlertSettingsInput, async (input, { tenant, actor }) => {
  const { changed } = await setAlertSettings(await getDb(), tenant.id, input, actor);
  revalidatePath(page(input.integrationId));
  return { success: changed ? "Alert settings saved." : "Nothing changed." };
});

export const confirmMassChangeAction = consoleAction("integrations:manage", confirmMassChangeInput, async (input, { tenant, actor }) => {
  const integration = await confirmMassChange(await getDb(), tenant.id, input, actor);
  revalidatePath(page(integration.id));
  return { success: `Confirmed: ${integration.name}'s deactivations and deletions go through again, and the guard counts from now.` };
});
