/**
 * A minimal webhook receiver, as a target app would write one: verifies each request with the
 * Standard Webhooks library, prints the event, answers 204 (or 400 for a bad signature, which
 * the console logs and retries). Keep the body as raw text: the signature covers its exact bytes.
 *
 *   WEBHOOK_SECRET=whsec_... PORT=4000 npx tsx scripts/webhook-receiver.ts
 */
import { createServer } from "node:http";
import { Webhook, WebhookVerificationError } from "standardwebhooks";

const secret = process.env.WEBHOOK_SECRET;
if (!secret?.startsWith("whsec_")) {
  process.stderr.write("error: set WEBHOOK_SECRET to the endpoint's signing secret (whsec_...)\n");
  process.exit(2);
}
const webhook = new Webhook(secret);
const port = Number(process.env.PORT ?? 4000);
/** Delivery is at least once: a receiver skips ids it has handled (kept in memory here, in a table in a real app). */
const seen = new Set<string>();

createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    const header = (name: string) => String(request.headers[name] ?? "");
    try {
      const event = webhook.verify(body, { "webhook-id": header("webhook-id"), "webhook-timestamp": header("webhook-timestamp"), "webhook-signature": header("webhook-signature") }) as { id: string; type: string; data: unknown };
      const repeat = seen.has(header("webhook-id"));
      seen.add(header("webhook-id"));
      process.stdout.write(`${new Date().toISOString()} ${event.type} ${header("webhook-id")}${repeat ? " (repeat, skipped)" : ""}\n${repeat ? "" : `${JSON.stringify(event.data)}\n`}`);
      response.writeHead(204).end();
    } catch (error) {
      const reason = error instanceof WebhookVerificationError ? error.message : "unreadable body";
      process.stdout.write(`${new Date().toISOString()} refused: ${reason}\n`);
      response.writeHead(400, { "content-type": "text/plain" }).end(reason);
    }
  });
}).listen(port, "127.0.0.1", () => process.stdout.write(`Receiving webhooks on http://127.0.0.1:${port}/\n`));
