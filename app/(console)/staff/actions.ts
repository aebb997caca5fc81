"use server";

import { getDb } from "@/db/client";
import { staffAction } from "@/lib/auth/staff-action";
import { findPeopleAcrossTenants, findPeopleInput, type PersonAcrossTenants } from "@/lib/staff/find-people-across-tenants";
import { mintTokenOnRequest, mintTokenOnRequestInput } from "@/lib/staff/mint-token-on-request";
import { tenantUrl } from "@/lib/integrations/tenant-url";

export type PeopleSearchResult = { found?: { query: string; rows: PersonAcrossTenants[]; more: boolean } };

/** Platform > Find a person: every tenant's people by email or userName, audited. */
export const findPeopleAction = staffAction<typeof findPeopleInput, PeopleSearchResult>(findPeopleInput, async (input, { staff, origin }) => {
  const { rows, more } = await findPeopleAcrossTenants(await getDb(), staff, input, origin);
  return { values: { query: input.query }, found: { query: input.query, rows, more } };
});

/** A tenant's page on the platform: a token minted on request, its secret shown once. */
export const mintTokenAction = staffAction<typeof mintTokenOnRequestInput>(mintTokenOnRequestInput, async (input, { staff, origin }) => {
  const { token, secret, integration } = await mintTokenOnRequest(await getDb(), staff, input, origin);
  return {
    success: `Token …${token.hint} created for ${integration.name}.`,
    reveal: { secret, tenantUrl: tenantUrl(integration), appKey: integration.appKey, provider: integration.provider },
  };
});
