"use client";

import type { SortingState } from "@tanstack/react-table";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { ManualSorting } from "./data-table";

/**
 * Sorting kept in the URL (`?sort=name&dir=desc`), tablecn style: a header click replaces
 * both and goes back to the first page; the server reads them and sorts in SQL.
 */
export function useUrlSorting(current: { sort: string; descending: boolean }): ManualSorting {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  return {
    sorting: [{ id: current.sort, desc: current.descending }],
    onSortingChange: (next: SortingState) => {
      const params = new URLSearchParams(searchParams.toString());
      const [first] = next;
      if (first) {
        params.set("sort", first.id);
        params.set("dir", first.desc ? "desc" : "asc");
      } else {
        params.delete("sort");
        params.delete("dir");
      }
      params.delete("page");
      router.push(`${pathname}?${params.toString()}`);
    },
  };
}
