import type { Db } from "@/db/client";
import { scimRequests } from "@/db/schema";
import { purgedAmong } from "@/lib/people/purged-among";
import { rollUpRequests } from "./roll-up-requests";

/** One request log row as the SCIM handler made it: already bounded, redacted and storable. */
export type NewScimRequestLogEntry = Omit<typeof scimRequests.$inferInsert, "id" | "createdAt">;

type Pending = {
  entry: NewScimRequestLogEntry;
  /** The person a /Users/{id} request is about: its body is not kept if they were purged meanwhile. */
  aboutPersonId?: string;
  done: (error?: unknown) => void;
};

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters at 16 columns a row. */
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

/**
 * The rows and their hourly counts (rollUpRequests) in one transaction, so the Overview's
 * counts and the log agree. A row about one person (`aboutPersonId`) with a body is checked
 * against their permanent delete first (see purgedAmong).
 */
async function insertRows(db: Db, batch: Pending[]): Promise<void> {
  const subjects = batch.flatMap(({ entry, aboutPersonId }) =>
    aboutPersonId && entry.tenantId && entry.requestBody != null ? [{ tenantId: entry.tenantId, personId: aboutPersonId }] : [],
  );
  await db.transaction(async (tx) => {
    const purged = await purgedAmong(tx, subjects);
    const rows = batch.map(({ entry, aboutPersonId }) =>
      aboutPersonId && purged.has(aboutPersonId) && entry.requestBody != null ? { ...entry, requestBody: null, bodyTruncated: false } : entry,
    );
    await tx.insert(scimRequests).values(rows);
    await rollUpRequests(tx, rows);
  });
}
