import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ConnectionState } from "@/lib/connection-health/connection-state";

export const connectionStateLabels: Record<ConnectionState, string> = {
  waiting: "Waiting for the first request",
  connected: "Connected",
  provisioning: "Provisioning",
  idle: "Idle",
  stale: "Stale",
  failing: "Failing",
  disabled: "Disabled",
  token_expiring: "Token expiring",
  expired: "Token expired",
};

const tones: Record<ConnectionState, BadgeTone> = {
  waiting: "gray",
  connected: "blue",
  provisioning: "green",
  idle: "green",
  stale: "amber",
  failing: "red",
  disabled: "gray",
  token_expiring: "amber",
  expired: "red",
};

/** An integration's connection state in words; the colour only repeats what the words say. */
export function ConnectionStateBadge({ state }: { state: ConnectionState }) {
  return <Badge tone={tones[state]}>{connectionStateLabels[state]}</Badge>;
}
