import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { getDb } from "@/db/client";
import { requireConsole } from "@/lib/auth/console-context";
import { roleLabels } from "@/lib/auth/permissions";
import { currentSession } from "@/lib/auth/session";
import { describeUserAgent } from "@/lib/auth/sessions/describe-user-agent";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "@/lib/auth/sessions/lifetimes";
import { listSessions } from "@/lib/auth/sessions/list-sessions";
import { listIntegrations } from "@/lib/integrations/list-integrations";
import { listTokens } from "@/lib/tokens/list-tokens";
import { AccessTokens } from "./_components/access-tokens";
import { ChangePasswordForm } from "./_components/change-password-form";
import { SessionsList, type SessionRow } from "./_components/sessions-list";

export const metadata: Metadata = { title: "My Profile" };

export default async function ProfilePage() {
  const { user, tenant, tenants, can } = await requireConsole();
  // Access Tokens are for admins only: others never see the section (seed 002, Promapp).
  const tokens = can("integrations:manage") ? await accessTokens(tenant.id, user.id) : null;
  const sessions = await sessionRows(user.id);
  return (
    <>
      <PageHeader title="My Profile" description="Your account and where you have access." />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="p-6">
          <h2 className="mb-4 text-base font-semibold text-slate-900">Account</h2>
          <dl className="space-y-3 text-sm">
            <div className="flex justify-between gap-4">
              <dt className="text-slate-500">Name</dt>
              <dd className="font-medium text-slate-900">{user.name}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-slate-500">Email</dt>
              <dd className="font-medium text-slate-900">{user.email}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-slate-500">Last sign-in</dt>
              <dd className="text-slate-900">{formatDateTime(user.lastSignInAt)}</dd>
            </div>
            {user.isStaff ? (
              <div className="flex justify-between gap-4">
                <dt className="text-slate-500">Platform</dt>
                <dd>
                  <Badge tone="amber">Support staff: may open every tenant</Badge>
                </dd>
              </div>
            ) : null}
          </dl>
          <h3 className="mt-6 mb-3 text-sm font-semibold text-slate-900">Tenants</h3>
          <ul className="divide-y divide-slate-100 text-sm">
            {tenants.map((t) => (
              <li key={t.id} className="flex items-center justify-between py-2">
                <span className="text-slate-800">{t.name}</span>
                <Badge tone={t.viaStaff ? "amber" : "blue"}>{t.viaStaff ? "Staff access" : roleLabels[t.role]}</Badge>
              </li>
            ))}
          </ul>
        </Card>
        <Card className="p-6">
          <h2 className="mb-4 text-base font-semibold text-slate-900">Change password</h2>
          <ChangePasswordForm />
        </Card>
      </div>
      <Card className="mt-6 p-6">
        <h2 className="mb-1 text-base font-semibold text-slate-900">Sessions</h2>
        <p className="mb-3 text-sm text-slate-600">
          Where you are signed in. A session ends after {SESSION_IDLE_SECONDS / 3600} hours without use, and{" "}
          {SESSION_ABSOLUTE_SECONDS / 86400} days after sign-in at the latest.
        </p>
        <SessionsList sessions={sessions} />
      </Card>
      {tokens ? (
        <Card className="mt-6 p-6">
          <h2 className="mb-1 text-base font-semibold text-slate-900">Access Tokens</h2>
          <AccessTokens tokens={tokens.tokens} integrations={tokens.integrations} />
        </Card>
      ) : null}
    </>
  );
}

async function sessionRows(userId: string): Promise<SessionRow[]> {
  const inUse = (await currentSession())?.session.id;
  const sessions = await listSessions(await getDb(), userId);
  return sessions.map((s) => ({
    id: s.id,
    device: describeUserAgent(s.userAgent),
    sourceAddress: s.sourceAddress,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    current: s.id === inUse,
  }));
}

async function accessTokens(tenantId: string, userId: string) {
  const db = await getDb();
  const [tokens, integrations] = await Promise.all([
    listTokens(db, tenantId, { createdByUserId: userId }),
    listIntegrations(db, tenantId),
  ]);
  return { tokens, integrations: integrations.map((i) => ({ id: i.id, name: i.name })) };
}
