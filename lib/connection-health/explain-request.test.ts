import { describe, expect, it } from "vitest";
import { explainRequest } from "./explain-request";

const row = (status: number, detail: string | null, method = "GET", scimType: string | null = null, path = "/app/Users/5f0c") => ({ method, path, status, detail, scimType });

describe("explainRequest", () => {
  it.each([
    ["a success", row(200, null), null],
    ["Entra's routine lookup of a missing id", row(404, "Resource not found"), null],
    ["a wrong token", row(401, "The token is not valid or has been revoked"), /^Wrong token/],
    ["another integration's token", row(401, "The token belongs to another integration than the one in the URL"), /^The token belongs to another integration/],
    ["a disabled integration", row(401, "The integration is disabled"), /^This integration is disabled/],
    ["an expired token", row(401, "The token has expired"), /^The token has expired/],
    ["no token", row(401, "Authorization header missing: send 'Bearer <secret token>'"), /^No token was sent/],
    ["a paused removal", row(409, "Deactivations and deletions from this integration are paused: more than 2", "DELETE"), /^The mass-change guard paused/],
    ["a conflict, by its own detail", row(409, 'userName "a@b" is already taken', "POST", "uniqueness"), /^userName "a@b" is already taken$/],
    ["Entra's DELETE of a person already gone", row(404, null, "DELETE"), null],
    ["a 404 on a path that names no resource", row(404, null, "GET", null, "/app/Widgets"), /^Answered 404\.$/],
  ])("explains %s", (_name, input, expected) => {
    const explanation = explainRequest(input);
    if (expected === null) expect(explanation).toBeNull();
    else expect(explanation).toMatch(expected);
  });
});
