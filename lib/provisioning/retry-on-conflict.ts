/** SQLSTATE 40P01 (deadlock detected) and 40001 (serialization failure): safe to run again. */
const RETRYABLE = new Set(["40P01", "40001"]);
export const MAX_ATTEMPTS = 3;

export function isRetryableConflict(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code && RETRYABLE.has(e.code)) return true;
  }
  return false;
}

/**
 * Runs a request's work again when PostgreSQL aborted its transaction to break a deadlock
 * (a group PATCH and a DELETE of one of its members lock the same rows in opposite order).
 * The aborted transaction changed nothing, so running it again is safe.
 */
export async function retryOnConflict<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}
