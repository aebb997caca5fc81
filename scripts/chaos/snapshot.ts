/**
 * A row-level fingerprint of the data a SCIM request may change (people, groups, their
 * memberships and counts of membership changes, History events, and the tenants,
 * integrations and tokens that authenticate it). Two snapshots give the rows added, removed
 * or changed between them, each with the ids it refers to, so a change can be traced to the
 * request that made it.
 */
import type { Row, Target } from "./databases";

const TABLES = ["people", "groups", "group_members", "group_membership_changes", "events", "tenants", "integrations", "tokens"];
/** Written on every request by design (a "last seen" time), not a change of data. */
const VOLATILE = ["last_request_at", "last_used_at"];
/** Columns whose values name the person, group or request a row belongs to. */
const REF_COLUMNS = ["id", "subject_id", "group_id", "person_id", "request_id"];

type Fingerprint = { hash: string; refs: string[] };
export type Snapshot = { tables: Map<string, Map<string, Fingerprint>>; requestLogRows: number };
export type RowChange = { table: string; key: string; change: "added" | "removed" | "changed"; refs: string[] };

export async function takeSnapshot(target: Target): Promise<Snapshot> {
  const present = new Set(
    (await target.query("select table_name from information_schema.tables where table_schema = 'public'")).map((r) => String(r.table_name)),
  );
  const tables = new Map<string, Map<string, Fingerprint>>();
  for (const table of TABLES.filter((t) => present.has(t))) {
    const stripped = `to_jsonb(t) ${VOLATILE.map((c) => `- '${c}'`).join(" ")}`;
    const refs = REF_COLUMNS.map((c) => `to_jsonb(t)->>'${c}'`).join(", ");
    const rows = await target.query(
      `select coalesce(to_jsonb(t)->>'id', md5(to_jsonb(t)::text)) as key, md5((${stripped})::text) as hash, array_remove(array[${refs}], null) as refs from ${table} t`,
    );
    tables.set(table, new Map(rows.map((r: Row) => [String(r.key), { hash: String(r.hash), refs: (r.refs as string[]) ?? [] }])));
  }
  const [log] = present.has("scim_requests") ? await target.query("select count(*)::int as n from scim_requests") : [{ n: 0 }];
  return { tables, requestLogRows: Number(log.n) };
}

export function diffSnapshots(before: Snapshot, after: Snapshot): RowChange[] {
  const changes: RowChange[] = [];
  for (const [table, rowsAfter] of after.tables) {
    const rowsBefore = before.tables.get(table) ?? new Map<string, Fingerprint>();
    for (const [key, row] of rowsAfter) {
      const old = rowsBefore.get(key);
      if (!old) changes.push({ table, key, change: "added", refs: row.refs });
      else if (old.hash !== row.hash) changes.push({ table, key, change: "changed", refs: row.refs });
    }
    for (const [key, row] of rowsBefore) {
      if (!rowsAfter.has(key)) changes.push({ table, key, change: "removed", refs: row.refs });
    }
  }
  return changes;
}
