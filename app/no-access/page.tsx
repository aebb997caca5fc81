import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/session";
import { signOut } from "../(auth)/sign-in/actions";

export const dynamic = "force-dynamic";

export default async function NoAccessPage() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <Card className="max-w-md p-8">
        <h1 className="text-xl font-semibold text-slate-900">No tenant yet</h1>
        <p className="mt-2 text-sm text-slate-600">
          You are signed in as {user.email}, but no organisation has given you access. Ask one of its admins to add you
          under Settings &gt; Members.
        </p>
        <form action={signOut} className="mt-6">
          <button className="text-sm font-semibold text-brand-700 hover:underline">Sign out</button>
        </form>
      </Card>
    </main>
  );
}
