import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { people, scimRequestHours, scimRequests } from "@/db/schema";
import { isUuid } from "@/lib/is-uuid";
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

/** A log row as the statement reads it from its JSON parameter (jsonb_to_recordset). */
type BatchRow = {
  tenant_id: string | null;
  integration_id: string | null;
  request_id: string;
  method: string;
  path: string;
  query: string;
  status: number;
  latency_ms: number;
  scim_type: string | null;
  detail: string | null;
  user_agent: string | null;
  request_body: unknown;
  body_truncated: boolean;
  authenticated: boolean;
  source_address: string | null;
  /** The person whose permanent delete drops this row's body (Pending.aboutPersonId), if any. */
  about: string | null;
};

const batchColumns = sql.raw(`
  tenant_id uuid, integration_id uuid, request_id text, method text, path text, query text, status integer,
  latency_ms integer, scim_type text, detail text, user_agent text, request_body jsonb, body_truncated boolean,
  authenticated boolean, source_address text, about uuid`);

/**
 * The rows and their hourly counts (rollUpRequests) in ONE statement, prepared once, so the
 * Overview's counts and the log agree and a batch costs one round trip, whatever its size:
 * both come as JSON parameters. A row about one person with a body (`about`) keeps no body if
 * that person was permanently deleted. Every such person is read FOR KEY SHARE: a purge in
 * flight (FOR UPDATE) commits first and the body is dropped, or waits until this statement
 * commits and then scrubs what it wrote. So a request that raced a purge never leaves the
 * person's data behind in its body. They are named as an array, so each is one probe of the
 * primary key: as a join of the batch, the one plan kept for every call scanned all people.
 */
const insertBatch = preparedPerDatabase((db) => {
  const batch = db.$with("batch", {}).as(
    sql`select * from rows from (jsonb_to_recordset(${sql.placeholder("rows")}::jsonb) as (${batchColumns})) with ordinality as b`,
  );
  const subjects = db.$with("subjects", {}).as(
    sql`select ${people.id}, ${people.tenantId}, ${people.purgedAt} from ${people}
        where ${people.id} = any(array(select about from batch where about is not null)) for key share`,
  );
  const purged = sql`exists (select 1 from subjects s where s.id = b.about and s.tenant_id = b.tenant_id and s.purged_at is not null)`;
  const logged = db.$with("logged", {}).as(sql`
    insert into ${scimRequests} (tenant_id, integration_id, request_id, method, path, query, status, latency_ms, scim_type,
                                 detail, user_agent, request_body, body_truncated, authenticated, source_address)
    select b.tenant_id, b.integration_id, b.request_id, b.method, b.path, b.query, b.status, b.latency_ms, b.scim_type,
           b.detail, b.user_agent, case when ${purged} then null else b.request_body end,
           case when ${purged} then false else b.body_truncated end, b.authenticated, b.source_address
    from batch b
    order by b.ordinality
    returning 1`);
  const hours = db.$with("hours", {}).as(sql`
    insert into ${scimRequestHours} (integration_id, tenant_id, hour, requests, failures, writes)
    select * from jsonb_to_recordset(${sql.placeholder("hours")}::jsonb)
      as (integration_id uuid, tenant_id uuid, hour timestamptz, requests integer, failures integer, writes integer)
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

/** The defaults of scim_requests, for fields a log entry may leave out. */
const defaults = {
  query: scimRequests.query.default as string,
  bodyTruncated: scimRequests.bodyTruncated.default as boolean,
  authenticated: scimRequests.authenticated.default as boolean,
};

async function insertRows(db: Db, batch: Pending[]): Promise<void> {
  const rows: BatchRow[] = batch.map(({ entry, aboutPersonId }) => ({
    tenant_id: entry.tenantId ?? null,
    integration_id: entry.integrationId ?? null,
    request_id: entry.requestId,
    method: entry.method,
    path: entry.path,
    query: entry.query ?? defaults.query,
    status: entry.status,
    latency_ms: entry.latencyMs,
    scim_type: entry.scimType ?? null,
    detail: entry.detail ?? null,
    user_agent: entry.userAgent ?? null,
    request_body: entry.requestBody ?? null,
    body_truncated: entry.bodyTruncated ?? defaults.bodyTruncated,
    authenticated: entry.authenticated ?? defaults.authenticated,
    source_address: entry.sourceAddress ?? null,
    about: aboutPersonId && isUuid(aboutPersonId) && entry.tenantId && entry.requestBody != null ? aboutPersonId : null,
  }));
  const hours = rollUpRequests(batch.map(({ entry }) => entry)).map((h) => ({
    integration_id: h.integrationId,
    tenant_id: h.tenantId,
    hour: h.hour,
    requests: h.requests,
    failures: h.failures,
    writes: h.writes,
  }));
  await insertBatch(db).execute({ rows: JSON.stringify(rows), hours: JSON.stringify(hours) });
}
