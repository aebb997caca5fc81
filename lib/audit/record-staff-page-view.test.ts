import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { createConsoleUser } from "@/lib/members/create-console-user";
import { createTenant } from "@/lib/tenants/create-tenant";
import { listAuditLog } from "./list-audit-log";
import type { AuditActor } from "./record-audit";
import { recordStaffPageView } from "./record-staff-page-view";

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

const tenant = (label: string) => createTenant(database.db, { slug: `${label}-${uniqueSuffix()}`, name: label });

async function staffActor(): Promise<AuditActor & { userId: string }> {
  const email = `staff-${uniqueSuffix()}@platform.test`;
  const user = await createConsoleUser(database.db, { email, name: "Staff", password: "correct horse battery staple", isStaff: true });
  return { userId: user.id, label: `${email} (platform staff)`, sourceAddress: "203.0.113.7", userAgent: "Mozilla/5.0 Test" };
}

describe("staff page views", () => {
  it("records a staff page view once per user, tenant and page in a window, even when asked at once", async () => {
    const a = await tenant("a");
    const b = await tenant("b");
    const actor = await staffActor();
    await Promise.all([
      recordStaffPageView(database.db, { tenantId: a.id, actor, path: "/people" }),
      recordStaffPageView(database.db, { tenantId: a.id, actor, path: "/people" }),
    ]);
    await recordStaffPageView(database.db, { tenantId: a.id, actor, path: "/people" });
    await recordStaffPageView(database.db, { tenantId: a.id, actor, path: "/roles" });
    await recordStaffPageView(database.db, { tenantId: b.id, actor, path: "/people" });
    const other = await staffActor();
    await recordStaffPageView(database.db, { tenantId: a.id, actor: other, path: "/people" });

    const views = (await listAuditLog(database.db, a.id, { limit: 50, offset: 0 })).rows;
    expect(views.map((r) => `${r.actorLabel} ${r.description}`).sort()).toEqual(
      [`${actor.label} Viewed /people`, `${actor.label} Viewed /roles`, `${other.label} Viewed /people`].sort(),
    );
    expect((await listAuditLog(database.db, b.id, { limit: 50, offset: 0 })).total).toBe(1);
  });

  it("records the same page again once the window has passed", async () => {
    const a = await tenant("a");
    const actor = await staffActor();
    await recordStaffPageView(database.db, { tenantId: a.id, actor, path: "/people" });
    await recordStaffPageView(database.db, { tenantId: a.id, actor, path: "/people" }, 0);
    expect((await listAuditLog(database.db, a.id, { limit: 50, offset: 0 })).total).toBe(2);
  });
});
