import type { Db } from "@/db/client";
import { listConnectionHealth, type IntegrationHealth } from "@/lib/connection-health/list-connection-health";
import { readRequestSeries, type ChartRange, type SeriesPoint } from "@/lib/connection-health/read-request-series";
import { listLatestEvents, type LatestEvent } from "@/lib/history/list-latest-events";
import { readTenantCounts, type TenantCounts } from "./read-tenant-counts";

export type Overview = {
  counts: TenantCounts;
  integrations: (IntegrationHealth & { series: SeriesPoint[] })[];
  latest: LatestEvent[];
};

/** Everything the Overview page shows, read at `now`: the function the benchmark times. */
export async function readOverview(db: Db, tenantId: string, range: ChartRange, now: Date): Promise<Overview> {
  const [counts, health, latest] = await Promise.all([readTenantCounts(db, tenantId, now), listConnectionHealth(db, tenantId, now), listLatestEvents(db, tenantId)]);
  const integrations = await Promise.all(health.map(async (row) => ({ ...row, series: await readRequestSeries(db, tenantId, row.id, range, now) })));
  return { counts, integrations, latest };
}
