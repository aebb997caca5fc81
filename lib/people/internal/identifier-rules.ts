import type { IntegrationSettings } from "@/db/schema";
import { primaryEmailOf } from "./person-columns";

type Email = { value?: string; type?: string; primary?: boolean } & Record<string, unknown>;

const looksLikeEmail = (value: unknown): value is string => typeof value === "string" && /^[^\s@]+@[^\s@]+$/.test(value);

/**
 * The integration's identifier settings, applied to every write:
 * - lowercase userName and emails (Proxy, seed 003);
 * - couple userName and the primary email, so an update of either sets both (Proxyclick,
 *   seeds 000/001). On create, and when userName changed, userName wins; when only the
 *   primary email changed, it becomes the userName. Only values that look like emails couple.
 */
export function applyIdentifierRules(
  resource: Record<string, unknown>,
  settings: IntegrationSettings,
  before?: Record<string, unknown>,
): Record<string, unknown> {
  const next = structuredClone(resource);
  if (settings.lowercaseIdentifiers) {
    if (typeof next.userName === "string") next.userName = next.userName.toLowerCase();
    if (Array.isArray(next.emails)) {
      next.emails = (next.emails as Email[]).map((e) => (typeof e.value === "string" ? { ...e, value: e.value.toLowerCase() } : e));
    }
  }
  if (settings.coupleUserNameAndEmail) {
    const userNameChanged = !before || before.userName !== next.userName;
    const emailChanged = before ? primaryEmailOf(before) !== primaryEmailOf(next) : false;
    if (userNameChanged && looksLikeEmail(next.userName)) setPrimaryEmail(next, next.userName);
    else if (emailChanged && looksLikeEmail(primaryEmailOf(next))) next.userName = primaryEmailOf(next);
  }
  return next;
}

function setPrimaryEmail(resource: Record<string, unknown>, value: string): void {
  const emails = (Array.isArray(resource.emails) ? resource.emails : []) as Email[];
  const index = emails.findIndex((e) => e.primary === true);
  const at = index >= 0 ? index : emails.length > 0 ? 0 : -1;
  if (at >= 0) {
    resource.emails = emails.map((e, i) => (i === at ? { ...e, value, primary: true } : e));
  } else {
    resource.emails = [{ value, type: "work", primary: true }];
  }
}
