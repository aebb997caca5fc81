import { and, eq, sql, type Placeholder } from "drizzle-orm";
import type { Db } from "@/db/client";
import { people, type NewPerson, type Person, type ScimResource } from "@/db/schema";
import { eventValues, withEvent, type PersonEntry } from "@/lib/history/record-event";
import { preparedPerDatabase } from "@/lib/sql/prepared-per-database";
import type { personColumns } from "./person-columns";

/** What every write of a person stores: the resource, its hot columns, and when they became inactive. */
export type PersonValues = ReturnType<typeof personColumns> & { resource: ScimResource; deactivatedAt: Date | null };

/** The columns bound from PersonValues as they are; a key of PersonValues missing here fails to compile. */
const valueColumns = ["userName", "externalId", "active", "givenName", "familyName", "displayName", "primaryEmail", "resource"] as const;
const everyValueBound: [Exclude<keyof PersonValues, (typeof valueColumns)[number] | "deactivatedAt">] extends [never] ? true : never = true;
void everyValueBound;

function placeholders<K extends string>(names: readonly K[]): Record<K, Placeholder> {
  return Object.fromEntries(names.map((name) => [name, sql.placeholder(name)])) as unknown as Record<K, Placeholder>;
}

const timestamp = (name: string) => sql`${sql.placeholder(name)}::timestamptz`;

/**
 * A person's INSERT or UPDATE with its History entry and outbox event, in ONE statement
 * (withEvent), prepared once per database: the column values and the entry are bound per
 * request, through each column's encoder (drizzle wraps a placeholder given as a column's
 * value in that column's parameter, though its types do not say so). Timestamps are bound
 * as text, so a null needs no encoder.
 */
const insertStatement = preparedPerDatabase((db) =>
  withEvent(
    db,
    db
      .insert(people)
      .values({
        ...placeholders([...valueColumns, "tenantId", "integrationId", "region"]),
        deactivatedAt: timestamp("deactivatedAt"),
      } as unknown as NewPerson)
      .returning(),
  ).prepare("insert_person"),
);

const updateStatement = preparedPerDatabase((db) =>
  withEvent(
    db,
    db
      .update(people)
      .set({
        ...placeholders(valueColumns),
        deactivatedAt: timestamp("deactivatedAt"),
        updatedAt: timestamp("updatedAt"),
        version: sql`${people.version} + 1`,
      } as unknown as Partial<NewPerson>)
      .where(and(eq(people.id, sql.placeholder("id")), eq(people.version, sql.placeholder("version"))))
      .returning(),
  ).prepare("update_person"),
);

/** Creates a person, recording `entry` about them. */
export async function insertPerson(
  db: Db,
  values: PersonValues & { tenantId: string; integrationId: string; region: string | null },
  entry: PersonEntry,
): Promise<Person> {
  const [person] = await insertStatement(db).execute({ ...values, deactivatedAt: values.deactivatedAt?.toISOString() ?? null, ...eventValues(entry) });
  return person;
}

/**
 * Writes `values` to the person if they still have `before`'s version, recording `entry`;
 * returns the row written, or undefined when the person was written meanwhile (then nothing
 * was stored).
 */
export async function updatePerson(
  db: Db,
  before: { id: string; version: number },
  values: PersonValues & { updatedAt: Date },
  entry: PersonEntry,
): Promise<Person | undefined> {
  const [person] = await updateStatement(db).execute({
    ...values,
    deactivatedAt: values.deactivatedAt?.toISOString() ?? null,
    updatedAt: values.updatedAt.toISOString(),
    id: before.id,
    version: before.version,
    ...eventValues(entry),
  });
  return person;
}
