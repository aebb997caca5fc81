import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { getDb } from "@/db/client";
import { currentUser } from "@/lib/auth/session";
import { findInvitation } from "@/lib/members/find-invitation";
import { INVALID_INVITATION } from "@/lib/members/internal/invitation-token";
import { signOut } from "../../sign-in/actions";
import { describeRole } from "@/lib/members/role-descriptions";
import { AcceptButton } from "./_components/accept-button";
import { NewAccountForm } from "./_components/new-account-form";

// The link's secret is in this page's address: never send it on to another site.
export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer", robots: { index: false } };
export const dynamic = "force-dynamic";

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card className="p-8">
      <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
      <div className="mt-2 space-y-4 text-sm text-slate-600">{children}</div>
    </Card>
  );
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findInvitation(await getDb(), token);
  if (!invitation) {
    return (
      <Panel title="Invitation not valid">
        <p>{INVALID_INVITATION}</p>
      </Panel>
    );
  }
  const role = describeRole(invitation.role);
  const intro = (
    <p>
      You are invited to the SCIM Console of <strong className="text-slate-900">{invitation.tenantName}</strong> as{" "}
      {role.article}: you can {role.can}. This invitation is for{" "}
      <strong className="text-slate-900">{invitation.email}</strong> and works until {formatDateTime(invitation.expiresAt)}.
    </p>
  );
  const user = await currentUser();
  // Someone else signed in sees the same words whether the address has an account or not.
  if (user && user.email.toLowerCase() !== invitation.email) {
    return (
      <Panel title={`Join ${invitation.tenantName}`}>
        {intro}
        <p role="alert" className="rounded-md bg-amber-50 px-3.5 py-2.5 text-amber-900 ring-1 ring-amber-200 ring-inset">
          You are signed in as {user.email}, not {invitation.email}. Sign out, then open this link again.
        </p>
        <form action={signOut}>
          <button type="submit" className="font-semibold text-brand-700 hover:underline">
            Sign out
          </button>
        </form>
      </Panel>
    );
  }
  if (user) {
    return (
      <Panel title={`Join ${invitation.tenantName}`}>
        {intro}
        <AcceptButton token={token} tenantName={invitation.tenantName} />
      </Panel>
    );
  }
  if (invitation.hasAccount) {
    return (
      <Panel title={`Join ${invitation.tenantName}`}>
        {intro}
        <p>
          Sign in as {invitation.email} with your own password, then open this link again to accept.
        </p>
        <Link href="/sign-in" className="inline-block font-semibold text-brand-700 hover:underline">
          Sign in
        </Link>
      </Panel>
    );
  }
  return (
    <Panel title={`Join ${invitation.tenantName}`}>
      {intro}
      <p>Choose your name and a password to create your account.</p>
      <NewAccountForm token={token} email={invitation.email} />
    </Panel>
  );
}
