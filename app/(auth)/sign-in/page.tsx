import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { currentUser } from "@/lib/auth/session";
import { isSetupOpen } from "@/lib/tenants/setup-first-owner";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (await isSetupOpen(await getDb())) redirect("/setup");
  if (await currentUser()) redirect("/");
  return (
    <Card className="p-8">
      <h1 className="text-xl font-semibold text-slate-900">Sign in</h1>
      <p className="mt-1.5 mb-6 text-sm text-slate-600">Provisioning from Entra ID and Okta, in one place.</p>
      <SignInForm />
    </Card>
  );
}
