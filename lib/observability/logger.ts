import pino, { type Logger } from "pino";
import { env } from "@/lib/env";

const state = globalThis as unknown as { scimConsoleLogger?: Logger };

/**
 * The process's structured logger: one JSON object a line on stdout, at LOG_LEVEL. Callers
 * pass only what an operator may read: ids, methods, route patterns, statuses, timings;
 * never a userName, an email, a body or a credential.
 */
export function logger(): Logger {
  return (state.scimConsoleLogger ??= pino({ level: env().LOG_LEVEL }));
}

/** Sends the log elsewhere: a test reads the lines it writes. */
export function useLogger(replacement: Logger): void {
  state.scimConsoleLogger = replacement;
}
