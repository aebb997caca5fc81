import type { Db } from "@/db/client";
import { RequestLogWriter, type NewScimRequestLogEntry } from "./request-log-writer";

export type { NewScimRequestLogEntry };

const writers = new WeakMap<Db, RequestLogWriter>();
/** Rows being written now, across writers: what a clean shutdown waits for (flushRequestLog). */
const pending = new Set<Promise<void>>();

/**
 * Writes one row of the SCIM request log, batched with the rows of concurrent requests (see
 * RequestLogWriter), and resolves once it is committed. The log is pruned by a scheduled job
 * (request-log-prune-job.ts).
 */
export async function recordScimRequest(db: Db, entry: NewScimRequestLogEntry, options: { aboutPersonId?: string } = {}): Promise<void> {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new RequestLogWriter(db)));
  const write = writer.write(entry, options.aboutPersonId);
  pending.add(write);
  try {
    await write;
  } finally {
    pending.delete(write);
  }
}

/**
 * Waits until every row handed to the writers so far is committed or refused. A request
 * answers only after its own row, so once the server has no request in flight this waits
 * for nothing; it matters for the requests a shutdown cut short.
 */
export async function flushRequestLog(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}
