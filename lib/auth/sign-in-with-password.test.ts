import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { createConsoleUser } from "@/lib/members/create-console-user";
import { signInWithPassword } from "./sign-in-with-password";
import { throttleRules } from "./sign-in-throttle";

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

const password = "correct horse battery staple";
const accountRule = throttleRules.account;
const addressRule = throttleRules.address;

async function someone() {
  const email = `owner-${uniqueSuffix()}@example.test`;
  await createConsoleUser(database.db, { email, name: "Owner", password, isStaff: true });
  return email;
}
const address = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const later = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);

function attempt(email: string, pass: string, sourceAddress: string | null, now: Date) {
  return signInWithPassword(database.db, { email, password: pass, sourceAddress }, now);
}

describe("signInWithPassword", () => {
  it(`slows an account down after ${accountRule.freeFailures} failures from any addresses, doubling the wait`, async () => {
    const email = await someone();
    const t0 = new Date();
    for (let i = 0; i < accountRule.freeFailures; i++) {
      expect(await attempt(email, `wrong ${i}`, address(), t0)).toEqual({ ok: false, reason: "invalid" });
    }
    // Even the right password, from a fresh address, waits: a throttled attempt checks nothing.
    expect(await attempt(email, password, address(), t0)).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 2 });
    const t1 = later(t0, 2);
    expect(await attempt(email, "wrong again", address(), t1)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(email, password, address(), t1)).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 4 });
    expect((await attempt(email, password, address(), later(t1, 4))).ok).toBe(true);
    // Signed in: the account starts afresh.
    expect(await attempt(email, "wrong once", address(), later(t1, 4))).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(email, "wrong twice", address(), later(t1, 4))).toEqual({ ok: false, reason: "invalid" });
  });

  it("never keeps the owner out for longer than the account's cap, however long the attack goes on", async () => {
    const email = await someone();
    const attacker = address();
    let now = new Date();
    const waits: number[] = [];
    for (let i = 0; i < 30 && waits.filter((w) => w === accountRule.capSeconds).length < 2; i++) {
      const result = await attempt(email, `guess ${i}`, null, now);
      if (result.ok === false && result.reason === "throttled") {
        waits.push(result.retryAfterSeconds);
        now = later(now, result.retryAfterSeconds);
      }
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 60, 60]);
    expect(await attempt(email, "one more guess", attacker, now)).toEqual({ ok: false, reason: "invalid" });
    // The owner, elsewhere, waits at most the cap, and then gets in while the attack goes on.
    expect(await attempt(email, password, address(), now)).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 60 });
    expect((await attempt(email, password, address(), later(now, accountRule.capSeconds))).ok).toBe(true);
  });

  it(`slows down an address after ${addressRule.freeFailures} failures across accounts, and no other address`, async () => {
    const attacker = address();
    const owner = await someone();
    const t0 = new Date();
    for (let i = 0; i < addressRule.freeFailures; i++) {
      expect(await attempt(`guess-${i}-${uniqueSuffix()}@example.test`, "password1234", attacker, t0)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await attempt(owner, password, attacker, t0)).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 2 });
    expect((await attempt(owner, password, address(), t0)).ok).toBe(true);
  });

  it("answers an unknown email exactly as a known one, attempt after attempt", async () => {
    const known = await someone();
    const unknown = `nobody-${uniqueSuffix()}@example.test`;
    const t0 = new Date();
    const run = async (email: string) => {
      const results = [];
      for (const seconds of [0, 0, 0, 0, 0, 0, 1, 2, 2, 5]) results.push(await attempt(email, "not it", null, later(t0, seconds)));
      return results;
    };
    const knownAnswers = await run(known);
    expect(knownAnswers.some((r) => r.ok === false && r.reason === "throttled")).toBe(true);
    expect(await run(unknown)).toEqual(knownAnswers);
  });

  it("counts every attempt of a parallel burst, so none slips past the limit", async () => {
    const email = await someone();
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(email, `burst ${i}`, null, now)));
    expect(results.filter((r) => r.ok === false && r.reason === "invalid")).toHaveLength(accountRule.freeFailures);
  });

  it("forgets failures after an hour without one", async () => {
    const email = await someone();
    const t0 = new Date(Date.now() + 24 * 3600 * 1000);
    for (let i = 0; i < accountRule.freeFailures - 1; i++) await attempt(email, `old ${i}`, null, t0);
    const t1 = later(t0, 61 * 60);
    for (let i = 0; i < accountRule.freeFailures - 1; i++) {
      expect(await attempt(email, `new ${i}`, null, t1)).toEqual({ ok: false, reason: "invalid" });
    }
  });
});
