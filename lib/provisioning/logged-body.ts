const SECRET_KEY = /password|secret|token/i;
/** Deeper parts of a logged body are cut off: the log needs the shape, not a hostile payload. */
const MAX_LOGGED_DEPTH = 16;
/** The most of one body the log keeps, counted in the redacted JSON text. */
export const MAX_LOGGED_BODY_BYTES = 64 * 1024;

export type LoggedBody = { body: unknown; truncated: boolean };

/**
 * The request body as logged: JSON with every password or secret value replaced, including
 * the value of a PATCH operation whose path names one (`"path": "password"`). A body that is
 * not JSON is not kept at all, only its size: in free text no rule finds every secret.
 */
export function redactBody(body: string | null): unknown {
  if (!body) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { notJson: `${Buffer.byteLength(body)} bytes, not kept: secrets in text that is not JSON cannot be found reliably` };
  }
  const redact = (value: unknown, depth: number): unknown => {
    if (depth > MAX_LOGGED_DEPTH) return "[nested too deeply]";
    if (typeof value === "string") return storable(value);
    if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
    if (value && typeof value === "object") {
      const secretPath = "path" in value && typeof value.path === "string" && SECRET_KEY.test(value.path);
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          storable(k),
          SECRET_KEY.test(k) || (secretPath && k.toLowerCase() === "value") ? "[redacted]" : redact(v, depth + 1),
        ]),
      );
    }
    return value;
  };
  return redact(parsed, 0);
}

/**
 * The redacted body, bounded: over MAX_LOGGED_BODY_BYTES of JSON text, the first that many
 * bytes of it are kept as a string and the entry is marked truncated.
 */
export function boundedBody(body: string | null): LoggedBody {
  const redacted = redactBody(body);
  if (redacted === null) return { body: null, truncated: false };
  const text = JSON.stringify(redacted);
  if (Buffer.byteLength(text) <= MAX_LOGGED_BODY_BYTES) return { body: redacted, truncated: false };
  const head = Buffer.from(text).subarray(0, MAX_LOGGED_BODY_BYTES).toString("utf8");
  // A character cut in two decodes as U+FFFD: drop it rather than store a wrong one.
  return { body: head.replace(/\ufffd$/, ""), truncated: true };
}

/** PostgreSQL text and jsonb take no NUL character and no lone surrogate. */
export function storable(text: string): string {
  return text.replaceAll("\u0000", "\ufffd").toWellFormed();
}
