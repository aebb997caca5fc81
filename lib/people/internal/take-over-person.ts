import { and, eq, isNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, people, type Person } from "@/db/schema";
import { isUniqueViolation } from "@/lib/errors";
import { recordEvent } from "@/lib/history/record-event";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { diffResources } from "@/lib/scim/diff";
import { uniqueness } from "@/lib/scim/errors";
import { deactivatedAtAfter, personColumns, primaryEmailOf } from "./person-columns";
import { prepareUser } from "./prepare-user";

/**
 * The "take over" matching policy: a POST for someone another integration of the tenant
 * manages (same userName, else same primary email, case-insensitive) moves that person to
 * this integration instead of answering 409. `sent` is the body as prepared for a create (its
 * userName and email are what is matched); the body then replaces the person's client-owned
 * data as a PUT would; their id, History and memberships stay. Returns null when nobody matches.
 */
export async function takeOverPerson(db: Db, scope: IntegrationScope, body: unknown, sent: Record<string, unknown>): Promise<Person | null> {
  const userName = String(sent.userName);
  const email = primaryEmailOf(sent);
  try {
    return await db.transaction(async (tx) => {
      const matches = await tx
        .select({ person: people, from: integrations.name })
        .from(people)
        .leftJoin(integrations, eq(integrations.id, people.integrationId))
        .where(
          and(
            eq(people.tenantId, scope.tenantId),
            or(isNull(people.integrationId), ne(people.integrationId, scope.integration.id)),
            isNull(people.deletedAt),
            isNull(people.purgedAt),
            or(
              sql`lower(${people.userName}) = lower(${userName})`,
              email === null ? sql`false` : sql`lower(${people.primaryEmail}) = lower(${email})`,
            ),
          ),
        )
        .for("no key update", { of: people });
      const byUserName = matches.find((m) => m.person.userName.toLowerCase() === userName.toLowerCase());
      if (!byUserName && matches.length > 1) {
        throw uniqueness(`${matches.length} people of other integrations have the primary email "${email}"; send the userName of the one to take over`);
      }
      const match = byUserName ?? matches[0];
      if (!match) return null;
      const before = match.person;
      const { resource } = prepareUser(body, scope.integration.settings, "replace", before.resource);
      const columns = personColumns(resource);
      const [moved] = await tx
        .update(people)
        .set({
          ...columns,
          deactivatedAt: deactivatedAtAfter(before, columns.active, new Date()),
          integrationId: scope.integration.id,
          resource,
          version: sql`${people.version} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(people.id, before.id))
        .returning();
      await recordEvent(tx, {
        tenantId: scope.tenantId,
        subjectType: "person",
        subjectId: before.id,
        action: "taken_over",
        changes: [
          { path: "integration", before: match.from ?? "a removed integration", after: scope.integration.name },
          ...diffResources(before.resource, resource),
        ],
        actor: scope.actor,
      });
      return moved;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw uniqueness(`userName "${userName}" is already taken in this tenant`);
    throw error;
  }
}
