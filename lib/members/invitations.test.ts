import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { auditLog, consoleUsers, invitations } from "@/db/schema";
import { cliActor } from "@/lib/audit/record-audit";
import { verifyPassword } from "@/lib/auth/password";
import { hashSecret } from "@/lib/tokens/mint-token";
import { createTenant } from "@/lib/tenants/create-tenant";
import { acceptInvitation } from "./accept-invitation";
import { acceptInvitationWithNewAccount } from "./accept-invitation-with-new-account";
import { createConsoleUser } from "./create-console-user";
import { findInvitation } from "./find-invitation";
import { inviteMember } from "./invite-member";
import { listInvitations } from "./list-invitations";
import { listMembers } from "./list-members";
import { revokeInvitation } from "./revoke-invitation";

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

const password = "correct horse battery staple";
const delivery = { appUrl: "https://console.example.test", mailer: null };
const tenant = (label: string) => createTenant(database.db, { slug: `${label}-${uniqueSuffix()}`, name: label });
const address = (label: string) => `${label}-${uniqueSuffix()}@x.test`;
const tokenOf = (link: string) => link.split("/invitations/")[1];
const invite = (tenantId: string, email: string, role: "admin" | "support" | "viewer" = "admin") =>
  inviteMember(database.db, tenantId, { email, role }, cliActor, delivery);
const newAccount = (token: string, name = "Newcomer") => acceptInvitationWithNewAccount(database.db, { token, name, password: "my own passphrase", confirm: "my own passphrase" });

describe("inviting", () => {
  it("answers an address with an account exactly as a new one, and makes nobody a member", async () => {
    const acme = await tenant("acme");
    const globex = await tenant("globex");
    const existing = await createConsoleUser(database.db, { email: address("cfo"), name: "CFO", password, membership: { tenantId: globex.id, role: "admin" } });
    const forExisting = await invite(acme.id, existing.email.toUpperCase());
    const forNew = await invite(acme.id, address("new"));
    const shape = (sent: typeof forNew) => ({ ...sent, email: "x", link: sent.link.replace(/[^/]+$/, "t"), expiresAt: typeof sent.expiresAt });
    expect(shape(forExisting)).toEqual(shape(forNew));
    expect(forExisting).toMatchObject({ email: existing.email, emailed: "off" });
    expect(await listMembers(database.db, acme.id)).toEqual([]);
    expect((await listInvitations(database.db, acme.id)).map((i) => i.email).sort()).toEqual([existing.email, forNew.email].sort());
  });

  it("keeps only the SHA-256 of the link's secret, expiring in seven days, and audits it", async () => {
    const acme = await tenant("acme");
    const sent = await invite(acme.id, address("hash"));
    const [row] = await database.db.select().from(invitations).where(eq(invitations.tenantId, acme.id));
    expect(row.tokenHash).toBe(hashSecret(tokenOf(sent.link)));
    expect(JSON.stringify(row)).not.toContain(tokenOf(sent.link));
    const days = (row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 1);
    const audited = await database.db.select().from(auditLog).where(eq(auditLog.tenantId, acme.id));
    expect(audited.map((e) => e.action)).toEqual(["invitation.created"]);
  });

  it("replaces an open invitation when the same address is invited again", async () => {
    const acme = await tenant("acme");
    const email = address("twice");
    const first = await invite(acme.id, email, "viewer");
    const second = await invite(acme.id, email, "support");
    expect(await findInvitation(database.db, tokenOf(first.link))).toBeNull();
    expect(await findInvitation(database.db, tokenOf(second.link))).toMatchObject({ email, role: "support", hasAccount: false });
    expect(await listInvitations(database.db, acme.id)).toHaveLength(1);
  });

  it("refuses to invite someone who is already a member of the tenant", async () => {
    const acme = await tenant("acme");
    const member = await createConsoleUser(database.db, { email: address("member"), name: "M", password, membership: { tenantId: acme.id, role: "viewer" } });
    await expect(invite(acme.id, member.email)).rejects.toMatchObject({ code: "conflict", field: "email" });
  });

  it("refuses a malformed address or role", async () => {
    const acme = await tenant("acme");
    await expect(invite(acme.id, "not an address")).rejects.toMatchObject({ code: "bad_input", field: "email" });
    await expect(inviteMember(database.db, acme.id, { email: address("r"), role: "owner" as "admin" }, cliActor, delivery)).rejects.toMatchObject({ field: "role" });
  });
});

describe("accepting with a new account", () => {
  it("creates the account with the invitee's own password, the membership, and uses up the link", async () => {
    const acme = await tenant("acme");
    const sent = await invite(acme.id, address("fresh"), "support");
    const user = await newAccount(tokenOf(sent.link), "Fresh Face");
    expect(user).toMatchObject({ email: sent.email, name: "Fresh Face" });
    expect(await verifyPassword(user.passwordHash, "my own passphrase")).toBe(true);
    expect((await listMembers(database.db, acme.id)).map((m) => [m.email, m.role])).toEqual([[sent.email, "support"]]);
    expect(await listInvitations(database.db, acme.id)).toEqual([]);
    await expect(newAccount(tokenOf(sent.link))).rejects.toMatchObject({ code: "not_found" });
    const actions = (await database.db.select().from(auditLog).where(eq(auditLog.tenantId, acme.id))).map((e) => e.action);
    expect(actions.sort()).toEqual(["invitation.accepted", "invitation.created"]);
  });

  it("never sets a password for an address that already has an account", async () => {
    const acme = await tenant("acme");
    const globex = await tenant("globex");
    const victim = await createConsoleUser(database.db, { email: address("victim"), name: "Victim", password, membership: { tenantId: globex.id, role: "admin" } });
    const sent = await invite(acme.id, victim.email);
    await expect(newAccount(tokenOf(sent.link), "Attacker")).rejects.toMatchObject({ code: "conflict" });
    const [after] = await database.db.select().from(consoleUsers).where(eq(consoleUsers.id, victim.id));
    expect(after).toMatchObject({ name: "Victim", passwordHash: victim.passwordHash });
    expect(await listMembers(database.db, acme.id)).toEqual([]);
    expect(await findInvitation(database.db, tokenOf(sent.link))).toMatchObject({ hasAccount: true });
  });

  it("refuses mismatched passwords and a password the rules refuse, without using up the link", async () => {
    const acme = await tenant("acme");
    const sent = await invite(acme.id, address("typo"));
    const token = tokenOf(sent.link);
    await expect(acceptInvitationWithNewAccount(database.db, { token, name: "T", password: "long enough secret", confirm: "long enough secreT" })).rejects.toMatchObject({ field: "confirm" });
    await expect(acceptInvitationWithNewAccount(database.db, { token, name: "T", password: "short", confirm: "short" })).rejects.toMatchObject({ field: "password" });
    expect(await findInvitation(database.db, token)).not.toBeNull();
  });

  it("lets exactly one of two simultaneous accepts of the same link through", async () => {
    const acme = await tenant("acme");
    const sent = await invite(acme.id, address("race"));
    const results = await Promise.allSettled([newAccount(tokenOf(sent.link), "One"), newAccount(tokenOf(sent.link), "Two")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await listMembers(database.db, acme.id)).toHaveLength(1);
  });
});

describe("accepting as a signed-in account", () => {
  it("adds the invited account to the tenant once, and refuses anyone signed in under another address", async () => {
    const acme = await tenant("acme");
    const globex = await tenant("globex");
    const invitee = await createConsoleUser(database.db, { email: address("invitee"), name: "Invitee", password, membership: { tenantId: globex.id, role: "admin" } });
    const intruder = await createConsoleUser(database.db, { email: address("intruder"), name: "Intruder", password, isStaff: true });
    const sent = await invite(acme.id, invitee.email, "viewer");
    const token = tokenOf(sent.link);
    await expect(acceptInvitation(database.db, { token }, intruder)).rejects.toMatchObject({ code: "forbidden" });
    expect(await listMembers(database.db, acme.id)).toEqual([]);
    await expect(acceptInvitation(database.db, { token }, { id: invitee.id, email: invitee.email.toUpperCase() })).resolves.toMatchObject({ tenantId: acme.id });
    expect((await listMembers(database.db, acme.id)).map((m) => [m.userId, m.role])).toEqual([[invitee.id, "viewer"]]);
    await expect(acceptInvitation(database.db, { token }, invitee)).rejects.toMatchObject({ code: "not_found" });
  });

  it("lets exactly one of two simultaneous accepts through", async () => {
    const acme = await tenant("acme");
    const invitee = await createConsoleUser(database.db, { email: address("double"), name: "Double", password, isStaff: true });
    const sent = await invite(acme.id, invitee.email);
    const token = tokenOf(sent.link);
    const results = await Promise.allSettled([acceptInvitation(database.db, { token }, invitee), acceptInvitation(database.db, { token }, invitee)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const accepted = await database.db.select().from(auditLog).where(and(eq(auditLog.tenantId, acme.id), eq(auditLog.action, "invitation.accepted")));
    expect(accepted).toHaveLength(1);
  });
});

describe("links that no longer work", () => {
  it("refuses an expired link and a revoked one, with the same message as an unknown one", async () => {
    const acme = await tenant("acme");
    const expired = await invite(acme.id, address("late"));
    await database.db.update(invitations).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(invitations.tokenHash, hashSecret(tokenOf(expired.link))));
    const revoked = await invite(acme.id, address("revoked"));
    const [pending] = (await listInvitations(database.db, acme.id)).filter((i) => i.email === revoked.email);
    await revokeInvitation(database.db, acme.id, { invitationId: pending.id }, cliActor);
    const unknown = "A".repeat(43);
    const messages = new Set<string>();
    for (const token of [tokenOf(expired.link), tokenOf(revoked.link), unknown]) {
      expect(await findInvitation(database.db, token)).toBeNull();
      const refusal = await newAccount(token).catch((error: Error) => error);
      expect(refusal).toMatchObject({ code: "not_found" });
      messages.add((refusal as Error).message);
    }
    expect(messages.size).toBe(1);
    expect(await listMembers(database.db, acme.id)).toEqual([]);
    expect(await listInvitations(database.db, acme.id)).toEqual([]);
  });

  it("does not let one tenant revoke another tenant's invitation", async () => {
    const acme = await tenant("acme");
    const globex = await tenant("globex");
    const sent = await invite(globex.id, address("theirs"));
    const [theirs] = await listInvitations(database.db, globex.id);
    await expect(revokeInvitation(database.db, acme.id, { invitationId: theirs.id }, cliActor)).rejects.toMatchObject({ code: "not_found" });
    expect(await findInvitation(database.db, tokenOf(sent.link))).not.toBeNull();
  });
});
