import { describe, expect, it } from "vitest";
import { groupSchema } from "./group";
import { findAttribute, findSubAttribute } from "./lookup";

describe("Group schema (RFC 7643 section 4.2)", () => {
  const cases: Array<{ path: string; expected: Record<string, unknown> }> = [
    { path: "id", expected: { mutability: "readOnly", returned: "always", caseExact: true } },
    { path: "externalId", expected: { caseExact: true } },
    { path: "displayName", expected: { required: true, type: "string" } },
    { path: "members", expected: { type: "complex", multiValued: true, mutability: "readWrite" } },
    { path: "members.value", expected: { mutability: "immutable" } },
    { path: "members.$ref", expected: { type: "reference", referenceTypes: ["User", "Group"] } },
    { path: "members.display", expected: { type: "string" } },
    { path: "members.type", expected: { canonicalValues: ["User", "Group"] } },
  ];
  it.each(cases)("defines $path with its RFC characteristics", ({ path, expected }) => {
    const [name, sub] = path.split(".");
    const def = findAttribute(groupSchema, name);
    expect(sub && def ? findSubAttribute(def, sub) : def).toMatchObject(expected);
  });
});
