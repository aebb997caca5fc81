import type { NewGroup } from "@/db/schema";

/** The hot attributes of a Group resource, copied into columns for filtering, sorting and uniqueness. */
export function groupColumns(resource: Record<string, unknown>) {
  return {
    displayName: resource.displayName as string,
    externalId: (resource.externalId as string | undefined) ?? null,
  } satisfies Partial<NewGroup>;
}
