import { z } from "zod";
import { choiceParam, firstValues, pageParam, type RawSearchParams } from "@/components/data-table/search-params";
import { requestMethods } from "@/lib/activity/list-request-log";

const schema = z.object({
  integration: z.uuid().optional().catch(undefined),
  outcome: choiceParam(["all", "failures"], "all"),
  method: choiceParam(["all", ...requestMethods], "all"),
  request: z.string().trim().min(1).max(200).optional().catch(undefined),
  page: pageParam,
});

export type ActivitySearchParams = z.infer<typeof schema>;

/** The Activity filters from the URL; a hand-edited value falls back to its default. */
export function parseActivitySearchParams(raw: RawSearchParams): ActivitySearchParams {
  return schema.parse(firstValues(raw));
}
