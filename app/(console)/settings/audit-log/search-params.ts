import { z } from "zod";
import { listState } from "@/components/data-table/list-state";
import { choiceParam, pageParam } from "@/components/data-table/search-params";
import { auditLogFilters } from "@/lib/audit/audit-actions";

const schema = z.object({
  category: choiceParam(auditLogFilters, "all"),
  page: pageParam,
});

export type AuditLogSearchParams = z.infer<typeof schema>;

/** The Audit log filters in the URL. */
export const auditLogList = listState(schema);
