import { Badge } from "./badge";

const personTones = {
  active: { tone: "green", label: "Active" },
  inactive: { tone: "amber", label: "Inactive" },
  deleted: { tone: "gray", label: "Deleted (retained)" },
} as const;

/** A provisioned person's state: active, deactivated (kept as inactive) or deleted and retained. */
export function PersonStatusBadge({ status }: { status: keyof typeof personTones }) {
  const { tone, label } = personTones[status];
  return <Badge tone={tone}>{label}</Badge>;
}

/** An HTTP status: 2xx green, 4xx amber, 5xx red. */
export function HttpStatusBadge({ status }: { status: number }) {
  const tone = status >= 500 ? "red" : status >= 400 ? "amber" : status >= 200 && status < 300 ? "green" : "gray";
  return <Badge tone={tone}>{status}</Badge>;
}
