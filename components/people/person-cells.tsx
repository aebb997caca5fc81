import Link from "next/link";

/**
 * A person in a table: their name linking to their page, their userName beneath unless it is
 * the email shown beside it (`hideUserName`), so an address never appears twice in a row.
 */
export function PersonNameCell({ id, name, userName, hideUserName = false }: { id: string; name: string; userName: string; hideUserName?: boolean }) {
  return (
    <div className="max-w-[14rem] min-w-0 sm:max-w-xs">
      <Link href={`/people/${id}`} className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline">
        {name}
      </Link>
      {hideUserName ? null : (
        <p className="truncate text-xs text-slate-500" title={userName}>
          {userName}
        </p>
      )}
    </div>
  );
}

export function EmailCell({ email }: { email: string | null }) {
  return email ? (
    <span className="block max-w-[16rem] truncate" title={email}>
      {email}
    </span>
  ) : (
    <span className="text-slate-400">—</span>
  );
}
