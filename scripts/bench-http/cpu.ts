/**
 * CPU time per request, read from /proc. Throughput on a CPU-bound server is the inverse of
 * the CPU time each request costs, and that cost moves far less with the other processes on a
 * shared machine than wall-clock req/s does: a 10% difference that req/s loses in the noise
 * shows here. The app's CPU is that of the process that listens on the server's port (`next
 * start` forks `next-server`, which does the work) and its descendants; the database's is
 * that of the postmaster that listens on the database's port and its children, the backends.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

export type ProcStat = { pid: number; comm: string; ppid: number; utime: number; stime: number; cutime: number; cstime: number };

/**
 * One /proc/<pid>/stat line. The command name sits in parentheses and may itself hold spaces
 * and parentheses, so the fields are counted from the last ")": state is field 3, ppid 4,
 * utime 14, stime 15, cutime 16, cstime 17 (proc(5)), all times in clock ticks.
 */
export function parseStat(line: string): ProcStat {
  const open = line.indexOf("(");
  const close = line.lastIndexOf(")");
  if (open < 0 || close < open) throw new Error(`not a /proc/<pid>/stat line: ${line.slice(0, 80)}`);
  const fields = line.slice(close + 2).trim().split(" ");
  if (fields.length < 15) throw new Error(`a /proc/<pid>/stat line with ${fields.length} fields after the command name`);
  const at = (field: number) => Number(fields[field - 3]);
  return { pid: Number(line.slice(0, open).trim()), comm: line.slice(open + 1, close), ppid: at(4), utime: at(14), stime: at(15), cutime: at(16), cstime: at(17) };
}

export function readStat(pid: number | "self"): ProcStat | undefined {
  try {
    return parseStat(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    // The process ended, or this is not Linux.
    return undefined;
  }
}

/** Every process's stat line that could still be read. */
export function allStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.push(stat);
  }
  return stats;
}

/**
 * The process listening on TCP `port` (IPv4 or IPv6): the socket's inode from /proc/net/tcp*,
 * then the process holding a descriptor to it. Undefined when none is visible to this user.
 */
export function listeningPid(port: number): number | undefined {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const row of text.split("\n").slice(1)) {
      const cols = row.trim().split(/\s+/);
      // local_address is ADDR:PORT in hex, st 0A is LISTEN, inode is the tenth column.
      if (cols.length > 9 && cols[3] === "0A" && parseInt(cols[1].split(":")[1], 16) === port) inodes.add(cols[9]);
    }
  }
  if (inodes.size === 0) return undefined;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${entry}/fd/${fd}`));
        if (match && inodes.has(match[1])) return Number(entry);
      } catch {
        // The descriptor closed meanwhile.
      }
    }
  }
  return undefined;
}

/** Ticks spent by each process of the tree under `root` (root included), own and reaped children's. */
export type TreeSnapshot = Map<number, number>;

export function snapshotTree(root: number, stats: ProcStat[] = allStats()): TreeSnapshot {
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const snapshot: TreeSnapshot = new Map();
  const queue = stats.filter((s) => s.pid === root);
  while (queue.length > 0) {
    const stat = queue.shift()!;
    snapshot.set(stat.pid, stat.utime + stat.stime + stat.cutime + stat.cstime);
    queue.push(...(children.get(stat.pid) ?? []));
  }
  return snapshot;
}

/**
 * Ticks the tree spent between two snapshots. A process alive at both counts its difference;
 * one born since counts all it spent; one that ended meanwhile was reaped by its parent, whose
 * cutime/cstime took in its whole lifetime, so what it had spent before the first snapshot is
 * taken off again.
 */
export function treeTicks(before: TreeSnapshot, after: TreeSnapshot): number {
  let ticks = 0;
  for (const [pid, spent] of after) ticks += spent - (before.get(pid) ?? 0);
  for (const [pid, spent] of before) if (!after.has(pid)) ticks -= spent;
  return ticks;
}

let ticksPerSecond: number | undefined;

export function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU milliseconds spent over a window, by the app and (when its processes are visible) the database. */
export type CpuSpent = { appMs: number; dbMs?: number };

/** Finds the listening processes once the servers run, and measures windows of their CPU time. */
export class CpuMeter {
  constructor(
    private readonly appPort: number,
    private readonly databasePort: number | undefined,
  ) {}

  /** Which processes are measured, for the log: "app 1234 (next-server (v16)), db 987 (postgres)". */
  describe(): string {
    const name = (port: number | undefined) => {
      const pid = port === undefined ? undefined : listeningPid(port);
      const stat = pid === undefined ? undefined : readStat(pid);
      return stat ? `${stat.pid} (${stat.comm})` : "not visible";
    };
    return `app ${name(this.appPort)}, db ${this.databasePort === undefined ? "in the app or remote" : name(this.databasePort)}`;
  }

  /** Starts a window; the function it returns ends it. Undefined when the app's process is not found. */
  begin(): (() => CpuSpent) | undefined {
    const app = listeningPid(this.appPort);
    if (app === undefined) return undefined;
    const db = this.databasePort === undefined ? undefined : listeningPid(this.databasePort);
    const stats = allStats();
    const appBefore = snapshotTree(app, stats);
    const dbBefore = db === undefined ? undefined : snapshotTree(db, stats);
    return () => {
      const end = allStats();
      const ms = (ticks: number) => (ticks * 1000) / clockTicks();
      const appMs = ms(treeTicks(appBefore, snapshotTree(app, end)));
      return db === undefined || dbBefore === undefined ? { appMs } : { appMs, dbMs: ms(treeTicks(dbBefore, snapshotTree(db, end))) };
    };
  }
}

/** The port of a PostgreSQL URL on this machine, whose processes /proc can show; else undefined. */
export function localDatabasePort(url: string | undefined): number | undefined {
  if (!url) return undefined;
  const parsed = new URL(url);
  if (!["127.0.0.1", "localhost", "[::1]", ""].includes(parsed.hostname)) return undefined;
  return Number(parsed.port || 5432);
}
