/**
 * SCIM attribute values (RFC 7643 section 2.3) as short text an admin reads, never raw JSON:
 * multi-valued attributes one entry after another, a reference by its display, an address
 * as its lines, and any other complex value (an unknown extension's included) as
 * `key: value` pairs.
 */

const addressParts = ["streetAddress", "locality", "region", "postalCode", "country"] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function tagsOf(record: Record<string, unknown>): string[] {
  return [typeof record.type === "string" ? record.type : null, record.primary === true ? "primary" : null].filter((t): t is string => t !== null);
}

function withTags(text: string, record: Record<string, unknown>): string {
  const tags = tagsOf(record);
  return tags.length ? `${text} (${tags.join(", ")})` : text;
}

/** RFC 7643 section 4.1.2 addresses: `formatted` when sent, else the parts in reading order. */
export function readableAddress(record: Record<string, unknown>): string | null {
  if (typeof record.formatted === "string" && record.formatted.trim() !== "") return record.formatted.replace(/\s*\n\s*/g, ", ");
  const parts = addressParts.map((key) => record[key]).filter((v): v is string => typeof v === "string" && v.trim() !== "");
  return parts.length ? parts.join(", ") : null;
}

export function readableValue(value: unknown): string {
  if (value === undefined || value === null) return "∅";
  if (typeof value === "string") return value === "" ? '""' : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "[]" : value.map(readableValue).join("; ");
  if (!isRecord(value)) return String(value);
  if (typeof value.display === "string") return value.display;
  if (typeof value.value === "string") return withTags(value.value, value);
  const address = readableAddress(value);
  if (address) return withTags(address, value);
  const pairs = Object.entries(value)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([key, v]) => `${key}: ${readableValue(v)}`);
  return pairs.length ? pairs.join(", ") : "{}";
}
