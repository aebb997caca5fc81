import pino, { type Logger } from "pino";
import { env } from "@/lib/env";

const state = globalThis as unknown as { scimConsoleLogger?: Logger };

/**
 * Lines reach stdout in writes of about 4 KiB, and at least once a second: a busy server
 * writes one line per SCIM request, and a write per line cost a system call each (about 4%
 * of the server's CPU during an initial sync). Each write is synchronous, as pino's default
 * destination's is, so the buffer is all that is ever pending: the process flushes it as it
 * exits, and a clean shutdown loses no line and keeps their order. (Written asynchronously, a
 * write still in flight at exit landed after the lines flushed then.) A killed process loses
 * at most the last second's lines.
 */
const BUFFERED_BYTES = 4096;
const FLUSH_INTERVAL_MS = 1000;

/**
 * The process's structured logger: one JSON object a line on stdout, at LOG_LEVEL. Callers
 * pass only what an operator may read: ids, methods, route patterns, statuses, timings;
 * never a userName, an email, a body or a credential.
 */
export function logger(): Logger {
  return (state.scimConsoleLogger ??= createLogger());
}

function createLogger(): Logger {
  const stdout = pino.destination({ dest: 1, sync: true, minLength: BUFFERED_BYTES, periodicFlush: FLUSH_INTERVAL_MS });
  // pino flushes on exit only a destination that writes asynchronously.
  process.on("exit", () => stdout.flushSync());
  return pino({ level: env().LOG_LEVEL }, stdout);
}

/** Sends the log elsewhere: a test reads the lines it writes. */
export function useLogger(replacement: Logger): void {
  state.scimConsoleLogger = replacement;
}
