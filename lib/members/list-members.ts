import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { consoleUsers, memberships, type MemberRole } from "@/db/schema";

export type MemberRow = {
  userId: string;
  email: string;
  name: string;
  role: MemberRole;
  lastSignInAt: Date | null;
  createdAt: Date;
};

export function listMembers(db: Db, tenantId: string): Promise<MemberRow[]> {
  return db
    .select({
      userId: consoleUsers.id,
      email: consoleUsers.email,
      name: consoleUsers.name,
      role: memberships.role,
      lastSignInAt: consoleUsers.lastSignInAt,
      createdAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(consoleUsers, eq(consoleUsers.id, memberships.userId))
    .where(eq(memberships.tenantId, tenantId))
    .orderBy(asc(consoleUsers.name), asc(consoleUsers.email));
}
