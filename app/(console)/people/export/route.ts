import { getDb } from "@/db/client";
import { requireConsole } from "@/lib/auth/console-context";
import { exportPeopleCsv } from "@/lib/people/export-people-csv";
import { peopleFilterOf, peopleList } from "../search-params";

/** Export CSV: everyone matching the People table's current search and filters, streamed. */
export async function GET(request: Request) {
  const { tenant, actor } = await requireConsole("people:manage");
  const state = peopleList.parse(Object.fromEntries(new URL(request.url).searchParams));
  const csv = await exportPeopleCsv(await getDb(), tenant.id, peopleFilterOf(state), actor);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="people-${tenant.slug}-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
