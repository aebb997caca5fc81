import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, type Integration } from "@/db/schema";

/**
 * The integration an app key names, in any tenant: a request refused before it authenticated
 * is still logged under the integration its URL named, so its admins see it.
 */
export async function findIntegrationByAppKey(db: Db, appKey: string): Promise<Integration | undefined> {
  const [row] = await db.select().from(integrations).where(eq(integrations.appKey, appKey)).limit(1);
  return row;
}
