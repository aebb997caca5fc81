import { desc, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { scimRequests } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { countAll, pagedQuery, type Paged, type PageWindow } from "@/lib/paged-query";

export type UnattributedRequest = {
  id: number;
  requestId: string;
  method: string;
  path: string;
  status: number;
  detail: string | null;
  userAgent: string | null;
  sourceAddress: string | null;
  createdAt: Date;
};

/**
 * SCIM requests that named no integration a tenant owns (no app key or an unknown one, with
 * credentials that were not accepted): no tenant's admins can be shown them, so only platform
 * staff see them. Each row is a bounded summary; newest first.
 */
export async function listUnattributedRequests(
  db: Db,
  viewer: { isStaff: boolean },
  page: PageWindow,
): Promise<Paged<UnattributedRequest>> {
  if (!viewer.isStaff) throw new AppError("forbidden", "Only platform staff see requests that name no integration");
  const where = isNull(scimRequests.tenantId);
  return pagedQuery(db.select({ total: countAll }).from(scimRequests).where(where), page, ({ limit, offset }) =>
    db
      .select({
        id: scimRequests.id,
        requestId: scimRequests.requestId,
        method: scimRequests.method,
        path: scimRequests.path,
        status: scimRequests.status,
        detail: scimRequests.detail,
        userAgent: scimRequests.userAgent,
        sourceAddress: scimRequests.sourceAddress,
        createdAt: scimRequests.createdAt,
      })
      .from(scimRequests)
      .where(where)
      .orderBy(desc(scimRequests.id))
      .limit(limit)
      .offset(offset),
  );
}
