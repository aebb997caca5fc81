import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

/**
 * Two built servers on one embedded folder: before the lock, the second opened the folder on
 * its first request, both acknowledged writes, and the first one's were lost. Now the second
 * refuses to start, and support staff reach the folder through the first with the CLI.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 3101);
const [firstPort, secondPort] = [base + 10, base + 11];

function run(command: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, command, { env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
  const output = { stdout: "", stderr: "" };
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (output.stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output.stderr += chunk));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return { child, output, exited };
}

function startServer(port: number, dataDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port) };
  delete env.DATABASE_URL;
  return run([path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], env);
}

async function admin(dataDir: string, args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const cli = run(["--import", "tsx", "scripts/admin.ts", ...args, "--json"], env);
  cli.child.stdin!.end();
  const code = await cli.exited;
  return { code, ...cli.output };
}

async function healthOf(port: number): Promise<number | undefined> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/health`)).status;
  } catch {
    return undefined;
  }
}

async function stop(server: { child: ChildProcess; exited: Promise<number | null> }) {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGTERM");
  await server.exited;
}

test("a second server on a held embedded folder refuses to start, and the CLI works through the first", async () => {
  test.setTimeout(600_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "scim-e2e-lock-"));
  const first = startServer(firstPort, dataDir);
  let second: ReturnType<typeof startServer> | undefined;
  try {
    await expect.poll(() => healthOf(firstPort), { timeout: 240_000, intervals: [1_000] }).toBe(200);

    second = startServer(secondPort, dataDir);
    expect(await second.exited).not.toBe(0);
    expect(second.output.stderr).toMatch(/^error: the embedded database in .* is already open in another process .*; this server does not start$/m);
    // It never served: nothing answers on its port, so nothing could have been written through it.
    expect(await healthOf(secondPort)).toBeUndefined();

    // Support staff beside the running app: the command runs inside the first server.
    const tenant = await admin(dataDir, ["tenant:create", "--slug", "lockco", "--name", "Lock Co"]);
    expect(tenant).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(tenant.stdout)).toMatchObject({ slug: "lockco" });
    expect(await healthOf(firstPort)).toBe(200);

    // A migration beside the app is refused the same way.
    const migrate = run(["--import", "tsx", "scripts/migrate.ts"], { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" });
    expect(await migrate.exited).toBe(2);
    expect(migrate.output.stderr).toMatch(/already open in another process/);

    await stop(first);
    // With the app stopped, the CLI opens the folder itself and finds what the app wrote.
    const installed = await admin(dataDir, ["integration:create", "--tenant", "lockco", "--provider", "okta"]);
    expect(installed).toMatchObject({ code: 0, stderr: "" });
  } finally {
    await stop(first);
    if (second) await stop(second);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
