"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { validatedAction } from "@/lib/auth/form-action";
import { currentUser, startSession } from "@/lib/auth/session";
import { acceptInvitation, acceptInvitationInput } from "@/lib/members/accept-invitation";
import { acceptInvitationWithNewAccount, newAccountInput } from "@/lib/members/accept-invitation-with-new-account";
import { switchTenant } from "../../../(console)/actions";

/** No account yet: create it, join, and sign in, in that order. */
export const acceptWithNewAccountAction = validatedAction(newAccountInput, async (input) => {
  const user = await acceptInvitationWithNewAccount(await getDb(), input);
  await startSession(user);
  redirect("/");
});

/** Signed in as the invited address: join, then open the tenant just joined. */
export const acceptAsSignedInAction = validatedAction(acceptInvitationInput, async (input) => {
  const user = await currentUser();
  if (!user) return { error: "Sign in first, then open this link again." };
  const { tenantSlug } = await acceptInvitation(await getDb(), input, user);
  const form = new FormData();
  form.set("tenant", tenantSlug);
  await switchTenant(form);
});
