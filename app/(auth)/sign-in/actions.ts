"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { validatedAction } from "@/lib/auth/form-action";
import { requestOrigin } from "@/lib/auth/request-origin";
import { endSession, startSession } from "@/lib/auth/session";
import { signInInput, signInWithPassword } from "@/lib/auth/sign-in-with-password";

export const signIn = validatedAction(signInInput, async ({ email, password }) => {
  const { sourceAddress } = await requestOrigin();
  const result = await signInWithPassword(await getDb(), { email, password, sourceAddress });
  if (!result.ok) {
    // The same words whether or not the account exists: neither answer tells.
    const error =
      result.reason === "throttled"
        ? `Too many attempts. Try again in ${result.retryAfterSeconds} second${result.retryAfterSeconds === 1 ? "" : "s"}.`
        : "That email and password do not match an account.";
    return { error, values: { email } };
  }
  await startSession(result.user);
  redirect("/");
});

export async function signOut() {
  await endSession();
  redirect("/sign-in");
}
