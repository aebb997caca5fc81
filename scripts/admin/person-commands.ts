import { userInfo } from "node:os";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { people } from "@/db/schema";
import type { AuditActor } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/is-uuid";
import { deactivatePerson } from "@/lib/people/deactivate-person";
import { exportPerson } from "@/lib/people/export-person";
import { purgePerson } from "@/lib/people/purge-person";
import { reactivatePerson } from "@/lib/people/reactivate-person";
import { findTenantBySlug } from "@/lib/tenants/find-tenant";
import { CliError, type Command, type Options } from "./cli";

const who = [
  { flag: "id", value: "person id", description: "The person's SCIM id; or give --tenant and --user-name." },
  { flag: "tenant", value: "slug", description: "With --user-name: the person's tenant." },
  { flag: "user-name", value: "userName", description: "With --tenant: the person's userName (case-insensitive)." },
];
const why = [
  { flag: "reason", value: "text", description: "Why, shown in the person's History (at most 500 characters)." },
  { flag: "operator", value: "name", description: "Who runs this, for the audit log; defaults to the OS user." },
];

/** The person named by --id, or by --tenant and --user-name (the live one before a deleted one). */
async function findSubject(db: Db, options: Options): Promise<{ tenantId: string; personId: string }> {
  const id = options.get("id");
  const slug = options.get("tenant");
  const userName = options.get("user-name");
  if (id !== undefined) {
    if (slug !== undefined || userName !== undefined) throw new CliError("give --id, or --tenant and --user-name, not both");
    const [row] = isUuid(id) ? await db.select({ tenantId: people.tenantId }).from(people).where(eq(people.id, id)) : [];
    if (!row) throw new CliError(`no person with id "${id}"`);
    return { tenantId: row.tenantId, personId: id };
  }
  if (!slug || !userName) throw new CliError("give --id, or --tenant and --user-name");
  const tenant = await findTenantBySlug(db, slug);
  const found = await db
    .select({ id: people.id, deletedAt: people.deletedAt })
    .from(people)
    .where(and(eq(people.tenantId, tenant.id), sql`lower(${people.userName}) = lower(${userName})`, isNull(people.purgedAt)))
    .orderBy(sql`${people.deletedAt} desc nulls first`);
  const live = found.filter((p) => p.deletedAt === null);
  const candidates = live.length > 0 ? live : found;
  if (candidates.length === 0) throw new CliError(`no person "${userName}" in ${slug}`);
  if (candidates.length > 1) throw new CliError(`${candidates.length} deleted people were "${userName}" in ${slug}; name one with --id`);
  return { tenantId: tenant.id, personId: candidates[0].id };
}

function operator(options: Options): AuditActor {
  return { userId: null, label: `admin CLI (${options.get("operator") ?? userInfo().username})` };
}

function activation(active: boolean): Command {
  const verb = active ? "reactivate" : "deactivate";
  return {
    name: `person:${verb}`,
    summary: `${active ? "Reactivate" : "Deactivate"} a person (audited; the identity provider's next push of active wins).`,
    options: [...who, ...why],
    async run(db, options) {
      const { tenantId, personId } = await findSubject(db, options);
      const input = { personId, reason: options.get("reason") };
      const change = active ? reactivatePerson : deactivatePerson;
      const person = await change(db, tenantId, input, operator(options));
      return {
        text: `${person.userName} is now ${active ? "active" : "inactive"}`,
        data: { personId, userName: person.userName, active: person.active, version: person.version },
      };
    },
  };
}

export const personCommands: Command[] = [
  activation(false),
  activation(true),
  {
    name: "person:purge",
    summary: "Permanently delete a person's personal data everywhere (audited; History keeps a tombstone).",
    options: [...who, ...why],
    async run(db, options) {
      const { tenantId, personId } = await findSubject(db, options);
      await purgePerson(db, tenantId, { personId, reason: options.get("reason"), confirmUserName: null }, operator(options));
      return { text: `Permanently deleted person ${personId}`, data: { personId, purged: true } };
    },
  },
  {
    name: "person:export",
    summary: "Print everything stored about a person as JSON (a data-subject access request; audited).",
    options: [...who, why[1]],
    async run(db, options) {
      const { tenantId, personId } = await findSubject(db, options);
      const data = await exportPerson(db, tenantId, personId, operator(options));
      return { text: JSON.stringify(data, null, 2), data };
    },
  },
];
