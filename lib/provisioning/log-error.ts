import { inspect } from "node:util";

/**
 * Control characters, and the Unicode line and paragraph separators, as escapes: a value a
 * client sent (a filter with "\n", a query echoed in a database error) then cannot start a
 * line of its own in the server log and pass for another entry.
 */
export function escapeForLog(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) =>
    char === "\n" ? "\\n" : `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** One line per error: the request id, what failed, and the error (stack included), escaped. */
export function logScimError(requestId: string, what: string, error: unknown): void {
  console.error(`[scim ${requestId}] ${what}: ${escapeForLog(inspect(error, { depth: 4, breakLength: Infinity }))}`);
}
