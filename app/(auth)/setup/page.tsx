import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { isSetupOpen } from "@/lib/tenants/setup-first-owner";
import { SetupForm } from "./_components/setup-form";

export const metadata: Metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (!(await isSetupOpen(await getDb()))) redirect("/sign-in");
  return (
    <Card className="p-8">
      <h1 className="text-xl font-semibold text-slate-900">Welcome! Let’s set up your console</h1>
      <p className="mt-1.5 mb-6 text-sm text-slate-600">
        Create your organisation and its first admin. You can invite colleagues and install Entra ID or Okta next.
      </p>
      <SetupForm />
    </Card>
  );
}
