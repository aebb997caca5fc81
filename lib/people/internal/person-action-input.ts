import { z } from "zod";

/** Why the action was taken: optional, shown in History, at most 500 characters. */
export const reasonField = z
  .string()
  .trim()
  .max(500, "Keep the reason under 500 characters.")
  .nullish()
  .transform((reason) => reason || null);

/**
 * The person an action is about. `version` is the one the console page showed: an action
 * posted again after the person changed (a replay, a second tab) is refused, not re-applied.
 */
export const personActionInput = z.object({
  personId: z.string().min(1, "Say which person."),
  reason: reasonField,
  version: z.coerce.number().int().positive().optional(),
});
export type PersonActionInput = z.input<typeof personActionInput>;
