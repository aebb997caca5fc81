import { lookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { Webhook } from "standardwebhooks";
import { isPrivateAddress, privateAddressesAllowed, webhookUrlProblem } from "../webhook-url";

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** What of a response is read: enough for the log's excerpt, never a receiver's whole page. */
export const RESPONSE_CAP_BYTES = 64 * 1024;
const EXCERPT_CHARS = 500;

export type WebhookMessage = { id: string; type: string; payload: string };
export type SendOutcome = { ok: boolean; status: number | null; error: string | null; latencyMs: number; responseExcerpt: string | null };

/**
 * Resolves the host as the connection does and refuses a private address among the answers:
 * checked here, on the address actually dialled, a DNS answer that changes after the check
 * (rebinding) cannot slip through.
 */
const guardedLookup = (allowPrivate: boolean): LookupFunction => (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const list = addresses as unknown as LookupAddress[];
    const blocked = list.find((a) => isPrivateAddress(a.address));
    if (blocked && !allowPrivate) {
      return callback(Object.assign(new Error(`${hostname} resolves to ${blocked.address}, a private address`), { code: "EPRIVATE" }), "", 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    callback(null, list[0].address, list[0].family);
  });
};

/**
 * POSTs one signed message (Standard Webhooks: webhook-id, webhook-timestamp,
 * webhook-signature over "id.timestamp.body"). A 2xx answer within the timeout is success;
 * redirects are not followed, so a receiver cannot bounce the request elsewhere.
 */
export function sendWebhook(
  url: string,
  secret: string,
  message: WebhookMessage,
  options: { now: Date; allowPrivate?: boolean; timeoutMs?: number },
): Promise<SendOutcome> {
  const { now, allowPrivate = privateAddressesAllowed(), timeoutMs = WEBHOOK_TIMEOUT_MS } = options;
  // An address written in the URL is dialled without a lookup: judge it here.
  const problem = webhookUrlProblem(url, allowPrivate);
  if (problem) return Promise.resolve({ ok: false, status: null, error: problem, latencyMs: 0, responseExcerpt: null });
  const signature = new Webhook(secret).sign(message.id, now, message.payload);
  const target = new URL(url);
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const settle = (outcome: Omit<SendOutcome, "latencyMs">) => resolve({ ...outcome, latencyMs: latency() });
    const request = (target.protocol === "https:" ? https : http).request(target, {
      method: "POST",
      lookup: guardedLookup(allowPrivate),
      timeout: timeoutMs,
      headers: {
        "content-type": "application/json",
        "user-agent": "scim-console-webhooks",
        "webhook-id": message.id,
        "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
        "webhook-signature": signature,
      },
    });
    request.on("timeout", () => request.destroy(new Error(`No response within ${timeoutMs / 1000} s`)));
    request.on("error", (error) => settle({ ok: false, status: null, error: error.message.slice(0, 300), responseExcerpt: null }));
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => {
        const status = response.statusCode ?? 0;
        const body = Buffer.concat(chunks).toString("utf8");
        settle({ ok: status >= 200 && status < 300, status, error: null, responseExcerpt: body.slice(0, EXCERPT_CHARS) || null });
      };
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= RESPONSE_CAP_BYTES) chunks.push(chunk);
        else {
          finish();
          response.destroy();
        }
      });
      response.on("end", finish);
      response.on("error", (error) => settle({ ok: false, status: response.statusCode ?? null, error: error.message.slice(0, 300), responseExcerpt: null }));
    });
    request.end(message.payload);
  });
}
