import { z } from "zod";
import { choiceParam, firstValues, pageParam, searchParam, type RawSearchParams } from "@/components/data-table/search-params";
import { peopleSortKeys } from "@/lib/people/search-people";

export const peopleStatusFilters = ["current", "active", "inactive", "deleted", "all"] as const;

const schema = z.object({
  q: searchParam,
  status: choiceParam(peopleStatusFilters, "current"),
  integration: z.uuid().catch(""),
  sort: choiceParam(peopleSortKeys, "name"),
  dir: choiceParam(["asc", "desc"], "asc"),
  page: pageParam,
});

export type PeopleSearchParams = z.infer<typeof schema>;

/** The People table's state from the URL; a hand-edited value falls back to its default. */
export function parsePeopleSearchParams(raw: RawSearchParams): PeopleSearchParams {
  return schema.parse(firstValues(raw));
}
