/** Every audit entry's action: a closed list, so a typo is a type error, not a new action. */
export const auditActions = [
  "setup.completed",
  "member.added",
  "member.role_changed",
  "member.removed",
  "invitation.created",
  "invitation.revoked",
  "invitation.accepted",
  "password.changed",
  "integration.created",
  "integration.settings_updated",
  "integration.enabled",
  "integration.disabled",
  "integration.rate_limit_changed",
  "integration.retention_changed",
  "integration.alerts_changed",
  "integration.mass_change_confirmed",
  "integration.renamed",
  "integration.uninstalled",
  "token.created",
  "token.revoked",
  "api_key.created",
  "api_key.revoked",
  "webhook.created",
  "webhook.deleted",
  "webhook.disabled",
  "webhook.enabled",
  "person.deactivated",
  "person.reactivated",
  "person.exported",
  "people.exported",
  "person.purged",
  "people.purged",
  "retention.purged",
  "staff.tenant_opened",
  "staff.page_viewed",
  "staff.action_submitted",
  "staff.token_minted",
  "staff.people_searched",
] as const;

export type AuditAction = (typeof auditActions)[number];

/** Groups of actions an admin can narrow the audit log to. */
export const auditCategories = {
  staff: ["staff.tenant_opened", "staff.page_viewed", "staff.action_submitted", "staff.token_minted", "staff.people_searched"],
  members: ["setup.completed", "member.added", "member.role_changed", "member.removed", "invitation.created", "invitation.revoked", "invitation.accepted"],
  people: ["person.deactivated", "person.reactivated", "person.exported", "people.exported", "person.purged", "people.purged", "retention.purged"],
  integrations: [
    "integration.created",
    "integration.settings_updated",
    "integration.enabled",
    "integration.disabled",
    "integration.rate_limit_changed",
    "integration.retention_changed",
    "integration.alerts_changed",
    "integration.mass_change_confirmed",
    "integration.renamed",
    "integration.uninstalled",
    "token.created",
    "token.revoked",
    "api_key.created",
    "api_key.revoked",
    "webhook.created",
    "webhook.deleted",
    "webhook.disabled",
    "webhook.enabled",
    "staff.token_minted",
  ],
} as const satisfies Record<string, readonly AuditAction[]>;

export type AuditCategory = keyof typeof auditCategories;

/** The audit log's filter: every entry, or one category. */
export const auditLogFilters = ["all", "staff", "members", "people", "integrations"] as const satisfies readonly ("all" | AuditCategory)[];
export type AuditLogFilter = (typeof auditLogFilters)[number];
