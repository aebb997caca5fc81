import { and, eq, sql, type Placeholder } from "drizzle-orm";
import type { Db } from "@/db/client";
import { people, type NewPerson, type Person, type ScimResource } from "@/db/schema";
import { eventValues, withEvent, type PersonEntry } from "@/lib/history/record-event";
import { isUniqueViolation } from "@/lib/errors";
import { preparedPerDatabase } from "@/lib/sql/prepared-per-database";
import { credentialsUnchanged } from "@/lib/tokens/find-token-by-secret";
import type { UnconfirmedCredentials } from "@/lib/tokens/remembered-credentials";
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

/** What an INSERT binds, besides deactivatedAt. */
const insertedColumns = [...valueColumns, "tenantId", "integrationId", "region"] as const;

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
        ...placeholders(insertedColumns),
        deactivatedAt: timestamp("deactivatedAt"),
      } as unknown as NewPerson)
      .returning(),
  ).prepare("insert_person"),
);

/**
 * insertStatement, done only while the credentials the request was authenticated with are
 * unchanged (credentialsUnchanged): otherwise it inserts and records nothing. An INSERT with
 * a condition is an INSERT ... SELECT, which drizzle's builder writes only with every column,
 * so it is written here with the same columns and encoders; the others take their defaults.
 */
const confirmedInsertStatement = preparedPerDatabase((db) => {
  const columns = [...insertedColumns.map((name) => people[name]), people.deactivatedAt];
  const values = insertedColumns.map((name) => sql`${sql.param(sql.placeholder(name), people[name])}::${sql.raw(people[name].getSQLType())}`);
  const insert = sql`insert into ${people} (${sql.join(columns.map((column) => sql.identifier(column.name)), sql`, `)})
    select ${sql.join(values, sql`, `)}, ${timestamp("deactivatedAt")}
    where ${credentialsUnchanged(sql.placeholder("secretHash"), sql.placeholder("credentialsVersion"))}
    returning *`;
  return withEvent(db, insert).prepare("insert_person_confirmed");
});

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

/**
 * Creates a person, recording `entry` about them. With `unconfirmed` credentials, only if
 * they are unchanged: then it marks them confirmed, or returns undefined having done nothing.
 */
export async function insertPerson(
  db: Db,
  values: PersonValues & { tenantId: string; integrationId: string; region: string | null },
  entry: PersonEntry,
  unconfirmed?: UnconfirmedCredentials,
): Promise<Person | undefined> {
  const bound = { ...values, deactivatedAt: values.deactivatedAt?.toISOString() ?? null, ...eventValues(entry) };
  if (!unconfirmed) {
    const [person] = await insertStatement(db).execute(bound);
    return person;
  }
  try {
    const [person] = await confirmedInsertStatement(db).execute({ ...bound, secretHash: unconfirmed.secretHash, credentialsVersion: unconfirmed.version });
    if (person) unconfirmed.confirmed = true;
    return person;
  } catch (error) {
    // The row was refused by the userName index, so the condition held: the 409 is theirs.
    if (isUniqueViolation(error)) unconfirmed.confirmed = true;
    throw error;
  }
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
