import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { IntegrationRow } from "@/lib/integrations/list-integrations";

/** While a tenant moves here from another identity provider: who the other integrations still manage. */
export function MovingHere({ name, others }: { name: string; others: IntegrationRow[] }) {
  const left = others.filter((i) => i.people > 0);
  return (
    <Card className="p-6">
      <section aria-labelledby="moving-heading">
        <h2 id="moving-heading" className="text-base font-semibold text-slate-900">
          Taking over people who already exist
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          When {name} creates someone another integration manages (same userName or primary email), they move here and
          keep their id, roles and History; the move is recorded in their History.
        </p>
        {left.length === 0 ? (
          <p className="mt-4 text-sm text-slate-700">No other integration of this tenant manages anyone.</p>
        ) : (
          <ul className="mt-4 divide-y divide-slate-100 text-sm">
            {left.map((other) => (
              <li key={other.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="text-slate-900">
                  Still managed by <span className="font-medium">{other.name}</span>
                </span>
                <Link href={`/people?integration=${other.id}`} className="font-medium text-brand-700 hover:underline">
                  {other.people.toLocaleString("en")} {other.people === 1 ? "person" : "people"}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Card>
  );
}
