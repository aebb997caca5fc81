"use client";

import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type OnChangeFn,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { useState } from "react";

declare module "@tanstack/react-table" {
  // Generic parameters must match TanStack's declaration to merge with it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Classes for the column's header and cells, e.g. `hidden md:table-cell` on narrow screens. */
    className?: string;
  }
}

/**
 * Sorting done by the server: the current state comes in, a change goes out (to the URL);
 * TanStack renders the headers and leaves the rows in the order given.
 */
export type ManualSorting = { sorting: SortingState; onSortingChange: (next: SortingState) => void };

/** The console's table: TanStack for sorting and rendering, our markup and styling. */
export function DataTable<Row>({
  columns,
  data,
  empty,
  getRowId,
  manualSorting,
  getRowHref,
  label,
}: {
  columns: ColumnDef<Row, unknown>[];
  data: Row[];
  empty: React.ReactNode;
  getRowId?: (row: Row) => string;
  /** Server-side sorting; without it the rows are sorted in the browser. */
  manualSorting?: ManualSorting;
  /** A row opens this page when clicked; keep a link in one cell for keyboard users. */
  getRowHref?: (row: Row) => string;
  /** The table's accessible name. */
  label?: string;
}) {
  const router = useRouter();
  const [localSorting, setLocalSorting] = useState<SortingState>([]);
  const sorting = manualSorting?.sorting ?? localSorting;
  const onSortingChange: OnChangeFn<SortingState> = (updater) => {
    const next = typeof updater === "function" ? updater(sorting) : updater;
    if (manualSorting) manualSorting.onSortingChange(next);
    else setLocalSorting(next);
  };
  // TanStack's table object is mutable by design; the React Compiler skips memoising it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange,
    manualSorting: manualSorting !== undefined,
    enableSortingRemoval: manualSorting === undefined,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  return (
    <div className="relative overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label={label}>
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    className={`px-4 py-2.5 text-left font-semibold whitespace-nowrap text-slate-700 ${header.column.columnDef.meta?.className ?? ""}`}
                  >
                    {header.column.getCanSort() ? (
                      <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 hover:text-slate-900">
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden className={sorted ? "text-slate-600" : "text-slate-400"}>
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-4 py-10 text-center text-slate-500">
                {empty}
              </td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => {
              const href = getRowHref?.(row.original);
              return (
                <tr
                  key={row.id}
                  onClick={
                    href
                      ? (event) => {
                          if (event.defaultPrevented || (event.target as HTMLElement).closest("a, button, select, input")) return;
                          if (event.metaKey || event.ctrlKey) window.open(href, "_blank");
                          else router.push(href);
                        }
                      : undefined
                  }
                  className={href ? "cursor-pointer hover:bg-slate-50" : "hover:bg-slate-50/60"}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={`px-4 py-2.5 align-middle text-slate-700 ${cell.column.columnDef.meta?.className ?? ""}`}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
}
