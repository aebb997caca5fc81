import { AppError } from "@/lib/errors";

/**
 * Platform staff only: the console user's own flag, never a tenant role. An admin of every
 * tenant is still not staff, so a membership never opens these services.
 */
export function assertStaff(viewer: { isStaff: boolean }, what: string): void {
  if (!viewer.isStaff) throw new AppError("forbidden", `Only platform staff ${what}`);
}
