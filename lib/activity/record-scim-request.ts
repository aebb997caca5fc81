import type { Db } from "@/db/client";
import { RequestLogWriter, type NewScimRequestLogEntry } from "./request-log-writer";

export type { NewScimRequestLogEntry };

const writers = new WeakMap<Db, RequestLogWriter>();

/**
 * Writes one row of the SCIM request log, batched with the rows of concurrent requests (see
 * RequestLogWriter), and resolves once it is committed. The log is pruned by a scheduled job
 * (request-log-prune-job.ts).
 */
export async function recordScimRequest(db: Db, entry: NewScimRequestLogEntry, options: { aboutPersonId?: string } = {}): Promise<void> {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new RequestLogWriter(db)));
  await writer.write(entry, options.aboutPersonId);
}
