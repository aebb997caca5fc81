import { and, asc, eq, gte, lte } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { scimRequestHours } from "@/db/schema";

export const chartRanges = { "24h": { hours: 24, bucketHours: 1 }, "7d": { hours: 168, bucketHours: 6 }, "30d": { hours: 720, bucketHours: 24 } } as const;
export const chartRange = z.enum(["24h", "7d", "30d"]).catch("24h");
export type ChartRange = keyof typeof chartRanges;

export type SeriesPoint = { start: Date; requests: number; failures: number };

const HOUR_MS = 3_600_000;

/**
 * An integration's requests and failures over the range, in buckets (hours for a day, six
 * hours for a week, days for a month), read from the hourly rollup: at most 720 rows whatever
 * the traffic. Every bucket is present, quiet ones as zeros, so the chart's axis is even.
 */
export async function readRequestSeries(db: Db, tenantId: string, integrationId: string, range: ChartRange, now: Date): Promise<SeriesPoint[]> {
  const { hours, bucketHours } = chartRanges[range];
  const bucketMs = bucketHours * HOUR_MS;
  const end = Math.floor(now.getTime() / bucketMs) * bucketMs + bucketMs;
  const start = end - hours * HOUR_MS;
  const rows = await db
    .select({ hour: scimRequestHours.hour, requests: scimRequestHours.requests, failures: scimRequestHours.failures })
    .from(scimRequestHours)
    .where(
      and(
        eq(scimRequestHours.tenantId, tenantId),
        eq(scimRequestHours.integrationId, integrationId),
        gte(scimRequestHours.hour, new Date(start)),
        lte(scimRequestHours.hour, now),
      ),
    )
    .orderBy(asc(scimRequestHours.hour));
  const points: SeriesPoint[] = [];
  for (let at = start; at < end; at += bucketMs) points.push({ start: new Date(at), requests: 0, failures: 0 });
  for (const row of rows) {
    const point = points[Math.floor((row.hour.getTime() - start) / bucketMs)];
    if (!point) continue;
    point.requests += row.requests;
    point.failures += row.failures;
  }
  return points;
}
