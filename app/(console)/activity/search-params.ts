import { z } from "zod";
import { listState } from "@/components/data-table/list-state";
import { choiceParam, pageParam } from "@/components/data-table/search-params";
import { requestMethods } from "@/lib/activity/list-request-log";

const schema = z.object({
  integration: z.uuid().optional().catch(undefined),
  outcome: choiceParam(["all", "failures"], "all"),
  method: choiceParam(["all", ...requestMethods], "all"),
  request: z.string().trim().min(1).max(200).optional().catch(undefined),
  page: pageParam,
});

export type ActivitySearchParams = z.infer<typeof schema>;

/** The Activity filters in the URL. */
export const activityList = listState(schema);
