import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people } from "@/db/schema";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { tenantWithPolicy } from "@/lib/retention/testing";
import { CliError, parseCommandLine, runCommand } from "./cli";
import { retentionCommands } from "./retention-commands";

/** retention:run on a real database, through the CLI's own option parsing, on the real clock. */

let h: ScimHarness;
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(() => h.close());

async function run(...argv: string[]) {
  const line = parseCommandLine(argv, retentionCommands);
  if (line.help) throw new Error(`not a command line: ${argv.join(" ")}`);
  return runCommand(h.db, retentionCommands, line.command.name, line.values);
}

/** Deleted by the identity provider `days` ago: moved back in time, since the CLI runs on the real clock. */
async function deletedDaysAgo(t: Awaited<ReturnType<typeof tenantWithPolicy>>, label: string, days: number) {
  const person = await t.provision(label);
  await t.remove(person.id);
  await h.db.update(people).set({ deletedAt: sql`now() - make_interval(days => ${days})` }).where(eq(people.id, person.id));
  return person;
}

describe("retention:run", () => {
  it("lists with --dry-run exactly who a run then deletes, within --tenant", async () => {
    const t = await tenantWithPolicy(h, { purgeDaysAfterDeletion: 30 });
    const other = await tenantWithPolicy(h, { purgeDaysAfterDeletion: 30 });
    const due = await deletedDaysAgo(t, "due", 31);
    const notYet = await deletedDaysAgo(t, "not-yet", 29);
    const elsewhere = await deletedDaysAgo(other, "elsewhere", 31);

    const dry = await run("retention:run", "--dry-run", "--tenant", t.tenant.slug);
    expect(dry.text).toMatch(/^1 person would be permanently deleted:\n {2}\S+ {2}due /);
    expect(dry.text).toContain("(Microsoft Entra ID: 30 days after deletion)");
    expect((dry.data as { due: { personId: string }[] }).due.map((p) => p.personId)).toEqual([due.id]);

    const done = await run("retention:run", "--tenant", t.tenant.slug);
    expect(done.text).toBe("Permanently deleted 1 person under retention policies");
    expect((done.data as { purged: { personId: string }[] }).purged.map((p) => p.personId)).toEqual([due.id]);
    const rows = await h.db.select({ id: people.id, purgedAt: people.purgedAt }).from(people).where(inArray(people.id, [due.id, notYet.id, elsewhere.id]));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.purgedAt !== null]))).toEqual({ [due.id]: true, [notYet.id]: false, [elsewhere.id]: false });
    expect((await run("retention:run", "--dry-run", "--tenant", t.tenant.slug)).text).toBe("0 people would be permanently deleted");
  });

  it("refuses an unknown tenant and unknown options with one line", async () => {
    await expect(run("retention:run", "--tenant", "no-such-tenant")).rejects.toThrow('No tenant with the slug "no-such-tenant"');
    await expect(run("retention:run", "--now", "2030-01-01")).rejects.toThrow(CliError);
  });
});
