import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeEvents, type ChangeEventRow } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { callApi } from "@/lib/api-v1/testing";
import { cliActor } from "@/lib/audit/record-audit";
import { provisionUsers } from "@/lib/groups/testing";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { eventIdOf } from "./event-cursor";
import { listChangeEvents } from "./list-change-events";
import { pruneChangeEvents } from "./prune-change-events";

let h: ScimHarness;
let keyA: string;
/** Tenant A's six events in feed order, and tenant B's one. */
let a: ChangeEventRow[];
let b: ChangeEventRow;

const LONG_AGO = new Date("2000-01-01T00:00:00Z");

beforeAll(async () => {
  h = await createScimHarness();
  keyA = (await createApiKey(h.db, h.a.tenant.id, { description: "Reader A" }, cliActor)).key;
  await provisionUsers(h, h.a.entra, 6, "feed");
  await provisionUsers(h, h.b.entra, 1, "other");
  const rows = await h.db.select().from(changeEvents).orderBy(asc(changeEvents.txId), asc(changeEvents.id));
  a = rows.filter((r) => r.tenantId === h.a.tenant.id);
  [b] = rows.filter((r) => r.tenantId === h.b.tenant.id);
  expect(a).toHaveLength(6);
});
afterAll(async () => {
  await h?.close();
});

/** Ages these events past retention and runs the prune as the hourly job does. */
async function prune(...events: ChangeEventRow[]) {
  await h.db.update(changeEvents).set({ createdAt: LONG_AGO }).where(inArray(changeEvents.id, events.map((e) => e.id)));
  const pruned = await pruneChangeEvents(h.db, { days: 30, now: new Date(LONG_AGO.getTime() + 31 * 86_400_000) });
  expect(pruned.events).toBe(events.length);
}

const readAfter = (event: ChangeEventRow | null, tenantId = h.a.tenant.id) => listChangeEvents(h.db, tenantId, { after: event ? eventIdOf(event) : undefined, limit: 100 });
const ids = (events: ChangeEventRow[]) => events.map(eventIdOf);

describe("a feed position older than retention", () => {
  it("answers 410 cursor_expired when events after it were pruned, and resumes when none were", async () => {
    await prune(a[0], a[1]);
    await expect(readAfter(a[0])).rejects.toMatchObject({ code: "cursor_expired", status: 410 });
    expect((await readAfter(a[1])).data.map((e) => e.id)).toEqual(ids(a.slice(2)));
    expect((await readAfter(null)).data.map((e) => e.id)).toEqual(ids(a.slice(2)));
  });

  it("answers 410 over HTTP with a message telling the reader where to start again", async () => {
    const res = await callApi(h.db, keyA, `/api/v1/events?after=${eventIdOf(a[0])}`, ({ db, tenantId, query }) => listChangeEvents(db, tenantId, query));
    expect(res.status).toBe(410);
    expect(res.body).toEqual({ code: "cursor_expired", message: expect.stringContaining("leave out after") });
  });

  it("is exact when retention prunes out of feed order, and the mark never moves back", async () => {
    await prune(a[3]);
    for (const stale of [a[1], a[2]]) await expect(readAfter(stale)).rejects.toMatchObject({ code: "cursor_expired" });
    expect((await readAfter(a[3])).data.map((e) => e.id)).toEqual(ids(a.slice(4)));
    await prune(a[2]);
    await expect(readAfter(a[2])).rejects.toMatchObject({ code: "cursor_expired" });
    expect((await readAfter(a[4])).data.map((e) => e.id)).toEqual(ids(a.slice(5)));
  });

  it("leaves another tenant's readers alone", async () => {
    expect((await readAfter(null, h.b.tenant.id)).data.map((e) => e.id)).toEqual([eventIdOf(b)]);
    expect(await readAfter(b, h.b.tenant.id)).toEqual({ data: [], next: eventIdOf(b) });
    const [kept] = await h.db.select().from(changeEvents).where(eq(changeEvents.id, b.id));
    expect(kept).toBeDefined();
  });
});
