import { describe, expect, it } from "vitest";
import * as route from "./route";

describe("the SCIM route", () => {
  it("binds GET, POST, PUT, PATCH and DELETE to the one adapter", () => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"] as const) {
      expect(route[method], method).toBeTypeOf("function");
    }
    expect(new Set([route.GET, route.POST, route.PUT, route.PATCH, route.DELETE]).size).toBe(1);
  });
});
