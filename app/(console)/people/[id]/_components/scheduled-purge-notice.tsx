import { Alert } from "@/components/ui/alert";
import { formatDate } from "@/components/ui/format";
import type { ScheduledPurge } from "@/lib/retention/find-scheduled-purge";

/**
 * When a retention policy will delete this person. Worked out from their current state, so a
 * reactivation (by the identity provider or by support) or a policy turned off removes it.
 */
export function ScheduledPurgeNotice({ purge, now }: { purge: ScheduledPurge; now: Date }) {
  const why = `retention policy of ${purge.integration.name}: ${purge.policy}`;
  return (
    <Alert tone="info">
      {purge.dueAt > now
        ? `Will be permanently deleted on ${formatDate(purge.dueAt)} (${why}).`
        : `Due for permanent deletion since ${formatDate(purge.dueAt)}: the next retention run deletes them (${why}).`}
    </Alert>
  );
}
