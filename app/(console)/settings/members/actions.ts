"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { memberRoles } from "@/db/schema";
import { consoleAction } from "@/lib/auth/form-action";
import { addMember } from "@/lib/members/add-member";
import { changeMemberRole } from "@/lib/members/change-member-role";

export const addMemberAction = consoleAction(
  "members:manage",
  z.object({ email: z.string(), name: z.string(), role: z.string(), password: z.string().optional() }),
  async (input, { tenant, actor }) => {
    const { created } = await addMember(await getDb(), tenant.id, input as Parameters<typeof addMember>[2], actor);
    revalidatePath("/settings/members");
    return {
      success: created
        ? `${input.email} can now sign in with the password you set.`
        : `${input.email} already had an account and now has access to ${tenant.name}.`,
    };
  },
);

export const changeRoleAction = consoleAction(
  "members:manage",
  z.object({ userId: z.uuid(), role: z.enum(memberRoles) }),
  async ({ userId, role }, { tenant, actor }) => {
    await changeMemberRole(await getDb(), tenant.id, userId, role, actor);
    revalidatePath("/settings/members");
    return { success: "Role updated." };
  },
);
