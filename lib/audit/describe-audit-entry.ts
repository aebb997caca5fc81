import { roleLabels } from "@/lib/auth/permissions";
import { describeRetentionRule, type RetentionRule } from "@/lib/retention/retention-rule";
import type { AuditAction } from "./audit-actions";

type Detail = Record<string, unknown>;

function text(detail: Detail, key: string, fallback: string): string {
  const value = detail[key];
  return typeof value === "string" && value !== "" ? value : fallback;
}

function role(detail: Detail, key: string): string {
  const value = text(detail, key, "");
  return value in roleLabels ? roleLabels[value as keyof typeof roleLabels] : value || "another role";
}

/** Tokens are named by the last characters of their secret, as the console lists them. */
function ending(detail: Detail): string {
  const hint = text(detail, "hint", "");
  return hint ? `ending …${hint} ` : "";
}

/** Support's reason for a person action, when they gave one. */
function because(detail: Detail): string {
  const reason = text(detail, "reason", "");
  return reason ? `: "${reason}"` : "";
}

/** What changed in a retention policy, rule by rule. */
function retentionChanges(detail: Detail): string {
  const changes = (detail.changes ?? {}) as Record<string, { to?: unknown }>;
  const rules: [string, RetentionRule][] = [
    ["purgeDaysAfterDeletion", "deletion"],
    ["purgeDaysAfterDeactivation", "deactivation"],
  ];
  const said = rules.filter(([key]) => key in changes).map(([key, after]) => {
    const to = changes[key]?.to;
    return typeof to === "number" ? `purge ${describeRetentionRule(to, after)}` : `no purge after ${after}`;
  });
  return said.length ? `: ${said.join(", ")}` : "";
}

function count(detail: Detail, key: string): number {
  const value = detail[key];
  return Array.isArray(value) ? value.length : 0;
}

function matches(detail: Detail): string {
  const n = typeof detail.matches === "number" ? detail.matches : 0;
  return n === 1 ? "1 match here" : `${n} matches here`;
}

const describe: Record<AuditAction, (detail: Detail) => string> = {
  "setup.completed": (d) => `Set up the console for ${text(d, "organisation", "this organisation")}`,
  "member.added": (d) => `Added ${text(d, "email", "a member")} as ${role(d, "role")}`,
  "member.role_changed": (d) => `Changed the role of ${text(d, "email", "a member")} from ${role(d, "from")} to ${role(d, "to")}`,
  "member.removed": (d) => `Removed ${text(d, "email", "a member")} (${role(d, "role")})`,
  "invitation.created": (d) => `Invited ${text(d, "email", "someone")} as ${role(d, "role")}`,
  "invitation.revoked": (d) => `Revoked the invitation of ${text(d, "email", "someone")}`,
  "invitation.accepted": (d) => `Accepted an invitation as ${role(d, "role")}`,
  "password.changed": () => "Changed their password",
  "integration.created": (d) => `Installed ${text(d, "name", "an integration")}`,
  "integration.settings_updated": (d) => `Changed the settings of ${text(d, "name", "an integration")}`,
  "integration.enabled": (d) => `Enabled ${text(d, "name", "an integration")}`,
  "integration.disabled": (d) => `Disabled ${text(d, "name", "an integration")}`,
  "integration.rate_limit_changed": (d) => `Set the request limit of ${text(d, "name", "an integration")} to ${typeof d.to === "number" ? `${d.to} per second` : "the default"}`,
  "integration.retention_changed": (d) => `Changed the retention policy of ${text(d, "name", "an integration")}${retentionChanges(d)}`,
  "integration.alerts_changed": (d) => `Changed the alert settings of ${text(d, "name", "an integration")}`,
  "integration.mass_change_confirmed": (d) =>
    `Confirmed the mass change by ${text(d, "name", "an integration")}${typeof d.pausedSince === "string" ? ", lifting the pause on its deactivations and deletions" : ""}`,
  "integration.renamed": (d) => `Renamed ${text(d, "from", "an integration")} to ${text(d, "to", "a new name")}`,
  "integration.uninstalled": (d) =>
    `Uninstalled ${text(d, "name", "an integration")}: its people were ${d.people === "deactivate" ? "deactivated" : d.people === "delete" ? "permanently deleted" : "kept, no longer managed"}`,
  "token.created": (d) => `Created a token ${ending(d)}for ${text(d, "name", "an integration")}`,
  "token.revoked": (d) => `Revoked a token ${ending(d)}`.trim(),
  "api_key.created": (d) => `Created an API key ${ending(d)}for ${text(d, "description", "the API")}`,
  "api_key.revoked": (d) => `Revoked an API key ${ending(d)}`.trim(),
  "webhook.created": (d) => `Added the webhook endpoint ${text(d, "url", "(unknown URL)")}`,
  "webhook.deleted": (d) => `Deleted the webhook endpoint ${text(d, "url", "(unknown URL)")}`,
  "webhook.disabled": (d) => `Disabled the webhook endpoint ${text(d, "url", "(unknown URL)")} after days of failed deliveries`,
  "webhook.enabled": (d) => `Enabled the webhook endpoint ${text(d, "url", "(unknown URL)")} again`,
  "person.deactivated": (d) => `Deactivated a person${because(d)}`,
  "person.reactivated": (d) => `Reactivated a person${because(d)}`,
  "person.exported": () => "Exported a person's data",
  "people.exported": (d) => `Exported the People list as CSV${typeof d.filter === "string" && d.filter ? ` (filter: ${d.filter})` : ""}`,
  "person.purged": (d) => `Permanently deleted a person${because(d)}`,
  "people.purged": (d) => `Permanently deleted ${count(d, "personIds")} people${because(d)}`,
  "retention.purged": (d) =>
    `Permanently deleted ${count(d, "personIds")} ${count(d, "personIds") === 1 ? "person" : "people"} under the retention policy of ${text(d, "name", "an integration")}: ${typeof d.days === "number" ? describeRetentionRule(d.days, d.rule === "deactivation" ? "deactivation" : "deletion") : "a retention rule"}`,
  "staff.tenant_opened": () => "Opened this tenant with platform staff access",
  "staff.page_viewed": (d) => `Viewed ${text(d, "path", "a page")}`,
  "staff.action_submitted": (d) => `Submitted a form on ${text(d, "path", "a page")}`,
  "staff.token_minted": (d) => `Minted a token ${ending(d)}for ${text(d, "name", "an integration")} on request${because(d)}`,
  "staff.people_searched": (d) => `Searched people of every tenant for "${text(d, "query", "")}" (${matches(d)})`,
};

function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(describe, action);
}

/** What an audit entry says happened, in words, for the Audit log page. */
export function describeAuditEntry(entry: { action: string; detail: Detail }): string {
  return isAuditAction(entry.action) ? describe[entry.action](entry.detail) : entry.action;
}
