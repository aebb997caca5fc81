"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createApiKey, createApiKeyInput } from "@/lib/api-keys/create-api-key";
import { revokeApiKey, revokeApiKeyInput } from "@/lib/api-keys/revoke-api-key";
import { consoleAction } from "@/lib/auth/form-action";

/** Settings > API keys > Create: the key is in this answer only. */
export const createApiKeyAction = consoleAction("api_keys:manage", createApiKeyInput, async (input, { tenant, actor }) => {
  const { apiKey, key } = await createApiKey(await getDb(), tenant.id, input, actor);
  revalidatePath("/settings/api-keys");
  return { success: `API key …${apiKey.hint} created.`, reveal: { secret: key } };
});

export const revokeApiKeyAction = consoleAction("api_keys:manage", revokeApiKeyInput, async (input, { tenant, actor }) => {
  const apiKey = await revokeApiKey(await getDb(), tenant.id, input, actor);
  revalidatePath("/settings/api-keys");
  return { success: `API key …${apiKey.hint} revoked.` };
});
