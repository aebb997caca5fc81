/**
 * The production build under test: `next start` on 127.0.0.1, in its own process group so a
 * SIGKILL reaches every process it spawned. Its output goes to a log file in the run's
 * temp folder, so a 5xx can be matched with the server's own error line.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import { onCleanup } from "./cleanup";
import { sleep, withTimeout } from "./timing";

const nextBin = (appDir: string) => path.join(appDir, "node_modules", "next", "dist", "bin", "next");
const START_TIMEOUT_MS = 120_000;

export type ServerOptions = {
  port: number;
  /** DATA_DIR for the embedded database and the generated session secret. */
  dataDir: string;
  /** Set for PostgreSQL; unset runs on PGlite in dataDir. */
  databaseUrl?: string;
  logFile: string;
  /** More environment for the server (the HTTP benchmark turns its ceiling route on). */
  env?: Record<string, string>;
  /** The checkout whose build runs (default this one): the HTTP benchmark measures other commits' builds. */
  appDir?: string;
  /** Flags for the server's node (the HTTP benchmark's --cpu-prof). */
  nodeArgs?: string[];
};

export function serverEnv(options: Pick<ServerOptions, "port" | "dataDir" | "databaseUrl" | "env">): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    // No load balancer polls /api/ready in these runs: a SIGTERM need not wait for one to notice.
    SHUTDOWN_DRAIN_SECONDS: "0",
    ...process.env,
    ...options.env,
    PORT: String(options.port),
    APP_URL: `http://127.0.0.1:${options.port}`,
    DATA_DIR: options.dataDir,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
  };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  return env;
}

/**
 * The flags `npm start` gives the server's node on PostgreSQL (package.json's
 * config.postgresNodeOptions), read from the checkout whose build runs: another commit's
 * build runs as that commit starts.
 */
function postgresNodeOptions(appDir: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(appDir, "package.json"), "utf8")) as { config?: { postgresNodeOptions?: string } };
  return manifest.config?.postgresNodeOptions?.split(/\s+/).filter(Boolean) ?? [];
}

export function assertBuilt(appDir = process.cwd()): void {
  if (!existsSync(path.join(appDir, ".next", "BUILD_ID"))) {
    throw new Error(`no production build in ${path.join(appDir, ".next")}: run \`npx next build\` (or \`npm run build\`) there first`);
  }
}

export class Server {
  readonly origin: string;
  private child: ChildProcess | undefined;
  private forget: (() => void) | undefined;
  /** How the last process ended ("exit code 1", "killed by SIGKILL"), for the report. */
  lastExit: string | undefined;

  constructor(readonly options: ServerOptions) {
    this.origin = `http://127.0.0.1:${options.port}`;
  }

  /** The `next start` process (the server itself runs in a child of it). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Starts the server and waits until /api/health answers 200; returns how long that took. */
  async start(): Promise<number> {
    if (this.child) throw new Error("server already running");
    await waitUntilPortFree(this.options.port);
    const started = performance.now();
    const log = openSync(this.options.logFile, "a");
    const appDir = this.options.appDir ?? process.cwd();
    const nodeArgs = [...(this.options.databaseUrl ? postgresNodeOptions(appDir) : []), ...(this.options.nodeArgs ?? [])];
    const child = spawn(process.execPath, [...nodeArgs, nextBin(appDir), "start", "-p", String(this.options.port), "-H", "127.0.0.1"], {
      cwd: appDir,
      env: serverEnv(this.options),
      detached: true,
      stdio: ["ignore", log, log],
    });
    closeSync(log);
    this.child = child;
    const pid = child.pid!;
    this.forget = onCleanup(`server on port ${this.options.port}`, () => killGroup(pid, "SIGKILL"));
    let exited = false;
    child.once("exit", (code, signal) => {
      exited = true;
      this.lastExit = signal ? `killed by ${signal}` : `exit code ${code}`;
    });
    while (performance.now() - started < START_TIMEOUT_MS) {
      if (exited) {
        this.child = undefined;
        this.forget();
        throw new Error(`the server exited while starting; its log:\n${this.logTail()}`);
      }
      if ((await healthStatus(this.origin)) === 200) return performance.now() - started;
      await sleep(200);
    }
    await this.kill();
    throw new Error(`the server did not answer /api/health with 200 within ${START_TIMEOUT_MS / 1000} s; its log:\n${this.logTail()}`);
  }

  /** False once the process has exited on its own (a crash), while this script thinks it runs. */
  alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** After a crash: clears what is left of the process group and starts it again. */
  async restart(): Promise<number> {
    await this.kill();
    return this.start();
  }

  /** SIGKILL to the whole process group, as a crash or an OOM killer would. */
  async kill(): Promise<void> {
    await this.signal("SIGKILL");
  }

  /** A graceful stop (SIGTERM), falling back to SIGKILL after 15 s. */
  async stop(): Promise<void> {
    await this.signal("SIGTERM", 15_000);
  }

  private async signal(signal: NodeJS.Signals, graceMs = 10_000): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once("exit", () => resolve());
    });
    killGroup(child.pid!, signal);
    const timer = setTimeout(() => killGroup(child.pid!, "SIGKILL"), graceMs);
    await withTimeout(exited, graceMs + 20_000, `the server (process ${child.pid}) exiting`).catch((error: Error) => {
      process.stderr.write(`${error.message}; going on\n`);
    });
    clearTimeout(timer);
    // Whatever else the group held (a worker), gone too before the port is reused.
    killGroup(child.pid!, "SIGKILL");
    this.child = undefined;
    this.forget?.();
    this.forget = undefined;
  }

  logTail(lines = 30): string {
    try {
      return readFileSync(this.options.logFile, "utf8").split("\n").slice(-lines).join("\n");
    } catch {
      return "(no log)";
    }
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

async function healthStatus(origin: string): Promise<number | undefined> {
  try {
    const check = async () => {
      const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      return response.status;
    };
    return await withTimeout(check(), 6_000, "health check");
  } catch {
    return undefined;
  }
}

/** A port still held by a killed server's socket would make the next start fail. */
async function waitUntilPortFree(port: number): Promise<void> {
  const { createServer } = await import("node:net");
  for (let attempt = 0; attempt < 100; attempt++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer()
        .once("error", () => resolve(false))
        .listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return;
    await sleep(100);
  }
  throw new Error(`port ${port} stays in use; is another server running there? (set CHAOS_PORT_BASE)`);
}
