/**
 * Resource versioning with ETags (RFC 7644 section 3.14). A resource's version becomes the
 * weak validator `W/"<version>"`, sent as the ETag header and as meta.version.
 *
 * Comparison is weak for If-Match as well as If-None-Match: RFC 9110 section 13.1.1 asks for
 * strong comparison in If-Match, under which a weak tag never matches, yet RFC 7644 section
 * 3.14 has clients send the weak tags they were given (`If-Match: W/"e180ee84f0671b1"`).
 * Bare, unquoted tags are accepted too, as some clients send the version alone.
 */
export function etagFor(version: number | string): string {
  return `W/"${opaqueTag(String(version))}"`;
}

/** True when the request may proceed: no If-Match, `*`, or a listed tag names `version`. */
export function ifMatchSatisfied(header: string | null | undefined, version: number | string): boolean {
  const tags = parseTags(header);
  return tags === undefined || tags === "*" || tags.includes(opaqueTag(String(version)));
}

/**
 * True when the request may proceed: no If-None-Match, or no listed tag names `version`.
 * `*` matches any existing resource, so it is never satisfied here (RFC 9110 section 13.1.2);
 * for GET a false answer means 304 Not Modified, for writes 412 Precondition Failed.
 */
export function ifNoneMatchSatisfied(header: string | null | undefined, version: number | string): boolean {
  const tags = parseTags(header);
  if (tags === undefined) return true;
  return tags !== "*" && !tags.includes(opaqueTag(String(version)));
}

/** The opaque tags of a header, `*`, or undefined when the header is absent or blank. */
function parseTags(header: string | null | undefined): "*" | string[] | undefined {
  if (header === null || header === undefined || header.trim() === "") return undefined;
  const tags: string[] = [];
  for (const match of header.matchAll(/(?:W\/)?"([^"]*)"|([^\s,]+)/gi)) {
    const tag = match[1] ?? opaqueTag(match[2]);
    if (match[1] === undefined && tag === "*") return "*";
    tags.push(tag);
  }
  return tags;
}

/** `W/"3"`, `"3"` and `3` all name version 3. */
function opaqueTag(value: string): string {
  const unweak = value.trim().replace(/^W\//i, "");
  return unweak.length >= 2 && unweak.startsWith('"') && unweak.endsWith('"') ? unweak.slice(1, -1) : unweak;
}
