import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-brand-600">404</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">Nothing here</h1>
        <p className="mt-2 text-sm text-slate-600">The page does not exist, or it belongs to another tenant.</p>
        <Link href="/" className="mt-6 inline-block text-sm font-semibold text-brand-700 hover:underline">
          Back to the console
        </Link>
      </div>
    </main>
  );
}
