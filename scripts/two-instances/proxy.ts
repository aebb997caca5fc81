/**
 * A small load balancer in front of the instances, as an operator's would be: it polls each
 * backend's /api/ready and sends requests round-robin to those that answered 200, one
 * upstream connection per request. A connection the backend refused (nothing was sent) is
 * tried on another backend; any other upstream failure is answered 502 and counted, since
 * the client cannot know whether its write happened.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export type Backend = { name: string; port: number; ready: boolean; refused: number; failed: number; answered: number };

const POLL_MS = 250;

export class ReadinessProxy {
  readonly backends: Backend[];
  private server: Server | undefined;
  private poller: NodeJS.Timeout | undefined;
  private next = 0;

  constructor(
    readonly port: number,
    backends: { name: string; port: number }[],
  ) {
    this.backends = backends.map((b) => ({ ...b, ready: false, refused: 0, failed: 0, answered: 0 }));
  }

  async start(): Promise<void> {
    this.poller = setInterval(() => void this.poll(), POLL_MS);
    this.server = createServer((request, response) => void this.forward(request, response));
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
  }

  async stop(): Promise<void> {
    clearInterval(this.poller);
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Upstream failures so far, refused connections apart, for a phase's before-and-after. */
  failures(): { refused: number; failed: number } {
    return this.backends.reduce((sum, b) => ({ refused: sum.refused + b.refused, failed: sum.failed + b.failed }), { refused: 0, failed: 0 });
  }

  private async poll(): Promise<void> {
    await Promise.all(
      this.backends.map(async (backend) => {
        try {
          const response = await fetch(`http://127.0.0.1:${backend.port}/api/ready`, { signal: AbortSignal.timeout(2_000) });
          await response.arrayBuffer();
          backend.ready = response.status === 200;
        } catch {
          backend.ready = false;
        }
      }),
    );
  }

  private pick(excluded: Set<Backend>): Backend | undefined {
    const candidates = this.backends.filter((b) => b.ready && !excluded.has(b));
    if (candidates.length === 0) return undefined;
    return candidates[this.next++ % candidates.length];
  }

  private async forward(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const tried = new Set<Backend>();
    for (let backend = this.pick(tried); backend; backend = this.pick(tried)) {
      tried.add(backend);
      const outcome = await this.send(backend, request, body, response);
      if (outcome !== "refused") return;
      backend.refused++;
    }
    response.writeHead(503, { "content-type": "text/plain", "retry-after": "1" }).end("no instance is ready");
  }

  private send(backend: Backend, request: IncomingMessage, body: Buffer, response: ServerResponse): Promise<"answered" | "failed" | "refused"> {
    return new Promise((settle) => {
      let settled = false;
      const resolve = (outcome: "answered" | "failed" | "refused") => {
        if (!settled) settle(outcome);
        settled = true;
      };
      const upstream = httpRequest(
        { host: "127.0.0.1", port: backend.port, method: request.method, path: request.url, headers: { ...request.headers, connection: "close" }, agent: false },
        (reply) => {
          response.writeHead(reply.statusCode ?? 502, reply.headers);
          reply.pipe(response);
          reply.on("end", () => {
            backend.answered++;
            resolve("answered");
          });
          reply.on("error", () => {
            if (!settled) backend.failed++;
            response.destroy();
            resolve("failed");
          });
        },
      );
      upstream.on("error", (error: NodeJS.ErrnoException) => {
        if (settled) return;
        if (error.code === "ECONNREFUSED") return resolve("refused");
        if (response.headersSent) response.destroy();
        else response.writeHead(502, { "content-type": "text/plain", "x-proxy-error": error.code ?? "error" }).end(`upstream ${backend.name}: ${error.message}`);
        backend.failed++;
        resolve("failed");
      });
      upstream.end(body);
    });
  }
}
