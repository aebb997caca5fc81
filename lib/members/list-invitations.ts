import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { consoleUsers, invitations, type MemberRole } from "@/db/schema";
import { isOpen } from "./internal/claim-invitation";

export type InvitationRow = {
  id: string;
  email: string;
  role: MemberRole;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
};

/** The tenant's invitations that can still be accepted, newest first. */
export function listInvitations(db: Db, tenantId: string): Promise<InvitationRow[]> {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      invitedBy: consoleUsers.email,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .leftJoin(consoleUsers, eq(consoleUsers.id, invitations.invitedByUserId))
    .where(and(eq(invitations.tenantId, tenantId), isOpen()))
    .orderBy(desc(invitations.createdAt));
}
