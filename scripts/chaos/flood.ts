/**
 * Scenario 4, unauthenticated flood: 8 connections without credentials, or with the real
 * app key and a wrong token, sending 1 MiB write bodies for --seconds. Nothing such a caller
 * sends may be stored beyond a bounded summary (DESIGN.md), so the database should hardly
 * grow: reports the growth (pg_database_size, or the DATA_DIR folder on PGlite) and the rows
 * added to the SCIM request log.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { inspect, type Context, type ScenarioResult } from "./context";
import { userPayload } from "./scim-client";
import { backoffMs, deadline, sleep } from "./timing";

const CONNECTIONS = 8;
const MAX_REQUESTS_PER_CONNECTION = 5_000;
const BODY_BYTES = 1024 * 1024 - 1024;

export async function flood(context: Context): Promise<ScenarioResult> {
  const { target, server, installed, options, log } = context;
  const measure = () =>
    inspect(context, async () => {
      const [log] = await target.query("select count(*)::int as n from scim_requests");
      return { bytes: await target.sizeBytes(), logRows: Number(log.n) };
    });
  const before = await measure();
  const body = floodBody();
  const { appKey } = installed.acme;
  const wrongBasic = `Basic ${Buffer.from(`${appKey}:${randomUUID()}`).toString("base64")}`;
  const senders: { path: string; method: string; authorization?: string }[] = [
    { path: `/api/scim/v2/${appKey}/Users`, method: "POST" },
    { path: "/api/scim/v2/Users", method: "POST" },
    { path: `/api/scim/v2/${appKey}/Groups`, method: "POST" },
    { path: `/api/scim/v2/${appKey}/Users/${randomUUID()}`, method: "PUT" },
    { path: `/api/scim/v2/${appKey}/Users`, method: "POST", authorization: `Bearer ${randomUUID()}` },
    { path: `/api/scim/v2/${appKey}/Users`, method: "POST", authorization: wrongBasic },
    { path: `/api/scim/v2/${appKey}/Users/${randomUUID()}`, method: "PATCH", authorization: wrongBasic },
    { path: `/api/scim/v2/${appKey}/Groups`, method: "POST", authorization: `Bearer ${randomUUID()}` },
  ];
  const counts: Record<string, number> = {};
  let requests = 0;
  const budget = deadline(options.seconds * 1000);
  log(`flood: ${CONNECTIONS} connections, ${Math.round(BODY_BYTES / 1024)} KiB bodies, ${options.seconds} s`);
  const sender = async (s: (typeof senders)[number]) => {
    for (let i = 0; i < MAX_REQUESTS_PER_CONNECTION && !budget.passed(); i++) {
      let status = "no answer";
      try {
        const response = await fetch(`${server.origin}${s.path}`, {
          method: s.method,
          headers: { "content-type": "application/scim+json", ...(s.authorization ? { authorization: s.authorization } : {}) },
          body,
          signal: AbortSignal.timeout(30_000),
        });
        await response.arrayBuffer();
        status = String(response.status);
        if (response.status === 429) await sleep(backoffMs(response.headers.get("retry-after")));
      } catch {
        await sleep(100);
      }
      requests++;
      counts[status] = (counts[status] ?? 0) + 1;
    }
  };
  await Promise.all(senders.slice(0, CONNECTIONS).map(sender));
  const after = await measure();
  const growth = after.bytes - before.bytes;
  const sentMiB = (requests * BODY_BYTES) / 1024 / 1024;
  const fiveXx = Object.entries(counts).reduce((sum, [status, n]) => sum + (Number(status) >= 500 ? n : 0), 0);
  const accepted = Object.entries(counts).reduce((sum, [status, n]) => sum + (Number(status) < 400 ? n : 0), 0);
  return {
    scenario: "flood",
    db: target.label,
    status: "ok",
    figures: { requests, "5xx": fiveXx, growthBytes: growth, logRowsAdded: after.logRows - before.logRows },
    line:
      `requests ${requests} (${sentMiB.toFixed(0)} MiB sent), answers ${Object.entries(counts).map(([k, v]) => `${k}:${v}`).join(" ")}, ` +
      `database growth ${formatBytes(growth)} (${before.bytes ? formatBytes(before.bytes) : "0"} -> ${formatBytes(after.bytes)}), ` +
      `request-log rows added ${after.logRows - before.logRows}` +
      (accepted ? `, ACCEPTED ${accepted} unauthenticated writes` : ""),
    details: { answers: counts, bytesBefore: before.bytes, bytesAfter: after.bytes, sentBytes: requests * BODY_BYTES, bodyBytes: BODY_BYTES },
  };
}

/**
 * A valid SCIM User just under the 1 MiB limit, so the server reads all of it. Random
 * characters: a repeated one would be compressed by PostgreSQL (TOAST) and hide the growth.
 */
function floodBody(): Blob {
  const base = userPayload(`flood-${randomUUID()}@acme.test`, "");
  const overhead = Buffer.byteLength(JSON.stringify(base));
  const filler = randomBytes(BODY_BYTES).toString("base64").slice(0, BODY_BYTES - overhead);
  return new Blob([JSON.stringify({ ...base, displayName: filler })]);
}

export function formatBytes(bytes: number): string {
  const abs = Math.abs(bytes);
  if (abs >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (abs >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}
