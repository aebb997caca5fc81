import type { Db } from "@/db/client";
import { changeEvents, type Integration } from "@/db/schema";
import type { Actor } from "@/lib/history/record-event";

/**
 * What changed about an integration: its status (an admin enabled or disabled it) or its
 * connection's alert state (failing, stale, token expiring...; null when healthy again).
 */
export type IntegrationStateChange =
  | { aspect: "status"; previous: Integration["status"]; state: Integration["status"] }
  | { aspect: "connection"; previous: string | null; state: string | null; detail: string };

/** Writes `integration.state_changed` to the outbox; call it in the transaction of the change. */
export async function recordIntegrationStateChange(tx: Db, integration: Integration, change: IntegrationStateChange, actor: Actor): Promise<void> {
  const { previous, ...current } = change;
  await tx.insert(changeEvents).values({
    tenantId: integration.tenantId,
    type: "integration.state_changed",
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    requestId: actor.requestId ?? null,
    data: {
      resource: { id: integration.id, name: integration.name, provider: integration.provider, status: integration.status },
      ...current,
      previous: { state: previous },
    },
  });
}
