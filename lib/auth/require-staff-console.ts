import { notFound } from "next/navigation";
import { requireConsole, type ConsoleContext } from "./console-context";

/**
 * A platform page: signed in and platform staff. To anyone else, whatever their tenant
 * role, the page does not exist (404), as the unattributed requests page does.
 */
export async function requireStaffConsole(): Promise<ConsoleContext> {
  const context = await requireConsole("tenant:read");
  if (!context.user.isStaff) notFound();
  return context;
}
