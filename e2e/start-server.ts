/**
 * Starts the built app for the end-to-end tests on a fresh embedded database. With --seed,
 * the database is first prepared through the admin CLI, as support staff would do it.
 */
import { execFileSync, spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { password, seedCommands } from "./seed";

const { values } = parseArgs({ options: { port: { type: "string" }, "data-dir": { type: "string" }, seed: { type: "boolean" }, "database-url": { type: "string" } } });

const dataDir = values["data-dir"];
const port = values.port;
if (!dataDir || !port) throw new Error("usage: start-server --port N --data-dir DIR [--seed]");
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: port, NEXT_TELEMETRY_DISABLED: "1" };
// The browser sends no X-Forwarded-For, so `next start` writes the socket's address there:
// trusting one hop lets the audit log and the sign-in throttle see the test's address.
env.TRUST_PROXY = "1";
// Alerts are evaluated every 10 s (the least allowed), so the banner spec waits seconds, not a minute.
env.ALERTS_INTERVAL_SECONDS ??= "10";
// The webhooks spec's receiver listens on 127.0.0.1.
env.WEBHOOKS_ALLOW_PRIVATE ??= "1";
// No load balancer polls /api/ready here: a stop need not wait for one to notice.
env.SHUTDOWN_DRAIN_SECONDS ??= "0";
delete env.DATABASE_URL;
if (values["database-url"]) env.DATABASE_URL = values["database-url"];
rmSync(dataDir, { recursive: true, force: true });

if (values.seed) {
  const outputs: Record<string, unknown> = {};
  for (const { name, args } of seedCommands) {
    const out = execFileSync("npx", ["tsx", "scripts/admin.ts", ...args, "--json"], {
      env: { ...env, CONSOLE_PASSWORD: password },
      stdio: ["ignore", "pipe", "inherit"],
    });
    if (name) outputs[name] = JSON.parse(out.toString());
  }
  // What the CLI printed once (tokens), for the specs that call the SCIM API.
  writeFileSync(path.join(dataDir, "seed-output.json"), JSON.stringify(outputs, null, 2));
}

const server = spawn("npx", ["next", "start", "-p", port], { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal as NodeJS.Signals));
server.on("exit", (code) => process.exit(code ?? 0));
