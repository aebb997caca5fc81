import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";

export type Health = { status: "ok" | "unavailable"; database: "ok" | "unreachable"; backend?: string };

/** Up when the database answers a query within two seconds. */
export async function checkHealth(): Promise<Health> {
  try {
    const database = await withTimeout(getDatabase(), 2_000);
    await withTimeout(database.db.execute(sql`select 1`), 2_000);
    return { status: "ok", database: "ok", backend: database.kind };
  } catch {
    return { status: "unavailable", database: "unreachable" };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), ms).unref()),
  ]);
}
