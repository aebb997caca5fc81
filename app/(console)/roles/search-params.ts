import { z } from "zod";
import { listState } from "@/components/data-table/list-state";
import { choiceParam, pageParam, searchParam } from "@/components/data-table/search-params";
import { groupSortKeys } from "@/lib/groups/search-groups";

const schema = z.object({
  q: searchParam,
  status: choiceParam(["current", "deleted", "all"], "current"),
  sort: choiceParam(groupSortKeys, "name"),
  dir: choiceParam(["asc", "desc"], "asc"),
  page: pageParam,
});

export type RolesSearchParams = z.infer<typeof schema>;

/** The Roles table's state in the URL. */
export const rolesList = listState(schema);
