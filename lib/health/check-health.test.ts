import { describe, expect, it } from "vitest";

describe("checkHealth", () => {
  it("reports the database unreachable when the server does not answer", async () => {
    process.env.DATABASE_URL = "postgres://nobody@127.0.0.1:1/none";
    const { checkHealth } = await import("./check-health");
    expect(await checkHealth()).toEqual({ status: "unavailable", database: "unreachable" });
  });
});
