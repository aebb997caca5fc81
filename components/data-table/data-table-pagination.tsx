import Link from "next/link";

/**
 * "Showing 51–100 of 230" with Prev/Next links: plain links, so paging works without
 * JavaScript and every page has its own URL.
 */
export function DataTablePagination({
  page,
  pageSize,
  total,
  hrefForPage,
  noun = "results",
  moreThanTotal = false,
}: {
  page: number;
  pageSize: number;
  total: number;
  hrefForPage: (page: number) => string;
  noun?: string;
  /** The count stopped at `total` (see COUNT_CAP): there are more, reached by narrowing the filter, not by paging. */
  moreThanTotal?: boolean;
}) {
  if (total === 0) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  const hasPrevious = page > 1;
  const hasNext = last < total;
  const button = "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset";
  return (
    <nav aria-label="Pagination" className="mt-3 flex flex-wrap items-center justify-between gap-3 px-1">
      <p className="text-sm text-slate-600">
        Showing <span className="font-medium text-slate-900">{first.toLocaleString("en-GB")}</span>–
        <span className="font-medium text-slate-900">{last.toLocaleString("en-GB")}</span> of{" "}
        {moreThanTotal ? "more than " : null}
        <span className="font-medium text-slate-900">{total.toLocaleString("en-GB")}</span> {noun}
      </p>
      {hasPrevious || hasNext ? (
        <div className="flex gap-2">
          {hasPrevious ? (
            <Link href={hrefForPage(page - 1)} rel="prev" className={`${button} bg-white text-slate-800 ring-slate-300 hover:bg-slate-50`}>
              Previous
            </Link>
          ) : (
            <span aria-disabled className={`${button} cursor-not-allowed bg-slate-50 text-slate-400 ring-slate-200`}>
              Previous
            </span>
          )}
          {hasNext ? (
            <Link href={hrefForPage(page + 1)} rel="next" className={`${button} bg-white text-slate-800 ring-slate-300 hover:bg-slate-50`}>
              Next
            </Link>
          ) : (
            <span aria-disabled className={`${button} cursor-not-allowed bg-slate-50 text-slate-400 ring-slate-200`}>
              Next
            </span>
          )}
        </div>
      ) : null}
    </nav>
  );
}
