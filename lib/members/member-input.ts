import { z } from "zod";
import { memberRoles } from "@/db/schema";
import { estimatePassword, MIN_PASSWORD_SCORE } from "@/lib/auth/password-strength";

export const email = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")).pipe(z.string().max(254));
export const personName = z.string().trim().min(1, "Enter a name").max(120, "Use at most 120 characters");
/**
 * Every password a console user chooses, wherever they choose it. Long passphrases welcome;
 * common, breached and patterned ones refused; the upper bound keeps hashing cheap to refuse.
 */
export const newPassword = z
  .string()
  .min(12, "Use at least 12 characters")
  .max(256, "Use at most 256 characters")
  .superRefine((password, ctx) => {
    if (password.length < 12 || password.length > 256) return;
    const { score, feedback } = estimatePassword(password);
    if (score >= MIN_PASSWORD_SCORE) return;
    const why = feedback.warning ? `${feedback.warning.replace(/\.$/, "")}. ` : "";
    ctx.addIssue({ code: "custom", message: `${why}Choose a less common password, such as a few unrelated words.` });
  });
export const memberRole = z.enum(memberRoles, { error: "Choose admin, support or viewer" });

