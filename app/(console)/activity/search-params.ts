import { z } from "zod";
import { listState } from "@/components/data-table/list-state";
import { choiceParam, firstValues, pageParam, type RawSearchParams } from "@/components/data-table/search-params";
import { requestMethods, type RequestLogQuery } from "@/lib/activity/list-request-log";

const day = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: a date such as 2026-01-31`)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), `${label}: not a real date`);

/** The filters a person types, each with the message shown when the URL holds a bad value. */
const typed = {
  person: z.string().trim().max(200, "Person: at most 200 characters"),
  status: z
    .string()
    .trim()
    .regex(/^[1-5](\d\d|xx)$/i, "Status: a code such as 404, or a class such as 4xx"),
  from: day("From"),
  to: day("To"),
};

const schema = z.object({
  integration: z.uuid().optional().catch(undefined),
  outcome: choiceParam(["all", "failures"], "all"),
  method: choiceParam(["all", ...requestMethods], "all"),
  request: z.string().trim().min(1).max(200).optional().catch(undefined),
  person: typed.person.optional().catch(undefined),
  status: typed.status.optional().catch(undefined),
  from: typed.from.optional().catch(undefined),
  to: typed.to.optional().catch(undefined),
  page: pageParam,
});

export type ActivitySearchParams = z.infer<typeof schema>;

/** The Activity filters in the URL. A bad typed value is left out, and `filterErrors` says why. */
export const activityList = listState(schema);

/** Why a typed filter in the URL was ignored, one readable line each. */
export function filterErrors(raw: RawSearchParams): string[] {
  const values = firstValues(raw);
  const errors = Object.entries(typed).flatMap(([name, field]) => {
    const value = values[name];
    if (value === undefined || value.trim() === "") return [];
    const parsed = field.safeParse(value);
    return parsed.success ? [] : [parsed.error.issues[0].message];
  });
  const { from, to } = schema.parse(values);
  if (from && to && from > to) errors.push("From is after To: no request can match");
  return errors;
}

/** The URL's filters as the request log's query (dates in UTC; To includes its whole day). */
export function toRequestLogQuery(state: ActivitySearchParams): Omit<RequestLogQuery, "limit" | "offset"> {
  const status = state.status?.toLowerCase();
  const until = state.to ? new Date(`${state.to}T00:00:00Z`) : undefined;
  until?.setUTCDate(until.getUTCDate() + 1);
  return {
    integrationId: state.integration,
    outcome: state.outcome,
    method: state.method === "all" ? undefined : state.method,
    requestId: state.request,
    person: state.person || undefined,
    status: !status ? undefined : status.endsWith("xx") ? { class: Number(status[0]) } : { code: Number(status) },
    from: state.from ? new Date(`${state.from}T00:00:00Z`) : undefined,
    until,
  };
}
