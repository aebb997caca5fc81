"use server";

import { z } from "zod";
import { getDb } from "@/db/client";
import { consoleAction } from "@/lib/auth/form-action";
import { changePassword } from "@/lib/members/change-password";

export const changePasswordAction = consoleAction(
  "tenant:read",
  z.object({ current: z.string().min(1, "Enter your current password"), next: z.string() }),
  async (input, { user }) => {
    await changePassword(await getDb(), user, input);
    return { success: "Password changed." };
  },
);
