"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { validatedAction } from "@/lib/auth/form-action";
import { requestOrigin } from "@/lib/auth/request-origin";
import { endSession, startSession } from "@/lib/auth/session";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";

const signInInput = z.object({
  email: z.string().trim().min(1, "Enter your email address").max(254).pipe(z.email("Enter a valid email address")),
  password: z.string().min(1, "Enter your password").max(256, "That password is too long"),
});

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
