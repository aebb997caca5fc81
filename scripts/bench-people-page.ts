import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listIntegrationChoices } from "@/lib/integrations/list-integration-choices";
import { listPeopleFilterOptions } from "@/lib/people/list-people-filter-options";
import { searchPeople, type PeopleQuery } from "@/lib/people/search-people";

type Timer = (runs: number, fn: (i: number) => Promise<unknown>) => Promise<{ median: number; p95: number; runs: number }>;
type Reporter = (name: string, value: { median: number; p95: number; runs: number }) => void;

const SEED_SLICE = 20_000;
const departments = ["Research", "Sales", "Engineering", "Support", "Finance", "Legal", "Operations", "Marketing"];

/**
 * The People page's data at scale: everything app/(console)/people/page.tsx awaits before
 * its first byte (integration choices, filter choices, one page of people with its count),
 * unfiltered and filtered, on `count` people of one tenant seeded set-based through SQL.
 */
export async function benchPeoplePage(db: Db, who: { tenantId: string; integrationId: string }, count: number, runs: number, time: Timer, report: Reporter) {
  const started = performance.now();
  // In slices: one statement per 20,000 people stays within the server's statement timeout.
  for (let from = 1; from <= count; from += SEED_SLICE) {
    const to = Math.min(count, from + SEED_SLICE - 1);
    await db.execute(sql`
    insert into people (tenant_id, integration_id, user_name, external_id, given_name, family_name, display_name, primary_email, region, resource)
    select ${who.tenantId}::uuid, ${who.integrationId}::uuid, 'p' || n || '@page.test', 'ext-' || n, 'Given' || n, 'Family' || n,
           'User ' || n, 'p' || n || '@page.test', case when n % 3 = 0 then 'EMEA' else 'HQ' end,
           jsonb_build_object('userName', 'p' || n || '@page.test',
             'emails', jsonb_build_array(jsonb_build_object('value', 'p' || n || '@page.test', 'primary', true)),
             'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
             jsonb_build_object('department', (array[${sql.join(departments.map((d) => sql`${d}::text`), sql`, `)}])[1 + n % ${departments.length}], 'employeeNumber', 'E' || n))
    from generate_series(${from}::int, ${to}::int) as n`);
  }
  await db.execute(sql`analyze people`);
  console.log(`(setup: ${count.toLocaleString("en")} people for the People page inserted in ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);

  const page = (query: Partial<PeopleQuery>) => () =>
    Promise.all([
      listIntegrationChoices(db, who.tenantId),
      listPeopleFilterOptions(db, who.tenantId),
      searchPeople(db, who.tenantId, { limit: 50, offset: 0, ...query }),
    ]);
  const at = `${count.toLocaleString("en")} people`;
  report(`People page, unfiltered, by name (${at})`, await time(runs, page({})));
  report(`People page, by name descending, page 2`, await time(runs, page({ descending: true, offset: 50 })));
  report(`People page, search "user 4242" (few matches)`, await time(runs, page({ search: "user 4242" })));
  report(`People page, search "e987654" (one match)`, await time(runs, page({ search: "e987654" })));
  report(`People page, search "nobody-here" (no match)`, await time(runs, page({ search: "nobody-here" })));
  report(`People page, search "research" (1 in 8 match)`, await time(runs, page({ search: "research" })));
  report(`People page, department = Research`, await time(runs, page({ department: "Research" })));
  report(`People page, region = EMEA, sorted by last change`, await time(runs, page({ region: "EMEA", sort: "updatedAt" })));
}
