const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A well-formed UUID, in any case. Ids from a URL or a request body are checked with it
 * before they reach a uuid column, so a malformed one is "not found", never a cast error.
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
