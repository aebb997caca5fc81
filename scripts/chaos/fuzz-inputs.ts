/**
 * The hostile pieces the fuzz cases are made of: bodies, filters and query strings, headers,
 * path segments and Authorization values. Each piece is named, so a 5xx in the report says
 * which piece caused it. All sizes are bounded (the largest body is 2 MiB).
 */
import { randomUUID } from "node:crypto";
import { GROUP_SCHEMA, PATCH_SCHEMA, USER_SCHEMA } from "./scim-client";
import type { Installation } from "./setup";

export type Named<T> = { name: string; value: T };
const named = <T>(name: string, value: T): Named<T> => ({ name, value });

const MiB = 1024 * 1024;
const deepArray = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + "1" + "}".repeat(depth);

/** Strings that have broken parsers, databases and terminals before. */
export const oddStrings: Named<string>[] = [
  named("emoji", "chaos-😀-👩‍👩‍👧"),
  named("rtl", "‮evil‬@acme.test"),
  named("zero-width", "a\u200bb\u200dc\ufeff"),
  named("combining", "e\u0301\u0301\u0301\u0301"),
  named("nul", "nul\u0000byte"),
  named("control", "ctl\u0001\u0007\u001b[31m\u007f"),
  named("lone-surrogate", "lone\ud800"),
  named("sql", "x' OR '1'='1'; drop table people;--"),
  named("like-wildcards", "%_\\%"),
  named("long-8k", "L".repeat(8_000)),
  named("newlines", "line1\r\nline2\nX-Injected: 1"),
  named("html", "<script>alert(1)</script>"),
  named("empty", ""),
  named("whitespace", "   \t  "),
];

export function userBody(userName: string): Record<string, unknown> {
  return {
    schemas: [USER_SCHEMA],
    userName,
    displayName: userName,
    name: { givenName: userName, familyName: "Fuzz" },
    emails: [{ value: `${randomUUID()}@fuzz.test`, type: "work", primary: true }],
    active: true,
  };
}

export function groupBody(displayName: string, members: string[]): Record<string, unknown> {
  return { schemas: [GROUP_SCHEMA], displayName, members: members.map((value) => ({ value })) };
}

export function patchBody(operations: unknown[]): Record<string, unknown> {
  return { schemas: [PATCH_SCHEMA], Operations: operations };
}

let generic: Named<string | Buffer>[] | undefined;

/** Bodies for any write, whatever the endpoint: malformed, huge, deep, mistyped (built once). */
export function genericBodies(): Named<string | Buffer>[] {
  return (generic ??= [
    named("truncated-json", '{"schemas":["urn:ietf:params:scim'),
    named("single-quotes", "{'userName':'x'}"),
    named("trailing-comma", '{"userName":"x",}'),
    named("json-null", "null"),
    named("json-array", "[]"),
    named("json-number", "1e400"),
    named("json-string", '"just a string"'),
    named("json-true", "true"),
    named("deep-array-1k", deepArray(1_000)),
    named("deep-array-100k", deepArray(100_000)),
    named("deep-object-10k", deepObject(10_000)),
    named("body-2MiB", `{"userName":"${"a".repeat(2 * MiB)}"}`),
    named("body-1MiB-plus-1", `{"u":"${"a".repeat(MiB - 7)}"}`),
    named("invalid-utf8", Buffer.concat([Buffer.from('{"userName":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('"}')])),
    named("bom", `\ufeff${JSON.stringify(userBody(`bom-${randomUUID()}`))}`),
    named("nul-raw", '{"userName":"a\u0000b"}'),
    named("escaped-nul", '{"userName":"a\\u0000b","schemas":["urn:ietf:params:scim:schemas:core:2.0:User"]}'),
    named("escaped-lone-surrogate", '{"userName":"a\\ud800b","schemas":["urn:ietf:params:scim:schemas:core:2.0:User"]}'),
    named("proto-pollution", '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}},"userName":"proto"}'),
    named("duplicate-keys", '{"userName":"dup1","userName":"dup2","schemas":["urn:ietf:params:scim:schemas:core:2.0:User"]}'),
    named("wrong-types", JSON.stringify({ schemas: "User", userName: 42, active: "maybe", emails: "x", name: [] })),
    named("many-keys", JSON.stringify(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i])))),
    named("empty-object", "{}"),
    named("whitespace-only", "   \n  "),
    named("form-encoded", "userName=x&active=true"),
    named("xml", "<User><userName>x</userName></User>"),
  ]);
}

/** Bodies shaped for the endpoint, so they get past the first checks and reach deeper code. */
export function shapedBodies(kind: "Users" | "Groups" | "patch" | "search", odd: string, ids: string[]): Named<string>[] {
  const json = (name: string, value: unknown) => named(name, JSON.stringify(value));
  switch (kind) {
    case "Users":
      return [
        json("user-odd-userName", userBody(odd)),
        json("user-odd-everywhere", { ...userBody(`${odd}-${randomUUID()}`), displayName: odd, title: odd, name: { givenName: odd } }),
        json("user-active-string", { ...userBody(`s-${randomUUID()}`), active: "False" }),
        json("user-1000-emails", { ...userBody(`e-${randomUUID()}`), emails: Array.from({ length: 1000 }, (_, i) => ({ value: `${i}@x.test` })) }),
        json("user-unknown-schema", { ...userBody(`u-${randomUUID()}`), schemas: ["urn:nope"], "urn:nope": { x: 1 } }),
        json("user-manager-odd", { ...userBody(`m-${randomUUID()}`), "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { manager: { value: odd } } }),
        json("user-read-only", { ...userBody(`r-${randomUUID()}`), id: "forced-id", meta: { version: 'W/"1"' }, groups: [{ value: ids[0] }] }),
      ];
    case "Groups":
      return [
        json("group-odd-name", groupBody(odd, ids.slice(0, 2))),
        json("group-bad-members", groupBody(`g-${randomUUID()}`, ["not-a-uuid", randomUUID(), odd])),
        json("group-5000-members", groupBody(`big-${randomUUID()}`, Array.from({ length: 5000 }, () => randomUUID()))),
        json("group-members-not-array", { schemas: [GROUP_SCHEMA], displayName: `x-${randomUUID()}`, members: { value: ids[0] } }),
      ];
    case "patch":
      return [
        json("patch-odd-value", patchBody([{ op: "replace", path: "displayName", value: odd }])),
        json("patch-unknown-op", patchBody([{ op: "explode", path: "displayName", value: "x" }])),
        json("patch-bad-path", patchBody([{ op: "replace", path: 'emails[type eq "work"', value: "x" }])),
        json("patch-odd-path", patchBody([{ op: "replace", path: odd, value: "x" }])),
        json("patch-filter-path", patchBody([{ op: "remove", path: `members[value eq "${odd}"]` }])),
        json("patch-no-path-scalar", patchBody([{ op: "add", value: "scalar" }])),
        json("patch-1001-ops", patchBody(Array.from({ length: 1001 }, () => ({ op: "replace", path: "displayName", value: "x" })))),
        json("patch-ops-object", { schemas: [PATCH_SCHEMA], Operations: { op: "replace" } }),
        json("patch-members-odd", patchBody([{ op: "add", path: "members", value: [{ value: odd }, { value: randomUUID() }] }])),
        json("patch-active-string", patchBody([{ op: "Replace", value: { active: "False" } }])),
        json("patch-deep-value", patchBody([{ op: "replace", path: "displayName", value: JSON.parse(deepObject(100)) }])),
      ];
    case "search":
      return [
        json("search-odd-filter", { schemas: ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"], filter: `userName eq "${odd}"` }),
        json("search-bad-paging", { schemas: ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"], startIndex: -5, count: 1e12 }),
        json("search-attributes-odd", { schemas: ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"], attributes: [odd, "emails[type eq 1]"] }),
      ];
  }
}

/** Query strings, raw (not re-encoded): the fuzzer controls every byte after the `?`. */
export function queries(odd: string): Named<string>[] {
  // A lone surrogate has no UTF-8 form (encodeURIComponent throws); it goes as U+FFFD.
  const enc = (text: string) => encodeURIComponent(text.toWellFormed());
  return [
    named("filter-odd-literal", `filter=${enc(`userName eq "${odd}"`)}`),
    named("filter-unterminated", `filter=${enc('userName eq "x')}`),
    named("filter-unquoted", `filter=${enc("userName eq x")}`),
    named("filter-deep-parens", `filter=${enc("(".repeat(2_000) + 'userName eq "x"' + ")".repeat(2_000))}`),
    named("filter-deep-not", `filter=${enc("not(".repeat(500) + 'userName eq "x"' + ")".repeat(500))}`),
    named("filter-many-or", `filter=${enc(Array.from({ length: 300 }, (_, i) => `userName eq "${i}"`).join(" or "))}`),
    named("filter-complex", `filter=${enc('emails[type eq "work" and value co "@"] or name.givenName sw "%"')}`),
    named("filter-bad-date", `filter=${enc('meta.lastModified gt "2020-13-45T99:00:00Z"')}`),
    named("filter-number-overflow", `filter=${enc("userName eq 1e999")}`),
    named("filter-unknown-attribute", `filter=${enc('password eq "x"')}`),
    named("filter-pct-nul", "filter=userName%20eq%20%22a%00b%22"),
    named("filter-raw-control", "filter=userName eq \u0001\u001b"),
    named("filter-bad-escape", "filter=userName%20eq%20%ZZ"),
    named("filter-lone-percent", "filter=%"),
    named("filter-overlong-utf8", "filter=userName%20eq%20%22%c0%af%22"),
    named("filter-long-6k", `filter=${enc(`userName eq "${"x".repeat(6_000)}"`)}`),
    named("filter-repeated", `filter=${enc('userName eq "a"')}&filter=${enc("(((")}`),
    named("paging-negative", "startIndex=-1&count=-1"),
    named("paging-huge", "startIndex=99999999999999999999&count=100000000"),
    named("paging-nan", "startIndex=abc&count=1.5"),
    named("sort-odd", `sortBy=${enc(odd)}&sortOrder=sideways`),
    named("attributes-odd", `attributes=${enc(odd)}&excludedAttributes=${enc("id,schemas,meta")}`),
    named("attributes-filter", `attributes=${enc('emails[type eq "work"]')}`),
  ];
}

/** Replacements for an id (or app key) segment of the path, written raw. */
export const pathSegments: Named<string>[] = [
  named("pct-ZZ", "%ZZ"),
  named("lone-pct", "%"),
  named("pct-nul", "%00"),
  named("dot-dot", ".."),
  named("traversal", "../../../../etc/passwd"),
  named("encoded-traversal", "..%2f..%2f..%2fetc%2fpasswd"),
  named("overlong-utf8", "%c0%ae%c0%ae%c0%af"),
  named("sql", "'%20OR%20'1'='1"),
  named("long-5k", "x".repeat(5_000)),
  named("raw-unicode", "ünï😀"),
  named("pct-emoji", "%F0%9F%98%80"),
  named("pct-surrogate", "%ED%A0%80"),
  named("random-uuid", randomUUID()),
  named("uppercase-uuid", randomUUID().toUpperCase()),
  named("extra-segments", "a/b/c/d"),
  named("double-slash", "/"),
  named("semicolon", "x;jsessionid=1"),
  named("dot-search", ".search"),
];

/** Authorization header values, the valid ones among them; `undefined` sends none. */
export function authorizations(installed: Installation): (Named<string | undefined> & { valid: boolean })[] {
  const { acme, globex } = installed;
  const basic = (s: string) => `Basic ${Buffer.from(s, "utf8").toString("base64")}`;
  const auth = (name: string, value: string | undefined, valid = false) => ({ name, value, valid });
  return [
    auth("none", undefined),
    auth("valid-bearer", `Bearer ${acme.token}`, true),
    auth("valid-basic", basic(`${acme.appKey}:${acme.token}`), true),
    auth("bearer-empty", "Bearer"),
    auth("bearer-garbage", `Bearer ${randomUUID()}${randomUUID()}`),
    auth("bearer-other-tenant", `Bearer ${globex.token}`),
    auth("basic-wrong-app-key", basic(`${globex.appKey}:${acme.token}`)),
    auth("basic-wrong-secret", basic(`${acme.appKey}:wrong-${randomUUID()}`)),
    auth("basic-not-base64", "Basic !!!not*base64***"),
    auth("basic-no-colon", basic(acme.token)),
    auth("basic-empty-key", basic(`:${acme.token}`)),
    auth("bearer-huge", `Bearer ${"t".repeat(64 * 1024)}`),
    auth("bearer-control", `Bearer tok\u0001en\u007f`),
    auth("bearer-nul", `Bearer tok\u0000en`),
    auth("bearer-unicode", "Bearer ☃☃☃"),
    auth("scheme-unicode", "Ünïcödé x"),
    auth("digest", 'Digest username="admin", realm="SCIM"'),
    auth("bearer-token-twice", `Bearer ${acme.token} ${acme.token}`),
    auth("lowercase-scheme", `bearer ${randomUUID()}`),
  ];
}

/** Extra headers that stress the HTTP layer and the app's header handling. */
export const headerSets: Named<[string, string][]>[] = [
  named("content-type-text", [["Content-Type", "text/plain"]]),
  named("content-type-form", [["Content-Type", "application/x-www-form-urlencoded"]]),
  named("content-type-multipart", [["Content-Type", "multipart/form-data; boundary=x"]]),
  named("content-type-utf16", [["Content-Type", "application/scim+json; charset=utf-16"]]),
  named("content-type-garbage", [["Content-Type", "\u0001;;;=="]]),
  named("request-id-odd", [["X-Request-Id", "../../etc/passwd"]]),
  named("request-id-long", [["X-Request-Id", "r".repeat(4_000)]]),
  named("request-id-unicode", [["X-Request-Id", "ïd-😀"]]),
  named("if-match-garbage", [["If-Match", 'W/"not-a-version'], ["If-None-Match", "*"]]),
  named("accept-odd", [["Accept", "application/xml;q=2, */*;q=-1"]]),
  named("control-in-value", [["X-Custom", "a\u0001b\u007fc"]]),
  named("nul-in-value", [["X-Custom", "a\u0000b"]]),
  named("unicode-value", [["X-Custom", "ünïcødé-😀"]]),
  named("huge-header-20k", [["X-Huge", "h".repeat(20_000)]]),
  named("many-headers", Array.from({ length: 300 }, (_, i): [string, string] => [`X-H${i}`, String(i)])),
  named("bad-header-name", [["Bad Header", "x"]]),
  named("forwarded-spoof", [["X-Forwarded-For", "1.2.3.4, 127.0.0.1"], ["X-Forwarded-Host", "evil.example"], ["Forwarded", "for=evil"]]),
  named("method-override", [["X-HTTP-Method-Override", "DELETE"]]),
];

/** Broken framing: each replaces the automatic Content-Length. */
export const framings: Named<[string, string][]>[] = [
  named("content-length-negative", [["Content-Length", "-1"]]),
  named("content-length-nan", [["Content-Length", "abc"]]),
  named("content-length-double", [["Content-Length", "2"], ["Content-Length", "3"]]),
  named("te-and-cl", [["Transfer-Encoding", "chunked"], ["Content-Length", "5"]]),
  named("te-bad-chunk", [["Transfer-Encoding", "chunked"]]),
];
