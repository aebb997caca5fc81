"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useActionState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { formatDateTime } from "@/components/ui/format";
import type { FormState } from "@/lib/auth/form-action";
import type { MemberRow } from "@/lib/members/list-members";
import { changeRoleAction } from "../actions";

function RoleSelect({ member }: { member: MemberRow }) {
  const [state, action, pending] = useActionState<FormState, FormData>(changeRoleAction, {});
  const message = state.error ?? Object.values(state.fieldErrors ?? {})[0];
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={member.userId} />
      <label className="sr-only" htmlFor={`role-${member.userId}`}>
        Role of {member.email}
      </label>
      <select
        id={`role-${member.userId}`}
        name="role"
        defaultValue={member.role}
        disabled={pending}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="rounded-md border-0 py-1 pr-7 pl-2 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-600"
      >
        <option value="admin">Admin</option>
        <option value="support">Support</option>
        <option value="viewer">Viewer</option>
      </select>
      {message ? <span className="text-xs text-red-600">{message}</span> : null}
    </form>
  );
}

const columns: ColumnDef<MemberRow, unknown>[] = [
  { accessorKey: "name", header: "Name", cell: ({ row }) => <span className="font-medium text-slate-900">{row.original.name}</span> },
  { accessorKey: "email", header: "Email" },
  { accessorKey: "role", header: "Role", cell: ({ row }) => <RoleSelect member={row.original} /> },
  {
    accessorKey: "lastSignInAt",
    header: "Last sign-in",
    cell: ({ row }) => (row.original.lastSignInAt ? formatDateTime(row.original.lastSignInAt) : "Never"),
  },
];

export function MembersTable({ members }: { members: MemberRow[] }) {
  return <DataTable columns={columns} data={members} getRowId={(m) => m.userId} empty="No members yet." />;
}
