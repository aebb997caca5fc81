import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { consoleUsers, invitations, tenants, type MemberRole } from "@/db/schema";
import { isOpen } from "./internal/claim-invitation";
import { hashInvitationToken, invitationToken } from "./internal/invitation-token";

export type OpenInvitation = {
  tenantName: string;
  email: string;
  role: MemberRole;
  expiresAt: Date;
  /** Whether the invited address already has a console account: only the link's holder learns it. */
  hasAccount: boolean;
};

/** The open invitation a link names, or null when it is unknown, expired, revoked or used. */
export async function findInvitation(db: Db, token: string): Promise<OpenInvitation | null> {
  if (!invitationToken.safeParse(token).success) return null;
  const [found] = await db
    .select({
      tenantName: tenants.name,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      accountId: consoleUsers.id,
    })
    .from(invitations)
    .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
    .leftJoin(consoleUsers, eq(sql`lower(${consoleUsers.email})`, invitations.email))
    .where(and(eq(invitations.tokenHash, hashInvitationToken(token)), isOpen()));
  if (!found) return null;
  const { accountId, ...invitation } = found;
  return { ...invitation, hasAccount: accountId !== null };
}
