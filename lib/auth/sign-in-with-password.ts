import { z } from "zod";
import type { Db } from "@/db/client";
import type { ConsoleUser } from "@/db/schema";
import { parseInput } from "@/lib/errors";
import { forgiveAttempt, reserveAttempt, throttleKeys } from "./sign-in-throttle";
import { verifyCredentials } from "./verify-credentials";

export const signInInput = z.object({
  email: z.string().trim().min(1, "Enter your email address").max(254).pipe(z.email("Enter a valid email address")),
  password: z.string().min(1, "Enter your password").max(256, "That password is too long"),
});

export type SignInResult =
  | { ok: true; user: ConsoleUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * A sign-in attempt, throttled per typed email and per source address. Known and unknown
 * emails go through the same counters and answers, so no answer tells whether an account exists.
 */
export async function signInWithPassword(
  db: Db,
  raw: z.input<typeof signInInput> & { sourceAddress: string | null },
  now: Date = new Date(),
): Promise<SignInResult> {
  const input = parseInput(signInInput, raw);
  const keys = throttleKeys(input.email, raw.sourceAddress);
  const reservation = await reserveAttempt(db, keys, now);
  if (!reservation.ok) return { ok: false, reason: "throttled", retryAfterSeconds: reservation.retryAfterSeconds };
  const result = await verifyCredentials(db, input.email, input.password);
  if (result.ok) await forgiveAttempt(db, keys);
  return result;
}
