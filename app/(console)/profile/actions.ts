"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { consoleAction } from "@/lib/auth/form-action";
import { changePassword } from "@/lib/members/change-password";
import { createToken } from "@/lib/tokens/create-token";
import { revokeToken } from "@/lib/tokens/revoke-token";

export const changePasswordAction = consoleAction(
  "tenant:read",
  z.object({ current: z.string().min(1, "Enter your current password"), next: z.string() }),
  async (input, { user }) => {
    await changePassword(await getDb(), user, input);
    return { success: "Password changed." };
  },
);

/** My Profile > Access Tokens > Create Token (Promapp style, seed 002): shown once. */
export const createAccessTokenAction = consoleAction(
  "integrations:manage",
  z.object({ integrationId: z.uuid({ error: "Choose an integration" }), description: z.string(), scope: z.string() }),
  async (input, { tenant, actor }) => {
    const { token, secret } = await createToken(await getDb(), { tenantId: tenant.id, ...input }, actor);
    revalidatePath("/profile");
    return { success: `Token …${token.hint} created.`, reveal: { secret } };
  },
);

export const revokeAccessTokenAction = consoleAction(
  "integrations:manage",
  z.object({ tokenId: z.uuid({ error: "No such token" }) }),
  async ({ tokenId }, { tenant, actor }) => {
    const token = await revokeToken(await getDb(), { id: tokenId, tenantId: tenant.id }, actor);
    revalidatePath("/profile");
    return { success: `Token …${token.hint} revoked.` };
  },
);
