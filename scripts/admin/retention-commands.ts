import { formatDateTime } from "@/components/ui/format";
import { listDuePeople } from "@/lib/retention/list-due-people";
import { purgeDuePeople } from "@/lib/retention/purge-due-people";
import { findTenantBySlug } from "@/lib/tenants/find-tenant";
import type { Command } from "./cli";

const people = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;

export const retentionCommands: Command[] = [
  {
    name: "retention:run",
    summary: "Permanently delete everyone the integrations' retention policies have made due (what the scheduled job does).",
    options: [
      { flag: "dry-run", description: "Only list who would be deleted, and when each became due." },
      { flag: "tenant", value: "slug", description: "Only this tenant's people." },
    ],
    async run(db, options) {
      const slug = options.get("tenant");
      const tenantId = slug ? (await findTenantBySlug(db, slug)).id : undefined;
      const now = new Date();
      if (options.has("dry-run")) {
        const due = await listDuePeople(db, { now, tenantId });
        const lines = due.map(
          (p) => `  ${p.personId}  ${p.name}  due ${formatDateTime(p.dueAt)} (${p.integration.name}: ${p.policy})`,
        );
        return { text: [`${people(due.length)} would be permanently deleted${due.length ? ":" : ""}`, ...lines].join("\n"), data: { dryRun: true, due } };
      }
      const { purged } = await purgeDuePeople(db, { now, tenantId });
      return { text: `Permanently deleted ${people(purged.length)} under retention policies`, data: { dryRun: false, purged } };
    },
  },
];
