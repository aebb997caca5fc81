import { describe, expect, it } from "vitest";
import { diffResources } from "./diff";
import { ENTERPRISE_USER_SCHEMA as EXT, USER_SCHEMA } from "./schemas/urns";

const BASE = {
  schemas: [USER_SCHEMA],
  id: "u-1",
  userName: "ann",
  active: true,
  name: { givenName: "Ann", familyName: "Lee" },
  emails: [
    { value: "ann@work", type: "work", primary: true },
    { value: "ann@home", type: "home" },
  ],
  meta: { version: 'W/"1"', lastModified: "2024-01-01T00:00:00Z" },
};

describe("diffResources", () => {
  const cases: Array<{ name: string; before: Record<string, unknown> | null; after: Record<string, unknown>; expected: unknown[] }> = [
    { name: "returns nothing for equal resources", before: BASE, after: structuredClone(BASE), expected: [] },
    {
      name: "ignores meta and schemas, which change on every write",
      before: BASE,
      after: { ...BASE, schemas: [USER_SCHEMA, EXT], meta: { version: 'W/"2"', lastModified: "2024-02-01T00:00:00Z" } },
      expected: [],
    },
    { name: "reports a deactivation as active", before: BASE, after: { ...BASE, active: false }, expected: [{ path: "active", before: true, after: false }] },
    {
      name: "reports a changed sub-attribute with a dotted path",
      before: BASE,
      after: { ...BASE, name: { givenName: "Anne", familyName: "Lee" } },
      expected: [{ path: "name.givenName", before: "Ann", after: "Anne" }],
    },
    {
      name: "reports each sub-attribute of a removed complex attribute",
      before: BASE,
      after: { ...BASE, name: undefined },
      expected: [
        { path: "name.familyName", before: "Lee" },
        { path: "name.givenName", before: "Ann" },
      ],
    },
    {
      name: "reports a multi-valued attribute whole",
      before: BASE,
      after: { ...BASE, emails: [{ value: "ann@new", type: "work", primary: true }] },
      expected: [{ path: "emails", before: BASE.emails, after: [{ value: "ann@new", type: "work", primary: true }] }],
    },
    { name: "treats reordered multi-valued values as unchanged", before: BASE, after: { ...BASE, emails: [...BASE.emails].reverse() }, expected: [] },
    { name: "treats null, [] and {} as absent", before: { ...BASE, title: null, phoneNumbers: [] }, after: { ...BASE, addresses: [], nickName: undefined, x: {} }, expected: [] },
    {
      name: "reports an extension attribute with its URN-qualified path",
      before: { ...BASE, [EXT]: { department: "Sales" } },
      after: { ...BASE, [EXT]: { department: "Ops", manager: { value: "m-1" } } },
      expected: [
        { path: `${EXT}:department`, before: "Sales", after: "Ops" },
        { path: `${EXT}:manager.value`, after: "m-1" },
      ],
    },
    {
      name: "sorts changes by path",
      before: BASE,
      after: { ...BASE, userName: "anne", active: false, displayName: "Anne" },
      expected: [
        { path: "active", before: true, after: false },
        { path: "displayName", after: "Anne" },
        { path: "userName", before: "ann", after: "anne" },
      ],
    },
    {
      name: "lists every field of a created resource when there is no before",
      before: null,
      after: { schemas: [USER_SCHEMA], id: "u-2", userName: "bob", name: { givenName: "Bob" } },
      expected: [
        { path: "id", after: "u-2" },
        { path: "name.givenName", after: "Bob" },
        { path: "userName", after: "bob" },
      ],
    },
  ];
  it.each(cases)("$name", ({ before, after, expected }) => {
    expect(diffResources(before, after)).toEqual(expected);
  });
});
