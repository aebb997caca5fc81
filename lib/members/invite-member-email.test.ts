import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { consoleUsers } from "@/db/schema";
import { cliActor } from "@/lib/audit/record-audit";
import { smtpMailer } from "@/lib/mail/mailer";
import { startMailCatcher, type CaughtMail } from "@/lib/mail/testing";
import { createTenant } from "@/lib/tenants/create-tenant";
import { findInvitation } from "./find-invitation";
import { invitationExpiry } from "./internal/invitation-email";
import { inviteMember } from "./invite-member";

let database: Database;
let smtpUrl: string;
let received: CaughtMail[];
let closeMail: () => Promise<void>;
beforeAll(async () => {
  database = await createTestDb();
  ({ url: smtpUrl, received, close: closeMail } = await startMailCatcher());
});
afterAll(async () => {
  await closeMail();
  await database.close();
});


describe("the invitation email", () => {
  it("goes to the invited address with the one-time link, in the same words whether or not it has an account", async () => {
    const acme = await createTenant(database.db, { slug: `acme-${uniqueSuffix()}`, name: "Acme Corp" });
    const existing = `has-account-${uniqueSuffix()}@x.test`;
    const fresh = `no-account-${uniqueSuffix()}@x.test`;
    await database.db.insert(consoleUsers).values({ email: existing, name: "Has", passwordHash: "x" });
    const mailer = smtpMailer(smtpUrl, "SCIM Console <console@example.test>");
    const delivery = { appUrl: "https://console.example.test", mailer };
    const toExisting = await inviteMember(database.db, acme.id, { email: existing, role: "viewer" }, cliActor, delivery);
    const toFresh = await inviteMember(database.db, acme.id, { email: fresh, role: "viewer" }, cliActor, delivery);
    expect([toExisting.emailed, toFresh.emailed]).toEqual(["sent", "sent"]);
    expect(received.map((m) => m.to)).toEqual([[existing], [fresh]]);

    const bodies = received.map((m) => m.data.split(/\r?\n\r?\n/).slice(1).join("\n\n"));
    expect(bodies[0]).toContain(toExisting.link);
    expect(bodies[1]).toContain(toFresh.link);
    // Each names its own expiry, to the minute: two sent either side of a minute's turn differ there.
    const until = (expiresAt: Date) => `until ${invitationExpiry(expiresAt)}.`;
    expect(bodies[0]).toContain(until(toExisting.expiresAt));
    expect(bodies[1]).toContain(until(toFresh.expiresAt));
    const wording = (body: string, invitation: { link: string; expiresAt: Date }) =>
      body.replace(invitation.link, "LINK").replace(until(invitation.expiresAt), "until EXPIRY.");
    expect(wording(bodies[0], toExisting)).toBe(wording(bodies[1], toFresh));
    expect(received[0].data).toContain("Subject: Join Acme Corp on the SCIM Console");
    expect(await findInvitation(database.db, toFresh.link.split("/").pop()!)).toMatchObject({ email: fresh });
  });

  it("still creates the invitation when the mail server does not answer, and says the email failed", async () => {
    const acme = await createTenant(database.db, { slug: `acme-${uniqueSuffix()}`, name: "Acme Corp" });
    // Port 1 on the loopback refuses the connection at once.
    const mailer = smtpMailer("smtp://127.0.0.1:1", "SCIM Console <console@example.test>");
    const sent = await inviteMember(database.db, acme.id, { email: `down-${uniqueSuffix()}@x.test`, role: "viewer" }, cliActor, { appUrl: "https://c.test", mailer });
    expect(sent.emailed).toBe("failed");
    expect(await findInvitation(database.db, sent.link.split("/").pop()!)).not.toBeNull();
  });
});
