import { z } from "zod";
import { listState } from "@/components/data-table/list-state";
import { choiceParam, pageParam, searchParam } from "@/components/data-table/search-params";
import { peopleSortKeys, type PeopleFilter } from "@/lib/people/search-people";

export const peopleStatusFilters = ["current", "active", "inactive", "deleted", "all"] as const;

const schema = z.object({
  q: searchParam,
  status: choiceParam(peopleStatusFilters, "current"),
  integration: z.uuid().catch(""),
  role: z.uuid().catch(""),
  department: searchParam,
  region: searchParam,
  sort: choiceParam(peopleSortKeys, "name"),
  dir: choiceParam(["asc", "desc"], "asc"),
  page: pageParam,
});

export type PeopleSearchParams = z.infer<typeof schema>;

/** The People table's state in the URL. */
export const peopleList = listState(schema);

/** The list's search and filters as the services take them (the export uses the same). */
export function peopleFilterOf(state: PeopleSearchParams): PeopleFilter {
  return {
    search: state.q,
    status: state.status,
    integrationId: state.integration || undefined,
    roleId: state.role || undefined,
    department: state.department || undefined,
    region: state.region || undefined,
  };
}
