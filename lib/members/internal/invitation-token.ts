import { randomBytes } from "node:crypto";
import { z } from "zod";
import { hashSecret } from "@/lib/tokens/mint-token";

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

/** 32 random bytes: only the SHA-256 is stored, so a fast hash is safe and finds the row by index. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashSecret(token) };
}

/** What a link's token may look like; anything else is not worth a query. */
export const invitationToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This invitation link is not valid");

export function hashInvitationToken(token: string): string {
  return hashSecret(token);
}

export function invitationLink(appUrl: string, token: string): string {
  return `${appUrl}/invitations/${token}`;
}

/** One message for an unknown, expired, revoked or used link: which one it was helps nobody. */
export const INVALID_INVITATION =
  "This invitation link is not valid. It may have expired, been revoked or already been used; ask an admin for a new one.";
