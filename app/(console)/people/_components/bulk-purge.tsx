"use client";

import { useActionState } from "react";
import { ActionDialog, ReasonField } from "@/components/ui/action-dialog";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/auth/form-action";
import { purgePeopleAction } from "../actions";

const plural = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;

function Confirmation({ count, state }: { count: number; state: FormState }) {
  return (
    <>
      <TextField label={`Type ${count} to confirm`} name="confirmCount" inputMode="numeric" autoComplete="off" required error={state.fieldErrors?.confirmCount} />
      <ReasonField hint="Shown in each person's History with your name. Leave out personal data." error={state.fieldErrors?.reason} />
    </>
  );
}

const consequences = (
  <p>
    Their profiles, roles and History details, and every SCIM request that names them, are removed. It cannot be undone;
    History keeps only who deleted them, when and why. Large selections are deleted 200 at a time.
  </p>
);

/**
 * Permanent delete of many people from the People table: the rows selected on this page, or
 * everyone matching the current search and status filter, confirmed by typing the count.
 */
export function BulkPurge({
  selectedIds,
  total,
  filter,
  onDone,
}: {
  selectedIds: string[];
  total: number;
  filter: { q: string; status: string; integration: string; role: string; department: string; region: string };
  onDone: () => void;
}) {
  // One action state for both dialogs, tagged with the one that posted: each shows only its own
  // refusal, and the message under the bar is always the latest outcome.
  const [last, purge, pending] = useActionState<{ scope: string; result: FormState }, FormData>(async (_previous, formData) => {
    const result = await purgePeopleAction({}, formData);
    if (result.success && formData.get("scope") === "selected") onDone();
    return { scope: String(formData.get("scope")), result };
  }, { scope: "", result: {} });
  const stateOf = (scope: string): FormState => (last.scope === scope ? last.result : {});
  const selectedState = stateOf("selected");
  const matchingState = stateOf("matching");
  const done = last.result.success;
  return (
    <div className="mb-3 space-y-3">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Bulk actions">
        <span className="text-sm text-slate-600">{selectedIds.length > 0 ? `${plural(selectedIds.length)} selected` : "Select people to act on several at once"}</span>
        {selectedIds.length > 0 ? (
          <ActionDialog
            label="Delete selected permanently"
            title={`Permanently delete ${plural(selectedIds.length)}?`}
            description={consequences}
            confirmLabel="Delete permanently"
            tone="danger"
            state={selectedState}
            action={purge}
            pending={pending}
            fields={{ scope: "selected", personIds: selectedIds.join(",") }}
          >
            <Confirmation count={selectedIds.length} state={selectedState} />
          </ActionDialog>
        ) : null}
        {total > 0 ? (
          <ActionDialog
            label={`Delete all ${total} matching permanently`}
            title={`Permanently delete all ${plural(total)} matching this filter?`}
            description={consequences}
            confirmLabel="Delete permanently"
            tone="danger"
            state={matchingState}
            action={purge}
            pending={pending}
            fields={{
              scope: "matching",
              search: filter.q,
              status: filter.status,
              ...(filter.integration ? { integrationId: filter.integration } : {}),
              ...(filter.role ? { roleId: filter.role } : {}),
              ...(filter.department ? { department: filter.department } : {}),
              ...(filter.region ? { region: filter.region } : {}),
            }}
          >
            <Confirmation count={total} state={matchingState} />
          </ActionDialog>
        ) : null}
      </div>
      {done ? <Alert tone="success">{done}</Alert> : null}
    </div>
  );
}
