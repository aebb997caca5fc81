import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireConsole } from "@/lib/auth/console-context";
import { listMembers } from "@/lib/members/list-members";
import { AddMemberForm } from "./_components/add-member-form";
import { MembersTable } from "./_components/members-table";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const { tenant } = await requireConsole("members:manage");
  const members = await listMembers(await getDb(), tenant.id);
  return (
    <>
      <PageHeader
        title="Members"
        description={`Who can sign in to the console for ${tenant.name}, and what they may do.`}
      />
      <MembersTable members={members} />
      <Card className="mt-8 p-6">
        <h2 className="mb-1 text-base font-semibold text-slate-900">Add a member</h2>
        <p className="mb-5 text-sm text-slate-600">
          Admins manage integrations and members; support staff deactivate, reactivate and delete people; viewers only look.
        </p>
        <AddMemberForm />
      </Card>
    </>
  );
}
