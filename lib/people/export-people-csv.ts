import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, people } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { ENTERPRISE_USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { personNameSql, personStatusSql } from "./person-status";
import { peopleMatching, type PeopleFilter } from "./search-people";

/** Rows read per query: memory stays bounded by one batch however many people match. */
export const EXPORT_BATCH_SIZE = 1_000;

const columns = [
  { key: "id", header: "id" },
  { key: "userName", header: "userName" },
  { key: "name", header: "name" },
  { key: "givenName", header: "givenName" },
  { key: "familyName", header: "familyName" },
  { key: "primaryEmail", header: "email" },
  { key: "status", header: "status" },
  { key: "department", header: "department" },
  { key: "employeeNumber", header: "employeeNumber" },
  { key: "region", header: "region" },
  { key: "externalId", header: "externalId" },
  { key: "integration", header: "integration" },
  { key: "createdAt", header: "created" },
  { key: "updatedAt", header: "lastChange" },
];

const sortKey = sql<string>`(${people.nameSortKey} collate "C")`;

/**
 * The matching people in name order, one batch per query by keyset pagination on the
 * (tenant, name key, id) index: each query starts after the last row of the previous one,
 * so the 1000th batch costs what the first does and nothing is held beyond one batch.
 */
async function* matchingPeople(db: Db, tenantId: string, filter: PeopleFilter, batchSize: number) {
  let after: { key: string; id: string } | null = null;
  for (;;) {
    const where = and(peopleMatching(tenantId, filter), after ? sql`(${sortKey}, ${people.id}) > (${after.key} collate "C", ${after.id}::uuid)` : undefined);
    const batch = await db
      .select({
        key: sql<string>`${people.nameSortKey}`,
        id: people.id,
        userName: people.userName,
        name: personNameSql,
        givenName: people.givenName,
        familyName: people.familyName,
        primaryEmail: people.primaryEmail,
        status: personStatusSql,
        department: people.department,
        employeeNumber: sql<string | null>`${people.resource} -> ${ENTERPRISE_USER_SCHEMA}::text ->> 'employeeNumber'`,
        region: people.region,
        externalId: people.externalId,
        integration: integrations.name,
        createdAt: people.createdAt,
        updatedAt: people.updatedAt,
      })
      .from(people)
      .leftJoin(integrations, eq(integrations.id, people.integrationId))
      .where(where)
      .orderBy(asc(sortKey), asc(people.id))
      .limit(batchSize);
    for (const row of batch) yield row;
    if (batch.length < batchSize) return;
    const last = batch[batch.length - 1];
    after = { key: last.key, id: last.id };
  }
}

/**
 * The People list under a filter as CSV (RFC 4180, a header row, UTF-8), streamed: rows are
 * read in batches only as the reader takes the output (Node stream backpressure), and cells
 * starting with = + - @ are quoted with a leading ' so a spreadsheet never runs them as
 * formulas. Audited before the first row, since it hands personal data out.
 */
export async function exportPeopleCsv(
  db: Db,
  tenantId: string,
  filter: PeopleFilter,
  actor: AuditActor,
  options: { batchSize?: number } = {},
): Promise<ReadableStream<Uint8Array>> {
  await recordAudit(db, { tenantId, actor, action: "people.exported", detail: { filter: describeFilter(filter) } });
  const rows = Readable.from(matchingPeople(db, tenantId, filter, options.batchSize ?? EXPORT_BATCH_SIZE));
  const csv = stringify({
    header: true,
    columns,
    bom: true,
    escape_formulas: true,
    cast: { date: (value) => value.toISOString() },
  });
  rows.on("error", (error) => csv.destroy(error));
  return Readable.toWeb(rows.pipe(csv)) as ReadableStream<Uint8Array>;
}

/** The filter as the audit log shows it: `status=active, department=Research`. */
function describeFilter(filter: PeopleFilter): string {
  return Object.entries(filter)
    .filter(([, value]) => value !== undefined && value !== "")
    .map(([key, value]) => `${key}=${value}`)
    .join(", ");
}
