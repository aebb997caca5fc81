import pino, { type Logger } from "pino";
import { env } from "@/lib/env";

const state = globalThis as unknown as { scimConsoleLogger?: Logger };

/**
 * Lines reach stdout in writes of about 4 KiB, and at least once a second: a busy server
 * writes one line per SCIM request, and a write per line cost a system call each (about 4%
 * of the server's CPU during an initial sync). pino flushes what is buffered when the process
 * exits, so a clean shutdown loses no line; a killed process loses at most the last second's.
 */
const BUFFERED_BYTES = 4096;
const FLUSH_INTERVAL_MS = 1000;

/**
 * The process's structured logger: one JSON object a line on stdout, at LOG_LEVEL. Callers
 * pass only what an operator may read: ids, methods, route patterns, statuses, timings;
 * never a userName, an email, a body or a credential.
 */
export function logger(): Logger {
  return (state.scimConsoleLogger ??= pino(
    { level: env().LOG_LEVEL },
    pino.destination({ dest: 1, minLength: BUFFERED_BYTES, periodicFlush: FLUSH_INTERVAL_MS }),
  ));
}

/** Sends the log elsewhere: a test reads the lines it writes. */
export function useLogger(replacement: Logger): void {
  state.scimConsoleLogger = replacement;
}
