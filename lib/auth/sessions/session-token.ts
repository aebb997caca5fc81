import { createHash, randomBytes } from "node:crypto";

/** 256 random bits: the cookie's value, never stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps of a token. A fast hash is enough: the token is random, not a password. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
