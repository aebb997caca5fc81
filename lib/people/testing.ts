import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows-of";
import { holdingLock, onPostgresServer, waitingOnLocks } from "@/db/testing";
import { people } from "@/db/schema";
import type { ScimHarness } from "@/lib/provisioning/testing";
import { GROUP_SCHEMA, USER_SCHEMA } from "@/lib/scim/schemas/urns";

/** Someone provisioned through tenant A's Entra integration, with names and emails unique to the test. */
export async function provisionPerson(h: ScimHarness, label = "ada") {
  const tag = randomUUID().slice(0, 8);
  const person = {
    userName: `${label}-${tag}@a.example`,
    givenName: `Given${tag}`,
    familyName: `Family${tag}`,
    workEmail: `${label}.work-${tag}@a.example`,
    externalId: `ext-${tag}`,
  };
  const res = await h.scim("POST", `${h.a.entra.integration.appKey}/Users`, {
    body: {
      schemas: [USER_SCHEMA],
      userName: person.userName,
      externalId: person.externalId,
      name: { givenName: person.givenName, familyName: person.familyName },
      displayName: `${person.givenName} ${person.familyName}`,
      emails: [{ value: person.workEmail, type: "work", primary: true }],
    },
  });
  if (res.status !== 201) throw new Error(`provisioning failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...person, id: res.body.id as string };
}

export async function provisionGroup(h: ScimHarness, memberIds: string[]) {
  const res = await h.scim("POST", `${h.a.entra.integration.appKey}/Groups`, {
    body: { schemas: [GROUP_SCHEMA], displayName: `Team ${randomUUID().slice(0, 8)}`, members: memberIds.map((value) => ({ value })) },
  });
  if (res.status !== 201) throw new Error(`group failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/**
 * Every row of every table of the public schema, as text, that contains one of `needles`
 * (case-insensitively): what "no trace left" is checked against, whatever tables exist.
 */
export async function tracesOf(db: Db, needles: string[]): Promise<string[]> {
  const tables = await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
  const names = rowsOf<{ table_name: string }>(tables).map((t) => t.table_name);
  const found: string[] = [];
  for (const name of names) {
    const result = await db.execute(sql`select t::text as row from ${sql.identifier(name)} t`);
    for (const { row } of rowsOf<{ row: string }>(result)) {
      const lower = row.toLowerCase();
      for (const needle of needles) if (lower.includes(needle.toLowerCase())) found.push(`${name}: ${needle} in ${row.slice(0, 300)}`);
    }
  }
  return found;
}

/**
 * Runs `first` until it waits on the person's row, held meanwhile by a blocking transaction,
 * then `second` until it waits too (or ends, if it has nothing to wait for), then lets both
 * go: on PostgreSQL (TEST_DATABASE_URL) they queue for the row in that order. PGlite runs
 * one transaction at a time, so there the two run one after the other in the same order.
 */
export async function queuedOnPerson(db: Db, personId: string, first: () => Promise<unknown>, second: () => Promise<unknown>) {
  if (!onPostgresServer) return [await first(), await second()];
  const release = await holdingLock(db, (tx) => tx.select({ id: people.id }).from(people).where(eq(people.id, personId)).for("update"));
  const a = first();
  await waitingOnLocks(db, 1, () => false);
  let secondEnded = false;
  const b = second().finally(() => (secondEnded = true));
  await waitingOnLocks(db, 2, () => secondEnded);
  await release();
  return Promise.all([a, b]);
}
