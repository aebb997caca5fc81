import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { consoleUsers, invitations, memberships, tenants } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError, isUniqueViolation, parseInput } from "@/lib/errors";
import type { Mailer } from "@/lib/mail/mailer";
import { INVITATION_DAYS, invitationLink, newInvitationToken } from "./internal/invitation-token";
import { invitationEmail } from "./internal/invitation-email";
import { email, memberRole } from "./member-input";

export const inviteMemberInput = z.object({ email, role: memberRole });

export type InvitationSent = {
  email: string;
  link: string;
  expiresAt: Date;
  /** "off" when no SMTP server is configured; "failed" when it refused or did not answer. */
  emailed: "sent" | "failed" | "off";
};

/**
 * Invites an address to the tenant with a role. Nothing here looks at console accounts, so
 * the answer is the same whether the address has one or not, and nobody becomes a member
 * until the link's holder accepts. Inviting an address again replaces its open invitation.
 */
export async function inviteMember(
  db: Db,
  tenantId: string,
  raw: z.input<typeof inviteMemberInput>,
  actor: AuditActor,
  delivery: { appUrl: string; mailer: Mailer | null },
): Promise<InvitationSent> {
  const { email: address, role } = parseInput(inviteMemberInput, raw);
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  const tenantName = await db.transaction(async (tx) => {
    const [tenant] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
    if (!tenant) throw new AppError("not_found", "No such tenant");
    // The tenant's admins see its members anyway: saying so reveals nothing about accounts.
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(consoleUsers, eq(consoleUsers.id, memberships.userId))
      .where(and(eq(memberships.tenantId, tenantId), eq(sql`lower(${consoleUsers.email})`, address)));
    if (member) throw new AppError("conflict", `${address} is already a member of ${tenant.name}`, "email");
    const replaced = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.tenantId, tenantId), eq(invitations.email, address), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    const [created] = await tx
      .insert(invitations)
      .values({ tenantId, email: address, role, tokenHash, invitedByUserId: actor.userId, expiresAt })
      .returning({ id: invitations.id });
    await recordAudit(tx, {
      tenantId,
      actor,
      action: "invitation.created",
      detail: { invitationId: created.id, email: address, role, expiresAt: expiresAt.toISOString(), replaced: replaced.length },
    });
    return tenant.name;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error, "invitations_open_email_key")) {
      throw new AppError("conflict", `${address} was invited at this very moment by someone else; see the pending invitations`, "email");
    }
    throw error;
  });

  const link = invitationLink(delivery.appUrl, token);
  let emailed: InvitationSent["emailed"] = "off";
  if (delivery.mailer) {
    try {
      await delivery.mailer.send(invitationEmail({ to: address, tenantName, role, link, expiresAt, invitedBy: actor.label }));
      emailed = "sent";
    } catch (error) {
      console.error("[invitation email]", error);
      emailed = "failed";
    }
  }
  return { email: address, link, expiresAt, emailed };
}
