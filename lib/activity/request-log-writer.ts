import { getTableColumns, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { people, scimRequestHours, scimRequests } from "@/db/schema";
import { isUuid } from "@/lib/is-uuid";
import { jsonRecordset } from "@/lib/sql/json-recordset";
import { preparedPerDatabase } from "@/lib/sql/prepared-per-database";
import { rollUpRequests } from "./roll-up-requests";

/** One request log row as the SCIM handler made it: already bounded, redacted and storable. */
export type NewScimRequestLogEntry = Omit<typeof scimRequests.$inferInsert, "id" | "createdAt">;

type Pending = {
  entry: NewScimRequestLogEntry;
  /** The person a /Users/{id} request is about: its body is not kept if they were purged meanwhile. */
  aboutPersonId?: string;
  done: (error?: unknown) => void;
};

/** Rows per statement: bounds its one parameter, the rows as JSON (bodies up to 64 KiB each). */
const MAX_BATCH = 500;

/**
 * Writes the request log by group commit: while one INSERT is in flight, the rows of the
 * requests that finish meanwhile wait, and go together in the next one. Each request still
 * answers only once its own row is committed, so the log loses nothing, on a crash or on a
 * clean shutdown, and a log read right after a response finds its row; what is saved is a
 * round trip and a statement per request under load. Nothing waits on a timer: a lone
 * request is written at once.
 */
export class RequestLogWriter {
  private queue: Pending[] = [];
  private draining = false;

  constructor(private readonly db: Db) {}

  write(entry: NewScimRequestLogEntry, aboutPersonId?: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, aboutPersonId, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        await insertRows(this.db, batch);
        for (const pending of batch) pending.done();
      } catch (error) {
        // One row the database refuses (its integration deleted meanwhile) costs only its own request's row.
        if (batch.length === 1) batch[0].done(error);
        else for (const pending of batch) await insertRows(this.db, [pending]).then(() => pending.done(), pending.done);
      }
    }
    this.draining = false;
  }
}

/** What a log row sets: every column but its id and time, which take their defaults. */
const logRows = jsonRecordset(
  Object.fromEntries(Object.entries(getTableColumns(scimRequests)).filter(([key]) => key !== "id" && key !== "createdAt")),
);
const hourRows = jsonRecordset(getTableColumns(scimRequestHours));

/**
 * The rows and their hourly counts (rollUpRequests) in ONE statement, prepared once, so the
 * Overview's counts and the log agree and a batch costs one round trip, whatever its size:
 * both come as JSON parameters (jsonRecordset). A row about one person with a body (`about`)
 * keeps no body if that person was permanently deleted. Every such person is read FOR KEY
 * SHARE: a purge in flight (FOR UPDATE) commits first and the body is dropped, or waits until
 * this statement commits and then scrubs what it wrote. So a request that raced a purge never
 * leaves the person's data behind in its body. They are named as an array, so each is one
 * probe of the primary key: as a join of the batch, the one plan kept for every call scanned
 * all people.
 */
const insertBatch = preparedPerDatabase((db) => {
  const batch = db.$with("batch", {}).as(
    sql`select * from rows from (jsonb_to_recordset(${sql.placeholder("rows")}::jsonb) as (${logRows.definitions}, about uuid)) with ordinality as b`,
  );
  const subjects = db.$with("subjects", {}).as(
    sql`select ${people.id}, ${people.tenantId}, ${people.purgedAt} from ${people}
        where ${people.id} = any(array(select about from batch where about is not null)) for key share`,
  );
  const logged = db.$with("logged", {}).as(sql`
    insert into ${scimRequests} (${logRows.names})
    select ${logRows.select("b", {
      requestBody: sql`case when purged.id is null then b.request_body end`,
      bodyTruncated: sql`purged.id is null and b.body_truncated`,
    })}
    from batch b
    left join subjects purged on purged.id = b.about and purged.tenant_id = b.tenant_id and purged.purged_at is not null
    order by b.ordinality
    returning 1`);
  const hours = db.$with("hours", {}).as(sql`
    insert into ${scimRequestHours} (${hourRows.names})
    select * from jsonb_to_recordset(${sql.placeholder("hours")}::jsonb) as (${hourRows.definitions})
    on conflict (integration_id, hour) do update set
      requests = ${scimRequestHours.requests} + excluded.requests,
      failures = ${scimRequestHours.failures} + excluded.failures,
      writes = ${scimRequestHours.writes} + excluded.writes`);
  return db
    .with(batch, subjects, logged, hours)
    .select({ rows: sql<number>`count(*)::int` })
    .from(sql`logged`)
    .prepare("write_request_log");
});

async function insertRows(db: Db, batch: Pending[]): Promise<void> {
  const rows = batch.map(({ entry, aboutPersonId }) => ({
    ...entry,
    about: aboutPersonId && isUuid(aboutPersonId) && entry.tenantId && entry.requestBody != null ? aboutPersonId : null,
  }));
  const hours = rollUpRequests(batch.map(({ entry }) => entry));
  await insertBatch(db).execute({ rows: logRows.value(rows), hours: hourRows.value(hours) });
}
