"use client";

import { useActionState } from "react";
import { ActionDialog, ReasonField } from "@/components/ui/action-dialog";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/auth/form-action";
import type { PersonStatus } from "@/lib/people/person-status";
import { deactivatePersonAction, purgePersonAction, reactivatePersonAction } from "../../actions";

type Subject = { id: string; version: number; name: string; userName: string; status: PersonStatus; integrationName: string | null };

const REASON_HINT = "Shown in History with your name. Leave out personal data.";

function IdentityProviderNote({ subject, active }: { subject: Subject; active: boolean }) {
  const idp = subject.integrationName ?? "The identity provider";
  return (
    <p>
      {idp} manages {subject.name}: its next push of <code className="font-mono text-xs">active</code> wins and{" "}
      {active ? "may deactivate them again" : "may make them active again"}.{" "}
      {active ? "" : "To keep them out, also unassign them in the identity provider."}
    </p>
  );
}

/**
 * What support can do to a person: deactivate or reactivate (the identity provider still
 * owns `active`), export their data, or delete them permanently after typing their userName.
 */
export function PersonActions({ subject }: { subject: Subject }) {
  const [deactivated, deactivate, deactivating] = useActionState<FormState, FormData>(deactivatePersonAction, {});
  const [reactivated, reactivate, reactivating] = useActionState<FormState, FormData>(reactivatePersonAction, {});
  const [purged, purge, purging] = useActionState<FormState, FormData>(purgePersonAction, {});
  const fields = { personId: subject.id, version: String(subject.version) };
  const done = subject.status === "inactive" ? deactivated.success : subject.status === "active" ? reactivated.success : undefined;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Actions">
        {subject.status === "active" ? (
          <ActionDialog
            label="Deactivate"
            title={`Deactivate ${subject.name}?`}
            description={
              <>
                <p>They keep their data and show as inactive; SCIM answers <code className="font-mono text-xs">active: false</code> at once.</p>
                <IdentityProviderNote subject={subject} active={false} />
              </>
            }
            confirmLabel="Deactivate"
            state={deactivated}
            action={deactivate}
            pending={deactivating}
            fields={fields}
          >
            <ReasonField hint={REASON_HINT} error={deactivated.fieldErrors?.reason} />
          </ActionDialog>
        ) : null}
        {subject.status === "inactive" ? (
          <ActionDialog
            label="Reactivate"
            title={`Reactivate ${subject.name}?`}
            description={
              <>
                <p>SCIM answers <code className="font-mono text-xs">active: true</code> at once.</p>
                <IdentityProviderNote subject={subject} active />
              </>
            }
            confirmLabel="Reactivate"
            state={reactivated}
            action={reactivate}
            pending={reactivating}
            fields={fields}
          >
            <ReasonField hint={REASON_HINT} error={reactivated.fieldErrors?.reason} />
          </ActionDialog>
        ) : null}
        <a
          href={`/people/${subject.id}/export`}
          download
          className="inline-flex items-center justify-center rounded-md bg-white px-3.5 py-2 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
        >
          Export data
        </a>
        <ActionDialog
          label="Delete permanently"
          title={`Permanently delete ${subject.name}?`}
          description={
            <>
              <p>
                This removes their profile, roles and History details, and every SCIM request that names them. It cannot
                be undone. History keeps only who deleted them, when and why.
              </p>
              <p>If the identity provider still assigns them, its next push creates a new person.</p>
            </>
          }
          confirmLabel="Delete permanently"
          tone="danger"
          state={purged}
          action={purge}
          pending={purging}
          fields={fields}
        >
          <TextField
            label={`Type ${subject.userName} to confirm`}
            name="confirmUserName"
            autoComplete="off"
            spellCheck={false}
            required
            error={purged.fieldErrors?.confirmUserName}
          />
          <ReasonField hint={REASON_HINT} error={purged.fieldErrors?.reason} />
        </ActionDialog>
      </div>
      {done ? <Alert tone="success">{done}</Alert> : null}
    </div>
  );
}
