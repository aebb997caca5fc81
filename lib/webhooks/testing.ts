import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** `arrivedAt` is performance.now() when the body had arrived. */
export type ReceivedWebhook = { headers: IncomingHttpHeaders; body: string; status: number; arrivedAt: number };

/**
 * A webhook receiver on 127.0.0.1 (a port the system picks, so parallel runs never collide)
 * that keeps every request and answers with the status `answer` gives for the n-th request
 * (counting from 1), once `answerAfter` has settled (a slow receiver) if one is given.
 */
export async function startWebhookReceiver(answer: (n: number) => number = () => 204, answerAfter?: Promise<unknown>) {
  const received: ReceivedWebhook[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const status = answer(received.length + 1);
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), status, arrivedAt: performance.now() });
      for (const w of waiting.filter((w) => received.length >= w.count)) w.resolve();
      await answerAfter;
      response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "receiver says no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    /** The ids of the requests the receiver accepted, in arrival order. */
    accepted: () => received.filter((r) => r.status < 300).map((r) => String(r.headers["webhook-id"])),
    /** Resolves once `count` requests have arrived. */
    arrived: (count: number) => new Promise<void>((resolve) => (received.length >= count ? resolve() : waiting.push({ count, resolve }))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
