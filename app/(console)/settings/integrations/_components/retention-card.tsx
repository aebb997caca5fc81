import { Card } from "@/components/ui/card";
import type { Integration } from "@/db/schema";
import type { RetentionPolicy } from "@/lib/integrations/set-retention-policy";
import type { RetentionPreview } from "@/lib/retention/preview-retention";
import { retentionDescriptions } from "./retention-descriptions";
import { RetentionForm } from "./retention-form";
import { RetentionPreviewList } from "./retention-preview";
import { SettingsSummaryList, type SummaryRow } from "./settings-summary-list";

const inDays = (days: number | null) => (days === null ? "Never" : `${days} ${days === 1 ? "day" : "days"}`);

function RetentionSummary({ policy }: { policy: RetentionPolicy }) {
  const rows: SummaryRow[] = [
    ["After deletion", inDays(policy.purgeDaysAfterDeletion), retentionDescriptions.purgeDaysAfterDeletion],
    ["After deactivation", inDays(policy.purgeDaysAfterDeactivation), retentionDescriptions.purgeDaysAfterDeactivation],
  ];
  return <SettingsSummaryList rows={rows} />;
}

/** The integration's retention policy (a form for admins, a summary for others) beside its dry run. */
export function RetentionCard({
  integration,
  canManage,
  preview,
  everySeconds,
}: {
  integration: Integration;
  canManage: boolean;
  preview: RetentionPreview;
  /** How often the job runs (RETENTION_INTERVAL_SECONDS). */
  everySeconds: number;
}) {
  const policy: RetentionPolicy = {
    purgeDaysAfterDeletion: integration.purgeDaysAfterDeletion,
    purgeDaysAfterDeactivation: integration.purgeDaysAfterDeactivation,
  };
  return (
    <Card className="p-6">
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="retention-heading" className="min-w-0">
          <h2 id="retention-heading" className="text-base font-semibold text-slate-900">
            Retention policy
          </h2>
          <p className="mt-1 mb-5 text-sm text-slate-600">
            Permanently delete this integration’s people some days after they were deleted or deactivated: their personal data is removed everywhere, and History keeps a tombstone.
          </p>
          {canManage ? <RetentionForm integrationId={integration.id} policy={policy} /> : <RetentionSummary policy={policy} />}
        </section>
        <section aria-labelledby="retention-preview-heading" className="min-w-0 border-t border-slate-100 pt-6 lg:border-t-0 lg:border-l lg:pt-0 lg:pl-8">
          <h2 id="retention-preview-heading" className="mb-3 text-base font-semibold text-slate-900">
            Next to be permanently deleted
          </h2>
          <RetentionPreviewList
            preview={preview}
            policyOn={policy.purgeDaysAfterDeletion !== null || policy.purgeDaysAfterDeactivation !== null}
            everySeconds={everySeconds}
          />
        </section>
      </div>
    </Card>
  );
}
