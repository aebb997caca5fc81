import type { IntegrationSettings } from "@/db/schema";
import { normalizeResource } from "@/lib/scim/normalize";
import { userSchemas } from "@/lib/scim/schemas/lookup";
import { validateResource } from "@/lib/scim/validate";
import { applyIdentifierRules } from "./identifier-rules";

/**
 * A POST or PUT body turned into the User resource to store: identity-provider quirks
 * normalised, checked against the schema, then the integration's identifier rules applied.
 */
export function prepareUser(
  body: unknown,
  settings: IntegrationSettings,
  mode: "create" | "replace",
  before?: Record<string, unknown>,
): { resource: Record<string, unknown>; ignored: string[] } {
  const { resource, ignored } = validateResource(normalizeResource(body, userSchemas), userSchemas, { mode });
  const withRules = applyIdentifierRules(resource, settings, before);
  // A PUT that leaves `active` out must not quietly give a deactivated person access again:
  // the current state stays. Okta always sends it; other clients may not.
  if (mode === "replace" && withRules.active === undefined && before?.active !== undefined) {
    return { resource: { ...withRules, active: before.active }, ignored };
  }
  return { resource: activeByDefault(withRules), ignored };
}

/**
 * A User without `active` is active (the `active` column says so): the stored resource says
 * it too, so GET shows it and a later `active: true` is the no-op it is, not a change.
 */
export function activeByDefault(resource: Record<string, unknown>): Record<string, unknown> {
  return resource.active === undefined ? { ...resource, active: true } : resource;
}
