import { uniqueSuffix } from "@/db/testing";
import { createConsoleUser } from "@/lib/members/create-console-user";
import type { ScimHarness } from "@/lib/provisioning/testing";
import type { StaffMember } from "./staff-actor";

/** A platform staff member, and tenant A's admin (who is not staff), of a SCIM harness. */
export async function staffAndAdmin(h: ScimHarness): Promise<{ staff: StaffMember; admin: StaffMember }> {
  const password = "correct horse battery staple";
  const staff = await createConsoleUser(h.db, { email: `staff-${uniqueSuffix()}@platform.test`, name: "Sam Staff", password, isStaff: true });
  const admin = await createConsoleUser(h.db, {
    email: `admin-${uniqueSuffix()}@a.test`,
    name: "Ann Admin",
    password,
    membership: { tenantId: h.a.tenant.id, role: "admin" },
  });
  return { staff, admin };
}
