import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { requireStaffConsole } from "@/lib/auth/require-staff-console";
import { PEOPLE_SEARCH_LIMIT } from "@/lib/staff/find-people-across-tenants";
import { PeopleSearch } from "../_components/people-search";

export const metadata: Metadata = { title: "Find a person · Platform" };

/** Platform staff only: which tenant a person is in, for support tickets. */
export default async function FindPersonPage() {
  await requireStaffConsole();
  return (
    <>
      <PageHeader
        title="Find a person"
        description={`Platform staff only. Searches every tenant's people by email address or userName: the whole value or how it starts, in any case; at most ${PEOPLE_SEARCH_LIMIT} are shown. Each search is written to the audit log, and to each tenant's where someone was found.`}
        actions={
          <Link href="/staff/tenants" className="text-sm font-medium text-brand-700 hover:underline">
            ← Tenants
          </Link>
        }
      />
      <PeopleSearch />
    </>
  );
}
