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
  return { resource: applyIdentifierRules(resource, settings, before), ignored };
}
