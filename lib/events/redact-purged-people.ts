import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { changeEvents } from "@/db/schema";

/**
 * A permanent delete removes personal data everywhere, the outbox included: the purged
 * people's earlier events keep their type, time and ids, their data only the person's id;
 * roles' membership events name them `memberDisplay`, as roles' History does. Runs in the purge's transaction.
 */
export async function redactPurgedPeople(tx: Db, tenantId: string, personIds: string[], memberDisplay: string): Promise<void> {
  if (personIds.length === 0) return;
  const theirs = and(eq(changeEvents.tenantId, tenantId), inArray(changeEvents.personId, personIds));
  await tx
    .update(changeEvents)
    .set({ data: sql`jsonb_build_object('resource', jsonb_build_object('id', ${changeEvents.personId}))` })
    .where(and(theirs, sql`${changeEvents.type} like 'person.%'`, ne(changeEvents.type, "person.purged")));
  await tx
    .update(changeEvents)
    .set({ data: sql`jsonb_set(${changeEvents.data}, '{member,display}', to_jsonb(${memberDisplay}::text))` })
    .where(and(theirs, sql`${changeEvents.type} like 'role.member_%'`));
}
