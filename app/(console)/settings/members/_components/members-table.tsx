"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useActionState, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { formatDateTime } from "@/components/ui/format";
import type { MemberRole } from "@/db/schema";
import type { FormState } from "@/lib/auth/form-action";
import type { MemberRow } from "@/lib/members/list-members";
import { changeRoleAction, removeMemberAction } from "../actions";
import type { RoleChoice } from "@/lib/members/role-descriptions";

function messageOf(state: FormState): string | undefined {
  return state.error ?? Object.values(state.fieldErrors ?? {})[0];
}

/** Picking another role only proposes it: the change happens after the dialog confirms it. */
function RoleSelect({ member, roles }: { member: MemberRow; roles: RoleChoice[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(changeRoleAction, {});
  const [choice, setChoice] = useState<MemberRole>(member.role);
  const message = messageOf(state);
  const from = roles.find((r) => r.value === member.role)!;
  const to = roles.find((r) => r.value === choice)!;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${member.userId}`}>
        Role of {member.email}
      </label>
      <select
        id={`role-${member.userId}`}
        value={choice}
        disabled={pending}
        onChange={(event) => setChoice(event.currentTarget.value as MemberRole)}
        className="rounded-md border-0 py-1 pr-7 pl-2 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-600"
      >
        {roles.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </select>
      {from !== to ? (
        <>
          <ConfirmButton
            label={pending ? "Changing…" : "Change"}
            title={`Make ${member.email} ${to.article}?`}
            description={`${member.name} is ${from.article} now. As ${to.article}, they can ${to.can}.`}
            confirmLabel="Change role"
            action={action}
            fields={{ userId: member.userId, role: choice }}
            pending={pending}
            tone="primary"
            size="sm"
          />
          <Button type="button" variant="ghost" className="px-2 py-1 text-xs" onClick={() => setChoice(member.role)}>
            Keep {from.label}
          </Button>
        </>
      ) : null}
      {message ? <span className="text-xs text-red-600">{message}</span> : null}
    </div>
  );
}

function RemoveMember({ member, isYou, tenantName }: { member: MemberRow; isYou: boolean; tenantName: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(removeMemberAction, {});
  const message = messageOf(state);
  return (
    <div className="flex items-center justify-end gap-2">
      {message ? <span className="text-xs text-red-600">{message}</span> : null}
      <ConfirmButton
        label={pending ? "Removing…" : "Remove"}
        title={isYou ? `Remove yourself from ${tenantName}?` : `Remove ${member.email}?`}
        description={
          <>
            {isYou ? "You" : member.name} will no longer be able to open {tenantName}, from the next page load on. Their account and
            any other organisations they belong to stay. To give access back, invite them again.
          </>
        }
        confirmLabel="Remove member"
        action={action}
        fields={{ userId: member.userId }}
        pending={pending}
        size="sm"
      />
    </div>
  );
}

function columns(roles: RoleChoice[], currentUserId: string, tenantName: string): ColumnDef<MemberRow, unknown>[] {
  return [
    {
      accessorKey: "name",
      header: "Name",
      cell: ({ row }) => (
        <span className="font-medium text-slate-900">
          {row.original.name}
          {row.original.userId === currentUserId ? <span className="ml-1.5 text-xs font-normal text-slate-500">(you)</span> : null}
        </span>
      ),
    },
    { accessorKey: "email", header: "Email" },
    { accessorKey: "role", header: "Role", cell: ({ row }) => <RoleSelect key={row.original.role} member={row.original} roles={roles} /> },
    {
      accessorKey: "lastSignInAt",
      header: "Last sign-in",
      cell: ({ row }) => (row.original.lastSignInAt ? formatDateTime(row.original.lastSignInAt) : "Never"),
    },
    {
      id: "actions",
      header: () => <span className="relative"><span className="sr-only">Actions</span></span>,
      enableSorting: false,
      cell: ({ row }) => <RemoveMember member={row.original} isYou={row.original.userId === currentUserId} tenantName={tenantName} />,
    },
  ];
}

export function MembersTable({
  members,
  roles,
  currentUserId,
  tenantName,
}: {
  members: MemberRow[];
  roles: RoleChoice[];
  currentUserId: string;
  tenantName: string;
}) {
  return <DataTable columns={columns(roles, currentUserId, tenantName)} data={members} getRowId={(m) => m.userId} label="Members" empty="No members yet." />;
}
