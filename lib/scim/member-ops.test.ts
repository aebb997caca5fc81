import { describe, expect, it } from "vitest";
import { ScimError } from "./errors";
import { entraGroupAddMembers, entraGroupRemoveMemberByFilter, entraGroupRemoveMembers } from "./fixtures/entra";
import { oktaGroupPatchMembers, oktaGroupPatchReplaceMembers } from "./fixtures/okta";
import { type MemberOperation, memberOperations } from "./member-ops";
import { normalizePatchRequest } from "./normalize";
import { type PatchOperation, applyPatch } from "./patch";
import { groupSchemas } from "./schemas/lookup";
import { GROUP_SCHEMA } from "./schemas/urns";

const patchOp = (...Operations: unknown[]) => ({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations });
const group = { schemas: [GROUP_SCHEMA], id: "g1", displayName: "Group" };

/** Runs a request body the way the service does: normalise, set members aside, translate. */
function membersOf(body: unknown): MemberOperation[] {
  const { externalOps } = applyPatch(group, normalizePatchRequest(body).operations, groupSchemas, { external: ["members"] });
  return memberOperations(externalOps);
}

const cases: Array<{ name: string; body: unknown; expected: MemberOperation[] }> = [
  {
    name: "adds the members Entra lists with $ref null (Entra, Update Group [Add Members])",
    body: entraGroupAddMembers,
    expected: [{ kind: "add", ids: ["f648f8d5ea4e4cd38e9c"] }],
  },
  {
    name: "adds the members of a path-less add",
    body: patchOp({ op: "add", value: { members: [{ value: "u1" }, { value: "u2" }] } }),
    expected: [{ kind: "add", ids: ["u1", "u2"] }],
  },
  {
    name: "removes only listed members when Entra sends Remove with a value array (Entra, Update Group [Remove Members])",
    body: entraGroupRemoveMembers,
    expected: [{ kind: "remove", ids: ["f648f8d5ea4e4cd38e9c"] }],
  },
  {
    name: "removes the member a value filter names (Entra compatibility page, with aadOptscim062020)",
    body: entraGroupRemoveMemberByFilter,
    expected: [{ kind: "remove", ids: ["7f4bc1a3-285e-48ae-8202-5accb43efb0e"] }],
  },
  {
    name: "removes the members of a filter made only of value eq joined by or",
    body: patchOp({ op: "remove", path: 'members[value eq "u1" or value eq "u2" or value eq "u1"]' }),
    expected: [{ kind: "remove", ids: ["u1", "u2"] }],
  },
  {
    name: "removes by filter then adds, in order (Okta, Update specific Group membership)",
    body: oktaGroupPatchMembers,
    expected: [
      { kind: "remove", ids: ["89bb1940-b905-4575-9e7f-6f887cfb368e"] },
      { kind: "add", ids: ["23a35c27-23d3-4c03-b4c5-6443c09e7173"] },
    ],
  },
  {
    name: "removes every member when remove names members without a value (RFC 7644 3.5.2.2)",
    body: patchOp({ op: "remove", path: "members" }),
    expected: [{ kind: "removeAll" }],
  },
  {
    name: "replaces the whole membership with Okta's full push (Okta, Update specific Group membership)",
    body: oktaGroupPatchReplaceMembers,
    expected: [{ kind: "replace", ids: ["23a35c27-23d3-4c03-b4c5-6443c09e7173", "89bb1940-b905-4575-9e7f-6f887cfb368e"] }],
  },
  {
    name: "replaces the membership from a path-less replace with a members key, the rest applied to the group",
    body: patchOp({ op: "replace", value: { displayName: "Renamed", members: [{ value: "u3", display: "Three" }] } }),
    expected: [{ kind: "replace", ids: ["u3"] }],
  },
  {
    name: "empties the membership when replace carries an empty array (RFC 7643 2.5)",
    body: patchOp({ op: "replace", path: "members", value: [] }),
    expected: [{ kind: "replace", ids: [] }],
  },
  {
    name: "collapses an id listed twice in one operation",
    body: patchOp({ op: "add", path: "members", value: [{ value: "u1" }, { value: "u1" }, { value: "u2" }] }),
    expected: [{ kind: "add", ids: ["u1", "u2"] }],
  },
  {
    name: "reads members written with the Group schema URN and another case",
    body: patchOp({ op: "Add", path: `${GROUP_SCHEMA}:Members`, value: [{ Value: "u1" }] }),
    expected: [{ kind: "add", ids: ["u1"] }],
  },
  {
    name: "does nothing for an add or a remove listing no member",
    body: patchOp({ op: "add", path: "members", value: [] }, { op: "remove", path: "members", value: [] }),
    expected: [],
  },
];

describe("memberOperations translates", () => {
  it.each(cases)("$name", ({ body, expected }) => {
    expect(membersOf(body)).toEqual(expected);
  });

  it("translates a path-less operation handed to it directly", () => {
    expect(memberOperations([{ op: "add", value: { Members: [{ value: "u1" }] } }])).toEqual([{ kind: "add", ids: ["u1"] }]);
  });
});

const refusals: Array<{ name: string; operations: PatchOperation[]; scimType: string }> = [
  { name: "refuses a member without value on add", operations: [{ op: "add", path: "members", value: [{ display: "No id" }] }], scimType: "invalidValue" },
  { name: "refuses a member without value on remove, never removing all", operations: [{ op: "remove", path: "members", value: [{ $ref: null }] }], scimType: "invalidValue" },
  { name: "refuses a member without value on replace", operations: [{ op: "replace", path: "members", value: [{ value: "" }] }], scimType: "invalidValue" },
  { name: "refuses a member id that is not a string", operations: [{ op: "add", path: "members", value: [{ value: 42 }] }], scimType: "invalidValue" },
  { name: "refuses a members filter other than value eq", operations: [{ op: "remove", path: 'members[display eq "One"]' }], scimType: "invalidPath" },
  { name: "refuses a members filter joined by and", operations: [{ op: "remove", path: 'members[value eq "u1" and value eq "u2"]' }], scimType: "invalidPath" },
  { name: "refuses a filter on add", operations: [{ op: "add", path: 'members[value eq "u1"]', value: [{ value: "u1" }] }], scimType: "invalidPath" },
  { name: "refuses a member sub-attribute path (RFC 7643 4.2, immutable)", operations: [{ op: "replace", path: 'members[value eq "u1"].display', value: "x" }], scimType: "invalidPath" },
  { name: "refuses a path that is not members", operations: [{ op: "add", path: "displayName", value: "x" }], scimType: "invalidPath" },
  { name: "refuses a path-less operation without members", operations: [{ op: "add", value: { displayName: "x" } }], scimType: "invalidPath" },
];

describe("memberOperations refuses", () => {
  it.each(refusals)("$name", ({ operations, scimType }) => {
    let error: unknown;
    try {
      memberOperations(operations);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScimError);
    expect((error as ScimError).status).toBe(400);
    expect((error as ScimError).scimType).toBe(scimType);
  });
});
