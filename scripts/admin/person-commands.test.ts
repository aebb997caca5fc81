import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { provisionPerson } from "@/lib/people/testing";
import { CliError, parseCommandLine, runCommand } from "./cli";
import { personCommands } from "./person-commands";

/** The person commands on a real database, through the same option parsing as the CLI. */

let h: ScimHarness;
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(() => h.close());

function run(...argv: string[]) {
  const line = parseCommandLine(argv, personCommands);
  if (line.help) throw new Error(`not a command line: ${argv.join(" ")}`);
  return runCommand(h.db, personCommands, line.command.name, line.values);
}
const scimUser = (id: string) => h.scim("GET", `${h.a.entra.integration.appKey}/Users/${id}`);

describe("person commands", () => {
  it("deactivate, reactivate, export and purge by --tenant and --user-name or by --id, audited with the operator", async () => {
    const ada = await provisionPerson(h);
    const byName = ["--tenant", h.a.tenant.slug, "--user-name", ada.userName.toUpperCase()];
    expect((await run("person:deactivate", ...byName, "--reason", "ticket 7", "--operator", "sam")).data).toMatchObject({ personId: ada.id, active: false });
    expect((await scimUser(ada.id)).body.active).toBe(false);
    expect((await run("person:reactivate", "--id", ada.id)).text).toBe(`${ada.userName} is now active`);
    const exported = (await run("person:export", "--id", ada.id)).data as { person: { userName: string }; history: unknown[] };
    expect(exported.person.userName).toBe(ada.userName);
    expect(exported.history).toHaveLength(3);
    await run("person:purge", ...byName, "--reason", "erasure", "--operator", "sam");
    expect((await scimUser(ada.id)).status).toBe(404);

    const audit = await h.db.select().from(auditLog).where(eq(auditLog.tenantId, h.a.tenant.id));
    expect(audit.filter((a) => a.actorLabel === "admin CLI (sam)").map((a) => a.action)).toEqual(["person.deactivated", "person.purged"]);
  });

  it("refuses unclear or impossible requests with one line", async () => {
    const ada = await provisionPerson(h);
    await expect(run("person:purge", "--tenant", h.a.tenant.slug, "--user-name", "nobody@a.example")).rejects.toThrow(CliError);
    await expect(run("person:purge", "--id", ada.id, "--tenant", h.a.tenant.slug)).rejects.toThrow("not both");
    await expect(run("person:purge")).rejects.toThrow("give --id, or --tenant and --user-name");
    await expect(run("person:deactivate", "--id", "nope")).rejects.toThrow('no person with id "nope"');
    await expect(run("person:deactivate", "--id", ada.id, "--reason", "x".repeat(501))).rejects.toThrow("Keep the reason under 500 characters.");
    await expect(run("person:reactivate", "--id", ada.id)).rejects.toThrow("is already active");
  });
});
