import { switchTenant } from "../../actions";

/**
 * Opens a tenant (and a page in it) through the tenant switcher's action, which audits
 * staff entering a tenant. A POST, so a link on another site cannot open one.
 */
export function OpenTenantButton({
  slug,
  next,
  children,
  variant = "button",
}: {
  slug: string;
  next?: string;
  children: React.ReactNode;
  variant?: "button" | "link";
}) {
  const look =
    variant === "link"
      ? "text-left font-medium text-brand-700 hover:underline"
      : "rounded-md bg-white px-3 py-1.5 text-sm font-semibold whitespace-nowrap text-slate-800 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50";
  return (
    <form action={switchTenant}>
      <input type="hidden" name="tenant" value={slug} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <button type="submit" className={look}>
        {children}
      </button>
    </form>
  );
}
