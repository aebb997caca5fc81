import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { consoleUsers, memberships, tenants } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, parseInput } from "@/lib/errors";
import { email, newPassword, personName } from "@/lib/members/member-input";
import { slugFromName, tenantName } from "./tenant-input";

export const setupInput = z.object({
  organisation: tenantName,
  name: personName,
  email,
  password: newPassword,
});

export async function isSetupOpen(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(consoleUsers);
  return row.n === 0;
}

/**
 * First run: creates the first organisation and its owner (an admin). Closed for good once
 * any console user exists; an advisory lock makes two racing first runs create one owner.
 */
export async function setupFirstOwner(db: Db, raw: z.input<typeof setupInput>) {
  const input = parseInput(setupInput, raw);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('first-run-setup'))`);
    if (!(await isSetupOpen(tx))) {
      throw new AppError("forbidden", "Setup is already complete. Sign in instead.");
    }
    const [tenant] = await tx
      .insert(tenants)
      .values({ slug: slugFromName(input.organisation), name: input.organisation })
      .returning();
    const [user] = await tx
      .insert(consoleUsers)
      .values({ email: input.email, name: input.name, passwordHash, lastSignInAt: new Date() })
      .returning();
    await tx.insert(memberships).values({ tenantId: tenant.id, userId: user.id, role: "admin" });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: { userId: user.id, label: input.email },
      action: "setup.completed",
      detail: { organisation: input.organisation },
    });
    return { tenant, user };
  });
}
