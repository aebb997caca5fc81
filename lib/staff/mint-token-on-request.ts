import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { integrations, tenants, type Integration } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { mintToken, type MintedToken } from "@/lib/tokens/mint-token";
import { assertStaff } from "./internal/assert-staff";
import { staffActor, type RequestOrigin, type StaffMember } from "./staff-actor";

export const DEFAULT_STAFF_TOKEN_DESCRIPTION = "Minted by platform staff on request";

export const mintTokenOnRequestInput = z.object({
  integrationId: z.uuid({ error: "Choose an integration" }),
  reason: z
    .string({ error: "Give the reason: the support ticket that asked for it" })
    .trim()
    .min(1, "Give the reason: the support ticket that asked for it")
    .max(500, "Use at most 500 characters"),
  description: z
    .string()
    .trim()
    .max(120, "Use at most 120 characters")
    .optional()
    .transform((value) => value || DEFAULT_STAFF_TOKEN_DESCRIPTION),
});
export type MintTokenOnRequestInput = z.input<typeof mintTokenOnRequestInput>;

export type TokenMintedOnRequest = MintedToken & {
  integration: Pick<Integration, "id" | "name" | "provider" | "appKey">;
  tenant: { id: string; slug: string; name: string };
};

/**
 * A provisioning token for any tenant's integration, minted by platform staff when the
 * tenant asks for one (TrackTik: "contact support to get a provisioning token", seed 004).
 * The reason is required and goes, with the staff member, into that tenant's audit log in
 * the same transaction as the token. The secret is returned once; only its hash is stored.
 */
export async function mintTokenOnRequest(
  db: Db,
  staff: StaffMember,
  raw: MintTokenOnRequestInput,
  origin: RequestOrigin = {},
): Promise<TokenMintedOnRequest> {
  assertStaff(staff, "mint a token for a tenant");
  const parsed = mintTokenOnRequestInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("bad_input", issue.message, String(issue.path[0]));
  }
  const { integrationId, reason, description } = parsed.data;
  const actor = staffActor(staff, origin);
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({
        integration: { id: integrations.id, name: integrations.name, provider: integrations.provider, appKey: integrations.appKey },
        tenant: { id: tenants.id, slug: tenants.slug, name: tenants.name },
      })
      .from(integrations)
      .innerJoin(tenants, eq(tenants.id, integrations.tenantId))
      .where(eq(integrations.id, integrationId));
    if (!found) throw new AppError("not_found", "No such integration", "integrationId");
    const minted = await mintToken(tx, { tenantId: found.tenant.id, integrationId, description, createdByUserId: staff.id });
    await recordAudit(tx, {
      tenantId: found.tenant.id,
      actor,
      action: "staff.token_minted",
      detail: { tokenId: minted.token.id, hint: minted.token.hint, integrationId, name: found.integration.name, reason },
    });
    return { ...minted, ...found };
  });
}
