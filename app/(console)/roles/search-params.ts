import { z } from "zod";
import { choiceParam, firstValues, pageParam, searchParam, type RawSearchParams } from "@/components/data-table/search-params";
import { groupSortKeys } from "@/lib/groups/search-groups";

const schema = z.object({
  q: searchParam,
  status: choiceParam(["current", "deleted", "all"], "current"),
  sort: choiceParam(groupSortKeys, "name"),
  dir: choiceParam(["asc", "desc"], "asc"),
  page: pageParam,
});

export type RolesSearchParams = z.infer<typeof schema>;

/** The Roles table's state from the URL; a hand-edited value falls back to its default. */
export function parseRolesSearchParams(raw: RawSearchParams): RolesSearchParams {
  return schema.parse(firstValues(raw));
}
