import { describe, expect, it } from "vitest";
import { isFailedRequest, isRoutineOutcome, requestOutcome } from "./request-outcome";

const id = "6f1c9a51-6c0a-4a9e-9a57-2f2d0c1b7e11";

describe("requestOutcome", () => {
  it.each([
    ["a 404 when Entra reads a user by id after a delete", "GET", `/k3y/Users/${id}`, 404, "routine"],
    ["a 404 when a client deletes a user already gone", "DELETE", `/Users/${id}`, 404, "routine"],
    ["a 404 on a group read by id", "GET", `/k3y/Groups/${id}`, 404, "routine"],
    ["an empty lookup by filter, which answers 200", "GET", "/k3y/Users", 200, "success"],
    ["a creation", "POST", "/k3y/Users", 201, "success"],
    ["a 404 on a PATCH: the change was lost", "PATCH", `/k3y/Users/${id}`, 404, "failure"],
    ["a 404 on a list endpoint: a wrong Tenant URL", "GET", "/k3y/Users", 404, "failure"],
    ["a 409 conflict", "POST", "/k3y/Users", 409, "failure"],
    ["a 401 refusal", "GET", `/k3y/Users/${id}`, 401, "failure"],
    ["a 500", "GET", `/k3y/Users/${id}`, 500, "failure"],
  ])("%s is %s", (_, method, path, status, outcome) => {
    const request = { method, path, status };
    expect(requestOutcome(request)).toBe(outcome);
    expect(isRoutineOutcome(request)).toBe(outcome === "routine");
    expect(isFailedRequest(request)).toBe(outcome === "failure");
  });
});
