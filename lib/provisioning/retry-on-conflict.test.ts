import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, retryOnConflict } from "./retry-on-conflict";

const deadlock = () => Object.assign(new Error("deadlock detected"), { code: "40P01" });

describe("retryOnConflict", () => {
  it("runs the work again after a deadlock and returns its result", async () => {
    let calls = 0;
    const result = await retryOnConflict(async () => {
      calls++;
      if (calls === 1) throw new Error("Failed query", { cause: deadlock() });
      return "done";
    });
    expect([result, calls]).toEqual(["done", 2]);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts`, async () => {
    let calls = 0;
    await expect(
      retryOnConflict(async () => {
        calls++;
        throw deadlock();
      }),
    ).rejects.toThrow("deadlock detected");
    expect(calls).toBe(MAX_ATTEMPTS);
  });

  it("never retries other errors", async () => {
    let calls = 0;
    await expect(
      retryOnConflict(async () => {
        calls++;
        throw Object.assign(new Error("unique"), { code: "23505" });
      }),
    ).rejects.toThrow("unique");
    expect(calls).toBe(1);
  });
});
