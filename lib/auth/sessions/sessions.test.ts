import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { consoleSessions } from "@/db/schema";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { createConsoleUser } from "@/lib/members/create-console-user";
import { createSession } from "./create-session";
import { endAllSessions, endOtherSessions, endSessionByToken, endSessionOfUser } from "./end-sessions";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "./lifetimes";
import { listSessions } from "./list-sessions";
import { resolveSession } from "./resolve-session";
import { hashSessionToken } from "./session-token";

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

const origin = { sourceAddress: "192.0.2.7", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" };
const later = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);

async function someone() {
  return createConsoleUser(database.db, { email: `s-${uniqueSuffix()}@example.test`, name: "S", password: "correct horse battery staple", isStaff: true });
}

describe("console sessions", () => {
  it("stores only the token's hash, and finds the session and its user by the token", async () => {
    const user = await someone();
    const { token, session } = await createSession(database.db, user.id, origin);
    const [row] = await database.db.select().from(consoleSessions).where(eq(consoleSessions.id, session.id));
    expect(row.tokenHash).toBe(hashSessionToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row).toMatchObject(origin);
    expect((await resolveSession(database.db, token))?.user.id).toBe(user.id);
    expect(await resolveSession(database.db, `${token}x`)).toBeNull();
  });

  it("ends after the idle time without use, and writes last-seen at most once a minute", async () => {
    const user = await someone();
    const t0 = new Date();
    const { token, session } = await createSession(database.db, user.id, origin, t0);
    const soon = await resolveSession(database.db, token, later(t0, 30));
    expect(soon?.session.lastSeenAt).toEqual(t0);
    const t1 = later(t0, SESSION_IDLE_SECONDS - 10);
    expect((await resolveSession(database.db, token, t1))?.session.lastSeenAt).toEqual(t1);
    // Used just in time: the idle end moved on from the last use.
    expect(await resolveSession(database.db, token, later(t1, SESSION_IDLE_SECONDS - 10))).not.toBeNull();
    const [row] = await database.db.select().from(consoleSessions).where(eq(consoleSessions.id, session.id));
    expect(await resolveSession(database.db, token, later(row.lastSeenAt, SESSION_IDLE_SECONDS))).toBeNull();
  });

  it("ends at the absolute lifetime however busy", async () => {
    const user = await someone();
    const t0 = new Date();
    const { token } = await createSession(database.db, user.id, origin, t0);
    for (let t = SESSION_IDLE_SECONDS / 2; t < SESSION_ABSOLUTE_SECONDS; t += SESSION_IDLE_SECONDS / 2) {
      expect(await resolveSession(database.db, token, later(t0, t))).not.toBeNull();
    }
    expect(await resolveSession(database.db, token, later(t0, SESSION_ABSOLUTE_SECONDS))).toBeNull();
  });

  it("signs out: the token stops working, and only that session ends", async () => {
    const user = await someone();
    const one = await createSession(database.db, user.id, origin);
    const two = await createSession(database.db, user.id, origin);
    await endSessionByToken(database.db, one.token);
    expect(await resolveSession(database.db, one.token)).toBeNull();
    expect(await resolveSession(database.db, two.token)).not.toBeNull();
  });

  it("ends all other sessions but the one kept, and everywhere when asked", async () => {
    const user = await someone();
    const bystander = await someone();
    const kept = await createSession(database.db, user.id, origin);
    const other = await createSession(database.db, user.id, origin);
    const theirs = await createSession(database.db, bystander.id, origin);
    expect(await endOtherSessions(database.db, user.id, kept.session.id)).toBe(1);
    expect(await resolveSession(database.db, other.token)).toBeNull();
    expect(await resolveSession(database.db, kept.token)).not.toBeNull();
    expect(await endAllSessions(database.db, user.id)).toBe(1);
    expect(await resolveSession(database.db, kept.token)).toBeNull();
    expect(await resolveSession(database.db, theirs.token)).not.toBeNull();
  });

  it("lists a user's live sessions, and ends one of them only for its own user", async () => {
    const user = await someone();
    const stranger = await someone();
    const mine = await createSession(database.db, user.id, origin);
    const listed = await listSessions(database.db, user.id);
    expect(listed).toEqual([expect.objectContaining({ id: mine.session.id, ...origin })]);
    expect(await endSessionOfUser(database.db, stranger.id, { sessionId: mine.session.id })).toBe(false);
    expect(await resolveSession(database.db, mine.token)).not.toBeNull();
    expect(await endSessionOfUser(database.db, user.id, { sessionId: mine.session.id })).toBe(true);
    expect(await listSessions(database.db, user.id)).toEqual([]);
  });
});
