import { scrapeMetrics } from "@/lib/observability/scrape-metrics";

export const dynamic = "force-dynamic";

/** Prometheus scrape of this instance, behind `Authorization: Bearer $METRICS_TOKEN`. */
export async function GET(request: Request) {
  const answer = await scrapeMetrics(request.headers.get("authorization"));
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (answer.status !== 200) {
    if (answer.status === 401) headers["www-authenticate"] = 'Bearer realm="metrics"';
    return new Response(null, { status: answer.status, headers });
  }
  return new Response(answer.body, { status: 200, headers: { ...headers, "content-type": answer.contentType } });
}
