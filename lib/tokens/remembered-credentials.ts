import type { Db } from "@/db/client";
import type { TokenRow } from "./find-token-by-secret";

/** Secrets remembered per database; the oldest is forgotten first beyond this. */
const MAX_REMEMBERED = 1_000;
/** A remembered authentication older than this is not used (nor can its version have come round again). */
const MAX_AGE_MS = 60_000;

type Remembered = TokenRow & { at: number };

const memories = new WeakMap<Db, Map<string, Remembered>>();

function memoryOf(db: Db): Map<string, Remembered> {
  let memory = memories.get(db);
  if (!memory) memories.set(db, (memory = new Map()));
  return memory;
}

/**
 * The authentications this process made lately, by the hash of their secret, each with the
 * version of the token's and the integration's rows it read. A remembered one is only a
 * guess: a request may act on it only in a statement that confirms that version
 * (credentialsUnchanged), so a token revoked or an integration disabled or changed since
 * makes that statement do nothing, and the request is authenticated against the database.
 * What a write saves is the statement that would have checked the token first.
 */
export function rememberCredentials(db: Db, secretHash: string, row: TokenRow, now = Date.now()): void {
  const memory = memoryOf(db);
  memory.delete(secretHash);
  memory.set(secretHash, { token: row.token, integration: row.integration, version: row.version, at: now });
  if (memory.size > MAX_REMEMBERED) memory.delete(memory.keys().next().value!);
}

/** The authentication remembered for `secretHash`, unless there is none or it is too old. */
export function recallCredentials(db: Db, secretHash: string, now = Date.now()): TokenRow | undefined {
  const memory = memoryOf(db);
  const remembered = memory.get(secretHash);
  if (!remembered) return undefined;
  if (now - remembered.at > MAX_AGE_MS) {
    memory.delete(secretHash);
    return undefined;
  }
  return remembered;
}

export function forgetCredentials(db: Db, secretHash: string): void {
  memoryOf(db).delete(secretHash);
}

/**
 * Remembered credentials a request acts on: the one write it may do must confirm them
 * (credentialsUnchanged) and set `confirmed`. A request whose credentials were not confirmed
 * has done nothing, and is authenticated against the database and run again, whatever it
 * answered meanwhile.
 */
export type UnconfirmedCredentials = { secretHash: string; version: string; confirmed: boolean };

/** Thrown by a write that cannot confirm remembered credentials in its own statement. */
export class CredentialsNotConfirmed extends Error {
  constructor() {
    super("The request's remembered credentials must be read from the database first");
  }
}
