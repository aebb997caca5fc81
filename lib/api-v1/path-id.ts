import { z } from "zod";
import { AppError } from "@/lib/errors";

/** The `{id}` of an /api/v1 path, as the OpenAPI document shows it. */
export const pathIdSchema = z.string().describe("The resource's id (a UUID)");

/**
 * An id from an /api/v1 path. What is not a UUID names nothing, so it is not found (404),
 * exactly like an unknown id or another tenant's: the answer never tells them apart, and the
 * database never sees a value it would refuse to cast.
 */
export function pathIdOrNotFound(id: string, message: string): string {
  if (!z.guid().safeParse(id).success) throw new AppError("not_found", message);
  return id;
}
