import { z } from "zod";
import type { Db } from "@/db/client";
import { consoleUsers, memberships, type ConsoleUser, type MemberRole } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { AppError, isUniqueViolation, parseInput } from "@/lib/errors";
import { email, memberRole, newPassword, personName } from "./member-input";

export const createConsoleUserInput = z.object({
  email,
  name: personName,
  password: newPassword,
  isStaff: z.boolean().default(false),
  membership: z.object({ tenantId: z.uuid(), role: memberRole }).optional(),
});

export type NewConsoleUserInput = z.input<typeof createConsoleUserInput>;

/** Creates a console user, optionally with a role in one tenant, in one transaction. */
export async function createConsoleUser(db: Db, raw: NewConsoleUserInput): Promise<ConsoleUser> {
  const { membership, password, ...user } = parseInput(createConsoleUserInput, raw);
  const passwordHash = await hashPassword(password);
  try {
    return await db.transaction(async (tx) => {
      const [created] = await tx.insert(consoleUsers).values({ ...user, passwordHash }).returning();
      if (membership) {
        await tx.insert(memberships).values({ userId: created.id, ...membership });
      }
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error, "console_users_email_key")) {
      throw new AppError("conflict", `A console user with the email ${user.email} already exists`, "email");
    }
    throw error;
  }
}

export type { MemberRole };
