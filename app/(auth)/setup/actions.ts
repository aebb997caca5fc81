"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { validatedAction } from "@/lib/auth/form-action";
import { startSession } from "@/lib/auth/session";
import { setupFirstOwner, setupInput } from "@/lib/tenants/setup-first-owner";

export const completeSetup = validatedAction(setupInput, async (input) => {
  const { user } = await setupFirstOwner(await getDb(), input);
  await startSession(user);
  redirect("/");
});
