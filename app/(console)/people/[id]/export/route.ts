import { getDb } from "@/db/client";
import { requireConsole } from "@/lib/auth/console-context";
import { AppError } from "@/lib/errors";
import { exportPerson } from "@/lib/people/export-person";

/** Export data: everything stored about a person, as a JSON file (a data-subject access request). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { tenant, actor } = await requireConsole("people:manage");
  const { id } = await params;
  try {
    const data = await exportPerson(await getDb(), tenant.id, id, actor);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="person-${data.person.id}.json"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status });
    throw error;
  }
}
