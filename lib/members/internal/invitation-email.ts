import type { MemberRole } from "@/db/schema";
import type { MailMessage } from "@/lib/mail/mailer";
import { describeRole } from "../role-descriptions";


/** When an invitation's link stops working, as its email says it: to the minute, in UTC. */
export function invitationExpiry(expiresAt: Date): string {
  return `${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The same words whoever the address belongs to: the email must not tell either. */
export function invitationEmail(invitation: {
  to: string;
  tenantName: string;
  role: MemberRole;
  link: string;
  expiresAt: Date;
  invitedBy: string;
}): MailMessage {
  return {
    to: invitation.to,
    subject: `Join ${invitation.tenantName} on the SCIM Console`,
    text: [
      `${invitation.invitedBy} invited you to the SCIM Console of ${invitation.tenantName}, as ${describeRole(invitation.role).article}: you can ${describeRole(invitation.role).can}.`,
      "",
      `To accept, open this link: ${invitation.link}`,
      "",
      `The link works once, until ${invitationExpiry(invitation.expiresAt)}. If you did not expect this invitation, ignore this email.`,
    ].join("\n"),
  };
}
