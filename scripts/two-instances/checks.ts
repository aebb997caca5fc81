/** What the two-instance run reads back: History and request log rows, and the metrics' counter. */
import type { Target } from "../chaos/databases";
import type { WriteLoad } from "../chaos/write-load";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every acknowledged write made a History event of its person, and every acknowledged
 * request has its row in the request log (a request answers only once its row is written,
 * also when its instance is stopping).
 */
export async function checkHistory(target: Target, load: WriteLoad, integrationId: string): Promise<string[]> {
  const failures: string[] = [];
  const people = load.people.filter((p) => p.id && UUID.test(p.id) && p.acked.length > 0);
  if (people.length === 0) return ["no acknowledged write to check"];
  const rows = await target.query(
    `select subject_id::text as id, count(*)::int as events from events where subject_id in (${people.map((p) => `'${p.id}'`).join(",")}) group by 1`,
  );
  const events = new Map(rows.map((row) => [String(row.id), Number(row.events)]));
  const short = people.filter((p) => (events.get(p.id!) ?? 0) < p.acked.length);
  if (short.length > 0) {
    failures.push(`${short.length} people have fewer History events than acknowledged writes, e.g. ${short.slice(0, 3).map((p) => `${p.id}: ${events.get(p.id!) ?? 0} < ${p.acked.length}`).join(", ")}`);
  }
  if (!UUID.test(integrationId)) return [...failures, `unexpected integration id ${integrationId}`];
  const [logged] = await target.query(
    `select count(*)::int as n from scim_requests where integration_id = '${integrationId}' and method <> 'GET' and status between 200 and 299`,
  );
  if (Number(logged.n) < load.acknowledged) failures.push(`the request log has ${logged.n} acknowledged writes, the clients saw ${load.acknowledged}`);
  return failures;
}

/** The sum of scim_requests_total in one instance's /api/metrics. */
export async function scrapeScimTotal(origin: string, token: string): Promise<number> {
  const response = await fetch(`${origin}/api/metrics`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`/api/metrics answered ${response.status}`);
  let total = 0;
  for (const line of text.split("\n")) {
    const match = /^scim_requests_total\{[^}]*\} (\d+(?:\.\d+)?)$/.exec(line);
    if (match) total += Number(match[1]);
  }
  return total;
}
