import { z } from "zod";
import { choiceParam, firstValues, pageParam, type RawSearchParams } from "@/components/data-table/search-params";
import { auditLogFilters } from "@/lib/audit/audit-actions";

const schema = z.object({
  category: choiceParam(auditLogFilters, "all"),
  page: pageParam,
});

export type AuditLogSearchParams = z.infer<typeof schema>;

/** The Audit log filters from the URL; a hand-edited value falls back to its default. */
export function parseAuditLogSearchParams(raw: RawSearchParams): AuditLogSearchParams {
  return schema.parse(firstValues(raw));
}
