/**
 * How long a change takes to reach a webhook receiver under a steady SCIM write load: creates
 * people over the SCIM adapter at a fixed rate while the scheduler runs the delivery job (as
 * the app does), and times each person.created from its SCIM response to its arrival at a
 * receiver on 127.0.0.1. On PGlite by default; TEST_DATABASE_URL=postgres://... for a server.
 *
 *   WEBHOOKS_ALLOW_PRIVATE=1 LOG_LEVEL=silent npx tsx scripts/bench-webhooks.ts [writes per second] [seconds]
 */
import { cliActor } from "@/lib/audit/record-audit";
import { at } from "@/lib/groups/testing";
import { startScheduler } from "@/lib/jobs/scheduler";
import { createScimHarness } from "@/lib/provisioning/testing";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { startWebhookReceiver } from "@/lib/webhooks/testing";
import { webhookDeliveryJob } from "@/lib/webhooks/webhook-delivery-job";

const perSecond = Number(process.argv[2] ?? 20);
const seconds = Number(process.argv[3] ?? 20);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

async function main() {
  const h = await createScimHarness();
  const receiver = await startWebhookReceiver();
  await createWebhookEndpoint(h.db, h.a.tenant.id, { url: receiver.url, eventTypes: ["person.created"] }, cliActor);
  const scheduler = startScheduler(h.db, [webhookDeliveryJob()]);
  const committed = new Map<string, number>();
  const writes: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < perSecond * seconds; i++) {
    const due = started + (i * 1000) / perSecond;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    // The harness's rate-limit clock moves only when told: keep it in step with real time.
    h.advance(1000 / perSecond);
    const userName = `bench-${i}@example.com`;
    writes.push(
      h.scim("POST", at(h.a.entra, "Users"), { as: h.a.entra, body: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName } }).then((res) => {
        if (res.status !== 201) throw new Error(`SCIM answered ${res.status}: ${JSON.stringify(res.body)}`);
        committed.set(userName, performance.now());
      }),
    );
  }
  await Promise.all(writes);
  while (receiver.received.length < committed.size && performance.now() - started < (seconds + 60) * 1000) await new Promise((resolve) => setTimeout(resolve, 100));
  await scheduler.stop();
  await receiver.close();
  await h.close();
  const delays = receiver.received
    .map((r) => {
      const event = JSON.parse(r.body) as { data: { resource: { userName: string } } };
      return r.arrivedAt - committed.get(event.data.resource.userName)!;
    })
    .sort((x, y) => x - y);
  console.log(`${committed.size} SCIM writes at ${perSecond}/s for ${seconds} s on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}; ${receiver.received.length} webhooks received`);
  console.log(`SCIM response to webhook arrival: median ${percentile(delays, 50).toFixed(0)} ms, p95 ${percentile(delays, 95).toFixed(0)} ms, max ${delays.at(-1)!.toFixed(0)} ms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
