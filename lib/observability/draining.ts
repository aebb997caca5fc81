/**
 * Whether this instance is shutting down: from SIGTERM on, /api/ready answers 503 so a load
 * balancer sends it nothing new. On globalThis, as Next may load this module once per bundle
 * (instrumentation, route handlers).
 */
const state = globalThis as unknown as { scimConsoleDraining?: boolean };

export function isDraining(): boolean {
  return state.scimConsoleDraining === true;
}

export function startDraining(): void {
  state.scimConsoleDraining = true;
}
