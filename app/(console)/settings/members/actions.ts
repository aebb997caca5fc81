"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { consoleAction } from "@/lib/auth/form-action";
import { env } from "@/lib/env";
import { configuredMailer } from "@/lib/mail/mailer";
import { changeMemberRole, changeMemberRoleInput } from "@/lib/members/change-member-role";
import { inviteMember, inviteMemberInput } from "@/lib/members/invite-member";
import { removeMember, removeMemberInput } from "@/lib/members/remove-member";
import { revokeInvitation, revokeInvitationInput } from "@/lib/members/revoke-invitation";

const emailNotes = {
  sent: "We emailed it to them too.",
  failed: "The email could not be sent, so pass the link on yourself.",
  off: "This console sends no email: pass the link on yourself.",
} as const;

/** The same answer whether or not the address has an account: that is the point. */
export const inviteMemberAction = consoleAction("members:manage", inviteMemberInput, async (input, { tenant, actor }) => {
  const sent = await inviteMember(await getDb(), tenant.id, input, actor, { appUrl: env().APP_URL, mailer: configuredMailer() });
  revalidatePath("/settings/members");
  return {
    success: `Invitation for ${sent.email} created. ${emailNotes[sent.emailed]}`,
    reveal: { link: sent.link, expiresAt: sent.expiresAt.toISOString() },
  };
});

export const revokeInvitationAction = consoleAction("members:manage", revokeInvitationInput, async (input, { tenant, actor }) => {
  const { email } = await revokeInvitation(await getDb(), tenant.id, input, actor);
  revalidatePath("/settings/members");
  return { success: `The invitation for ${email} no longer works.` };
});

export const changeRoleAction = consoleAction("members:manage", changeMemberRoleInput, async (input, { tenant, actor }) => {
  await changeMemberRole(await getDb(), tenant.id, input, actor);
  revalidatePath("/settings/members");
  return { success: "Role updated." };
});

export const removeMemberAction = consoleAction("members:manage", removeMemberInput, async (input, { tenant, actor }) => {
  const { email } = await removeMember(await getDb(), tenant.id, input, actor);
  revalidatePath("/settings/members");
  return { success: `${email} no longer has access to ${tenant.name}.` };
});
