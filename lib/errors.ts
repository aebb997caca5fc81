import type { z } from "zod";

/**
 * Errors a service raises on purpose, with a message fit to show a person. Each code maps
 * to one HTTP status in one place; anything else that escapes is a bug (500, logged).
 */
const statusByCode = {
  bad_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  /** An /api/v1/events position older than what retention kept. */
  cursor_expired: 410,
} as const;

export type AppErrorCode = keyof typeof statusByCode;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** The form field the message belongs to, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

/**
 * A service's input, checked with the schema the service exports (the console action passes
 * the same schema to its wrapper). The first problem is the error, on the field it is about;
 * with `labels`, its message starts with the field's label ("Slug: Use at least 2 characters").
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, labels?: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.length ? String(issue.path[0]) : undefined;
  const label = field && labels?.[field];
  throw new AppError("bad_input", label ? `${label}: ${issue.message}` : issue.message, field);
}

/** The error at the end of `cause` links (five at most): the driver's own error under a query wrapper. */
export function innermostCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Error && current.cause !== undefined; depth++) current = current.cause;
  return current;
}

/** Postgres unique_violation (SQLSTATE 23505), as raised by both PGlite and postgres.js. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e = error as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23505") {
      return !constraint || e.constraint_name === constraint || e.constraint === constraint;
    }
  }
  return false;
}
