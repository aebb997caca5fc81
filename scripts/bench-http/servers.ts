/**
 * The production build under load and the database behind it. The server and the database
 * targets are the chaos harness's (same `next start`, same private PostgreSQL cluster with
 * default durability); this adds the ceiling route's switch and the server's peak RSS.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { makeTempDir, pgliteTarget, postgresTarget, type Target } from "../chaos/databases";
import { Server } from "../chaos/server";
import { allStats } from "./cpu";

export type DatabaseKind = "postgres" | "pglite";
export const databaseLabels: Record<DatabaseKind, string> = { postgres: "PostgreSQL", pglite: "PGlite" };

/** A target, or the reason PostgreSQL is skipped (no URL given and no binaries installed). */
export async function openTarget(kind: DatabaseKind, clusterPort: number, databaseUrl: string | undefined): Promise<Target | string> {
  if (kind === "pglite") return pgliteTarget();
  const target = await postgresTarget(clusterPort, databaseUrl);
  return typeof target === "string" ? "no PostgreSQL: pass --database-url or BENCH_DATABASE_URL, or install the server (initdb, pg_ctl)" : target;
}

/**
 * `next start` of the app built in `appDir` on 127.0.0.1, with the ceiling route switched on,
 * profiled into `cpuProfileDir` when given.
 */
export function benchServer(target: Target, port: number, appDir: string, cpuProfileDir?: string): Server {
  const logFile = path.join(makeTempDir("bench-logs"), `${target.kind}-server.log`);
  const nodeArgs = cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfileDir}`] : [];
  return new Server({ port, dataDir: target.dataDir, databaseUrl: target.databaseUrl, logFile, env: { BENCH_CEILING: "1" }, appDir, nodeArgs });
}

/**
 * Samples the peak resident set (VmHWM) of the processes below `next start`, the
 * `next-server` child among them, once a second. VmHWM is the kernel's own high-water mark,
 * so a peak between two samples is not missed as long as the process still runs at the next.
 */
export class RssSampler {
  private peakBytes = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly server: Server) {}

  start(): void {
    this.sample();
    this.timer ??= setInterval(() => this.sample(), 1_000);
  }

  /** The highest peak seen since this sampler was made, in bytes; samples once more first. */
  stop(): number {
    this.sample();
    clearInterval(this.timer);
    this.timer = undefined;
    return this.peakBytes;
  }

  get peak(): number {
    return this.peakBytes;
  }

  sample(): void {
    const root = this.server.pid;
    if (root === undefined) return;
    for (const pid of [root, ...descendants(root)]) this.peakBytes = Math.max(this.peakBytes, statusKib(pid, "VmHWM") * 1024);
  }
}

/** Every process below `root`, found through /proc/<pid>/stat's parent field. */
export function descendants(root: number): number[] {
  const parentOf = new Map(allStats().map((stat) => [stat.pid, stat.ppid]));
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [pid, ppid] of parentOf) {
      if (ppid === parent) {
        found.push(pid);
        queue.push(pid);
      }
    }
  }
  return found;
}

function statusKib(pid: number, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}
