import { describe, expect, it } from "vitest";
import { ENTERPRISE_USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { profileAttributes } from "./profile-attributes";

describe("profileAttributes", () => {
  it("lists an extension it does not know as key and value, and the enterprise extension's extras", () => {
    const shown = profileAttributes({
      userName: "ada@acme.test",
      [ENTERPRISE_USER_SCHEMA]: { employeeNumber: 42, department: "Research", manager: "m-1", badgeColour: "blue" },
      "urn:example:params:scim:schemas:extension:badge:2.0:User": { badge: "A-17", desk: { floor: 3 } },
    });
    expect(shown.work).toEqual([
      { label: "Employee number", value: "42" },
      { label: "Department", value: "Research" },
    ]);
    expect(shown.manager).toEqual({ reference: "m-1", display: null });
    expect(shown.other).toEqual([
      { label: "enterprise.badgeColour", value: "blue" },
      { label: "badge:2.0:User.badge", value: "A-17" },
      { label: "badge:2.0:User.desk", value: "floor: 3" },
    ]);
  });

  it("leaves out what the page shows elsewhere and what it never shows", () => {
    const shown = profileAttributes({ id: "x", meta: { version: "W/1" }, password: "secret", groups: [{ value: "g" }], name: { givenName: "Ada" }, title: "Analyst" });
    expect(shown.other).toEqual([]);
    expect(shown.work).toEqual([{ label: "Title", value: "Analyst" }]);
  });
});
