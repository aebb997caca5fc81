import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrationAlerts, integrations, type IntegrationAlert } from "@/db/schema";
import { alertLabel } from "./alert-labels";

export type ActiveAlert = Pick<IntegrationAlert, "id" | "integrationId" | "topic" | "state" | "detail" | "createdAt"> & { integrationName: string; label: string };
export type AlertHistoryEntry = IntegrationAlert & { label: string };

/**
 * The latest alert row per integration and topic, across every tenant or one: the alert state
 * each is in now (state null: cleared).
 */
export function latestAlerts(db: Db, tenantId?: string) {
  return db
    .selectDistinctOn([integrationAlerts.integrationId, integrationAlerts.topic], {
      id: integrationAlerts.id,
      integrationId: integrationAlerts.integrationId,
      topic: integrationAlerts.topic,
      state: integrationAlerts.state,
      detail: integrationAlerts.detail,
      createdAt: integrationAlerts.createdAt,
    })
    .from(integrationAlerts)
    .where(tenantId ? eq(integrationAlerts.tenantId, tenantId) : sql`true`)
    .orderBy(integrationAlerts.integrationId, integrationAlerts.topic, desc(integrationAlerts.id));
}

/** The tenant's alerts in force, for the banner on every console page. */
export async function listActiveAlerts(db: Db, tenantId: string): Promise<ActiveAlert[]> {
  const latest = latestAlerts(db, tenantId).as("latest");
  const rows = await db
    .select({
      id: latest.id,
      integrationId: latest.integrationId,
      topic: latest.topic,
      state: latest.state,
      detail: latest.detail,
      createdAt: latest.createdAt,
      integrationName: integrations.name,
    })
    .from(latest)
    .innerJoin(integrations, and(eq(integrations.id, latest.integrationId), eq(integrations.tenantId, tenantId)))
    .where(isNotNull(latest.state))
    .orderBy(desc(latest.createdAt));
  return rows.map((row) => ({ ...row, label: alertLabel(row.state) }));
}

/** One integration's alert history, newest first. */
export async function listAlertHistory(db: Db, tenantId: string, integrationId: string, limit = 20): Promise<AlertHistoryEntry[]> {
  const rows = await db
    .select()
    .from(integrationAlerts)
    .where(and(eq(integrationAlerts.tenantId, tenantId), eq(integrationAlerts.integrationId, integrationId)))
    .orderBy(desc(integrationAlerts.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, label: alertLabel(row.state) }));
}
