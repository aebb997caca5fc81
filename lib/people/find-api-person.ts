import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { people } from "@/db/schema";
import { pathIdOrNotFound } from "@/lib/api-v1/path-id";
import { apiPersonSchema, personJson, type ApiPerson } from "@/lib/api-v1/resource-json";
import { AppError } from "@/lib/errors";

const NOT_FOUND = "No person with this id";

/**
 * GET /api/v1/people/{id}: the person as the events show them, whatever their status. A
 * purged person is not found: nothing is left of them but their id (the events feed told
 * the reader with person.purged).
 */
export async function findApiPerson(db: Db, tenantId: string, id: string): Promise<ApiPerson> {
  const personId = pathIdOrNotFound(id, NOT_FOUND);
  const [row] = await db
    .select({ person: sql<unknown>`${personJson("people")}` })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, personId), isNull(people.purgedAt)));
  if (!row) throw new AppError("not_found", NOT_FOUND);
  return apiPersonSchema.parse(row.person);
}
