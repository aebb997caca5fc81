/** Where the staff-only platform pages live: they belong to no tenant. */
export const PLATFORM_PATH = "/staff";

/**
 * A platform page is not a view inside the tenant the staff member last opened, so it is
 * not audited there; what staff do from it is audited where it lands.
 */
export function isPlatformPage(path: string): boolean {
  return path === PLATFORM_PATH || path.startsWith(`${PLATFORM_PATH}/`);
}
