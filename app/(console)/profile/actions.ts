"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireConsole } from "@/lib/auth/console-context";
import { consoleAction } from "@/lib/auth/form-action";
import { currentSession, endSession } from "@/lib/auth/session";
import { endAllSessions, endSessionInput, endSessionOfUser } from "@/lib/auth/sessions/end-sessions";
import { AppError } from "@/lib/errors";
import { changePassword, changePasswordInput } from "@/lib/members/change-password";
import { createToken, createTokenInput } from "@/lib/tokens/create-token";
import { revokeToken, revokeTokenInput } from "@/lib/tokens/revoke-token";

async function sessionInUse() {
  const current = await currentSession();
  if (!current) redirect("/sign-in");
  return current.session;
}

/** Keeps this session; every other one of the user's ends with the old password. */
export const changePasswordAction = consoleAction("tenant:read", changePasswordInput, async (input, { user }) => {
  const { endedSessions } = await changePassword(await getDb(), user, input, (await sessionInUse()).id);
  revalidatePath("/profile");
  const others = endedSessions === 1 ? "1 other session was" : `${endedSessions} other sessions were`;
  return { success: endedSessions ? `Password changed. ${others} signed out.` : "Password changed." };
});

/** Ends one of the user's own sessions; ending the one in use signs this browser out. */
export const endSessionAction = consoleAction("tenant:read", endSessionInput, async (input, { user }) => {
  const inUse = await sessionInUse();
  if (!(await endSessionOfUser(await getDb(), user.id, input))) throw new AppError("not_found", "That session has already ended");
  if (input.sessionId === inUse.id) {
    await endSession();
    redirect("/sign-in");
  }
  revalidatePath("/profile");
  return { success: "Signed out." };
});

/** Every session of the user ends, this one included. */
export async function signOutEverywhereAction() {
  const { user } = await requireConsole();
  await endAllSessions(await getDb(), user.id);
  await endSession();
  redirect("/sign-in");
}

/** My Profile > Access Tokens > Create Token (Promapp style, seed 002): shown once. */
export const createAccessTokenAction = consoleAction("integrations:manage", createTokenInput, async (input, { tenant, actor }) => {
  const { token, secret } = await createToken(await getDb(), tenant.id, input, actor);
  revalidatePath("/profile");
  return { success: `Token …${token.hint} created.`, reveal: { secret } };
});

export const revokeAccessTokenAction = consoleAction("integrations:manage", revokeTokenInput, async (input, { tenant, actor }) => {
  const token = await revokeToken(await getDb(), tenant.id, input, actor);
  revalidatePath("/profile");
  return { success: `Token …${token.hint} revoked.` };
});
