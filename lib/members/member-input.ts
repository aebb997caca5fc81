import { z } from "zod";
import { memberRoles } from "@/db/schema";

export const email = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")).pipe(z.string().max(254));
export const personName = z.string().trim().min(1, "Enter a name").max(120, "Use at most 120 characters");
/** Long passphrases welcome; the upper bound only keeps hashing cheap to refuse. */
export const newPassword = z
  .string()
  .min(12, "Use at least 12 characters")
  .max(256, "Use at most 256 characters");
export const memberRole = z.enum(memberRoles, { error: "Choose admin, support or viewer" });

/** The first message of a zod failure, prefixed with the field it is about. */
export function firstIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  return { field: String(issue.path[0] ?? ""), message: issue.message };
}
