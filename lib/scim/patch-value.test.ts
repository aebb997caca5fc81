import { describe, expect, it } from "vitest";
import { normalizeValue } from "./normalize";
import { coerceSingle } from "./patch-value";
import type { AttributeDef } from "./schemas/types";
import { userSchemas } from "./schemas/lookup";
import { validateResource } from "./validate";

const def = (type: AttributeDef["type"]): AttributeDef =>
  ({ name: "x", description: "", type, multiValued: false, required: false, caseExact: false, mutability: "readWrite", returned: "default", uniqueness: "none" });

/** User schemas with one dateTime attribute a client may write. */
const withHiredAt = {
  ...userSchemas,
  core: { ...userSchemas.core, attributes: [...userSchemas.core.attributes, { ...def("dateTime"), name: "hiredAt" }] },
};

/** True when a POST/PUT body accepts `value` for a dateTime. */
function bodyAcceptsDateTime(value: unknown): boolean {
  try {
    validateResource({ schemas: [userSchemas.core.id], userName: "u", hiredAt: value }, withHiredAt, { mode: "create" });
    return true;
  } catch {
    return false;
  }
}

function patchAccepts(type: AttributeDef["type"], value: unknown): boolean {
  try {
    coerceSingle(def(type), value, "x");
    return true;
  } catch {
    return false;
  }
}

describe("PATCH values follow the body's rules", () => {
  it.each([
    ["2024-01-31T12:00:00Z", true],
    ["2024-01-31T12:00:00.1234567-07:00", true],
    ["2024-01-31T12:00:00", true],
    ["2024-02-30T00:00:00Z", false],
    ["2024-01-31", false],
    ["Jan 31 2024", false],
    ["0000-01-01T00:00:00Z", false],
  ])("dateTime %s is accepted: %s, by PATCH and by POST alike", (value, accepted) => {
    expect(patchAccepts("dateTime", value)).toBe(accepted);
    expect(bodyAcceptsDateTime(value)).toBe(accepted);
  });

  it.each([
    ["True", true],
    [" false ", false],
    [true, true],
  ])("Entra's boolean %j reads as %s in a PATCH value and in a body", (value, expected) => {
    expect(coerceSingle(def("boolean"), value, "x")).toBe(expected);
    expect(normalizeValue(def("boolean"), value)).toBe(expected);
  });

  it("refuses a boolean string that is neither true nor false", () => {
    expect(patchAccepts("boolean", "yes")).toBe(false);
    expect(normalizeValue(def("boolean"), "yes")).toBe("yes");
  });
});
