import type { AuditActor } from "@/lib/audit/record-audit";

/** The console user behind a platform staff request, and where it came from. */
export type StaffMember = { id: string; email: string; isStaff: boolean };
export type RequestOrigin = { sourceAddress?: string | null; userAgent?: string | null };

/** How the audit log names staff: their email, marked, as when they act inside a tenant. */
export function staffActor(staff: Pick<StaffMember, "id" | "email">, origin: RequestOrigin = {}): AuditActor {
  return { userId: staff.id, label: `${staff.email} (platform staff)`, sourceAddress: origin.sourceAddress, userAgent: origin.userAgent };
}
