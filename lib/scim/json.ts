/**
 * The JSON shapes SCIM bodies are made of, read the way RFC 7643 section 2.1 asks: attribute
 * names are case-insensitive, so every lookup by name goes through `keyOf`.
 */

export type JsonObject = Record<string, unknown>;

/** An object that is neither null nor an array: a JSON object or a complex value. */
export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The key of `obj` equal to `name` ignoring case. */
export function keyOf(obj: JsonObject, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.keys(obj).find((k) => k.toLowerCase() === wanted);
}

/** `obj[name]` ignoring the case of `name`; undefined when `obj` is not an object. */
export function getAttr(obj: unknown, name: string): unknown {
  if (!isPlainObject(obj)) return undefined;
  const key = keyOf(obj, name);
  return key === undefined ? undefined : obj[key];
}

/** Sets `name` under its canonical spelling, dropping a key spelt in another case. */
export function setAttr(obj: JsonObject, name: string, value: unknown): void {
  const key = keyOf(obj, name);
  if (key !== undefined && key !== name) delete obj[key];
  obj[name] = value;
}

export function deleteAttr(obj: JsonObject, name: string): void {
  const key = keyOf(obj, name);
  if (key !== undefined) delete obj[key];
}
