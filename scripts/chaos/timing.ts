/** Small helpers every scenario shares: waiting, deadlines and a repeatable random source. */

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A deadline `ms` from now: loops check `passed()` so none runs past its time budget. */
export function deadline(ms: number): { passed: () => boolean; remainingMs: () => number } {
  const end = performance.now() + ms;
  return { passed: () => performance.now() >= end, remainingMs: () => Math.max(0, end - performance.now()) };
}

/** mulberry32: the same seed gives the same fuzz cases, so a finding can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/**
 * 429 is a refusal the server may add to slow a client down: wait what Retry-After asks,
 * bounded so a scenario keeps to its time budget.
 */
export function backoffMs(retryAfter: string | null | undefined): number {
  const seconds = Number(retryAfter);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, 2_000) : 250;
}

/** A step that may hang (a request, a process that will not exit) fails after `ms` instead. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
