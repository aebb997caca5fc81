import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-brand-600">403</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">You don’t have access to this page</h1>
        <p className="mt-2 text-sm text-slate-600">Your role in this tenant does not allow it. An admin can change your role under Settings &gt; Members.</p>
        <Link href="/" className="mt-6 inline-block text-sm font-semibold text-brand-700 hover:underline">
          Back to the console
        </Link>
      </div>
    </main>
  );
}
