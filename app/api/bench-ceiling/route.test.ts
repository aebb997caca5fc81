import { afterEach, describe, expect, it, vi } from "vitest";

/** lib/env reads the environment once per process: a fresh module per case. */
async function ceilingWith(value: string | undefined) {
  vi.resetModules();
  vi.stubEnv("BENCH_CEILING", value);
  return (await import("./route")).GET;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the benchmark's ceiling route", () => {
  it("is not found unless the server started with BENCH_CEILING=1", async () => {
    expect((await ceilingWith(undefined))().status).toBe(404);
    expect((await ceilingWith(""))().status).toBe(404);
  });

  it("answers 200 with a tiny body when BENCH_CEILING=1", async () => {
    const response = (await ceilingWith("1"))();
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok");
  });

  it("refuses any other value instead of guessing", async () => {
    await expect(ceilingWith("yes").then((get) => get())).rejects.toThrow(/BENCH_CEILING is 1 or unset/);
  });
});
