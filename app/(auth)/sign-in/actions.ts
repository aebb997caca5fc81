"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { validatedAction } from "@/lib/auth/form-action";
import { endSession, startSession } from "@/lib/auth/session";
import { verifyCredentials } from "@/lib/auth/verify-credentials";

const signInInput = z.object({
  email: z.string().trim().min(1, "Enter your email address").max(254).pipe(z.email("Enter a valid email address")),
  password: z.string().min(1, "Enter your password").max(256, "That password is too long"),
});

export const signIn = validatedAction(signInInput, async ({ email, password }) => {
  const result = await verifyCredentials(await getDb(), email, password);
  if (!result.ok) {
    if (result.reason === "locked") {
      const minutes = Math.max(1, Math.ceil((result.until.getTime() - Date.now()) / 60_000));
      return {
        error: `Too many failed attempts. This account is locked for ${minutes} more minute${minutes === 1 ? "" : "s"}.`,
        values: { email },
      };
    }
    return { error: "That email and password do not match an account.", values: { email } };
  }
  await startSession(result.user);
  redirect("/");
});

export async function signOut() {
  await endSession();
  redirect("/sign-in");
}
