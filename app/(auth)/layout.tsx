export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="mb-8 flex items-center gap-2.5">
        <span className="flex h-9 w-9 items-center justify-center rounded-lg bg-brand-600 text-sm font-bold text-white">S</span>
        <span className="text-lg font-semibold tracking-tight text-slate-900">SCIM Console</span>
      </div>
      <div className="w-full max-w-md">{children}</div>
    </main>
  );
}
