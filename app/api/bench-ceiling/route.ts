import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * The HTTP benchmark's ceiling (`npm run bench:http`): a route handler of the same build that
 * does nothing, so SCIM throughput can be read as a share of what Next.js itself serves on
 * the machine. Not found unless the server was started with BENCH_CEILING=1.
 */
export function GET() {
  if (!env().BENCH_CEILING) return new Response(null, { status: 404 });
  return new Response("ok", { headers: { "cache-control": "no-store" } });
}
