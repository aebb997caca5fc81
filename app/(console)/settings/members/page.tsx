import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireConsole } from "@/lib/auth/console-context";
import { listInvitations } from "@/lib/members/list-invitations";
import { listMembers } from "@/lib/members/list-members";
import { roleChoices } from "@/lib/members/role-descriptions";
import { InvitationsTable } from "./_components/invitations-table";
import { InviteMemberForm } from "./_components/invite-member-form";
import { MembersTable } from "./_components/members-table";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const { tenant, user } = await requireConsole("members:manage");
  const db = await getDb();
  const [members, invitations] = await Promise.all([listMembers(db, tenant.id), listInvitations(db, tenant.id)]);
  return (
    <>
      <PageHeader
        title="Members"
        description={`Who can sign in to the console for ${tenant.name}, and what they may do.`}
      />
      <MembersTable members={members} roles={roleChoices} currentUserId={user.id} tenantName={tenant.name} />
      <Card className="mt-8 p-6">
        <h2 className="mb-1 text-base font-semibold text-slate-900">Invite a member</h2>
        <p className="mb-5 text-sm text-slate-600">
          You get a one-time link for that address. Whoever opens it sets their own password, or, with an account already,
          signs in and accepts. Nobody is a member until then.
        </p>
        <InviteMemberForm roles={roleChoices} />
      </Card>
      <section aria-labelledby="invitations-heading" className="mt-8">
        <h2 id="invitations-heading" className="mb-3 text-base font-semibold text-slate-900">
          Pending invitations
        </h2>
        <InvitationsTable invitations={invitations} roles={roleChoices} />
      </section>
    </>
  );
}
